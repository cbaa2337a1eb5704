package io.tradepilot.alerts.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.tradepilot.db.Tables.ALERT_CHANNEL;
import static io.tradepilot.db.Tables.ALERT_DELIVERY;
import static io.tradepilot.db.Tables.AUDIT_EVENT;
import static io.tradepilot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.tradepilot.alerts.AlertRule;
import io.tradepilot.alerts.Alerts;
import io.tradepilot.controls.ControlKeys;
import io.tradepilot.testing.IntegrationTestSupport;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts end to end on real PostgreSQL and Redis, with WireMock as Telegram's Bot API and as a webhook receiver
 * and GreenMail as the SMTP server: engaging the kill switch through the REST API reaches all three exactly once,
 * with its severity; a receiver that fails is retried after the backoff and gets the alert once; a delivery whose
 * sender died mid-send is sent after its lease; secrets are sealed in the database and never in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class AlertsDeliveryIT extends IntegrationTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BOT_TOKEN = "987654321:AAH-bot-token-never-logged_0123456789";
    private static final String WEBHOOK_SECRET = "T0SECRET/B0PART/never-logged-xyz";
    private static final String SMTP_PASSWORD = "smtp-pass-never-logged-42";
    private static final WireMockServer STANDIN = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired DSLContext db;
    @Autowired StringRedisTemplate redis;
    @Autowired OutboxSender sender;
    @Autowired Alerts alerts;
    @Autowired org.springframework.context.ApplicationEventPublisher events;

    private String admin;
    private String operator;

    @BeforeAll
    static void startStandIn() {
        STANDIN.start();
    }

    @AfterAll
    static void stopStandIn() {
        STANDIN.stop();
    }

    @BeforeEach
    void channelsAtTheStandIns() {
        ControlKeys.clear(redis);
        db.execute("TRUNCATE alert_delivery, alert, alert_channel, alert_rule RESTART IDENTITY CASCADE");
        db.execute("UPDATE alert_settings SET quiet_from = TIME '00:00', quiet_to = TIME '00:00'");
        STANDIN.resetAll();
        STANDIN.stubFor(post(urlEqualTo("/bot" + BOT_TOKEN + "/sendMessage"))
                .willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":1}}")));
        STANDIN.stubFor(post(urlEqualTo("/hooks/" + WEBHOOK_SECRET)).willReturn(aResponse().withStatus(200)));
        smtp.setUser("alerts", SMTP_PASSWORD);
        admin = users.apiToken(users.admin());
        operator = users.apiToken(users.operator());
        create("""
                {"name":"desk telegram","kind":"TELEGRAM","settings":{"chatId":"-1001234567890","apiBaseUrl":"%s"},"secret":"%s"}"""
                .formatted(STANDIN.baseUrl(), BOT_TOKEN));
        create("""
                {"name":"desk mail","kind":"EMAIL","minSeverity":"WARNING","settings":{"host":"127.0.0.1","port":"%d","startTls":"false",
                 "username":"alerts","from":"tradepilot@example.test","to":"desk@example.test"},"secret":"%s"}"""
                .formatted(smtp.getSmtp().getPort(), SMTP_PASSWORD));
        create("""
                {"name":"desk hook","kind":"WEBHOOK","settings":{"format":"JSON"},"secret":"%s/hooks/%s"}"""
                .formatted(STANDIN.baseUrl(), WEBHOOK_SECRET));
    }

    @Test
    void engaging_the_kill_switch_reaches_telegram_email_and_the_webhook_exactly_once_with_its_severity(CapturedOutput output)
            throws Exception {
        long before = System.currentTimeMillis();
        HttpResponse<String> engaged = api(operator).post("/api/v1/kill-switch/engage", "{\"reason\":\"broker rejects every order\"}");
        long engagedAt = System.currentTimeMillis();
        assertThat(engaged.statusCode()).isEqualTo(200);

        eventually(Duration.ofSeconds(20), () -> deliveries("SENT") == 3, "the alert delivered to the three channels");
        System.out.printf("ALERT LATENCY engage request start -> stand-ins: telegram %d ms, webhook %d ms, mail (SENT recorded) <= %d ms;"
                        + " engage request took %d ms%n",
                STANDIN.findAll(postRequestedFor(urlEqualTo("/bot" + BOT_TOKEN + "/sendMessage"))).getFirst().getLoggedDate().getTime() - before,
                STANDIN.findAll(postRequestedFor(urlEqualTo("/hooks/" + WEBHOOK_SECRET))).getFirst().getLoggedDate().getTime() - before,
                System.currentTimeMillis() - before, engagedAt - before);
        List<LoggedRequest> telegram = STANDIN.findAll(postRequestedFor(urlEqualTo("/bot" + BOT_TOKEN + "/sendMessage")));
        assertThat(telegram).hasSize(1);
        JsonNode message = JSON.readTree(telegram.getFirst().getBodyAsString());
        assertThat(message.get("chat_id").asString()).isEqualTo("-1001234567890");
        assertThat(message.get("text").asString()).startsWith("[CRITICAL] Kill switch engaged by ")
                .contains("broker rejects every order");
        List<LoggedRequest> hook = STANDIN.findAll(postRequestedFor(urlEqualTo("/hooks/" + WEBHOOK_SECRET)));
        assertThat(hook).hasSize(1);
        JsonNode payload = JSON.readTree(hook.getFirst().getBodyAsString());
        assertThat(payload.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(payload.get("rule").asString()).isEqualTo("KILL_SWITCH_ENGAGED");
        assertThat(hook.getFirst().getHeader("Idempotency-Key")).startsWith("tradepilot-alert-");
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject()).startsWith("[CRITICAL] Kill switch engaged");
        assertThat(mails[0].getHeader("X-Tradepilot-Severity")[0]).isEqualTo("CRITICAL");
        assertThat(GreenMailUtil.getBody(mails[0])).contains("broker rejects every order");

        // nothing is due any more: further rounds of the sender send nothing again
        assertThat(sender.sendDue()).isZero();
        clock.advance(Duration.ofMinutes(5));
        assertThat(sender.sendDue()).isZero();
        assertThat(STANDIN.findAll(postRequestedFor(urlEqualTo("/bot" + BOT_TOKEN + "/sendMessage")))).hasSize(1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);

        JsonNode history = JSON.readTree(api(users.apiToken(users.viewer())).get("/api/v1/alerts").body());
        assertThat(history.get(0).get("rule").asString()).isEqualTo("KILL_SWITCH_ENGAGED");
        assertThat(history.get(0).get("deliveries")).hasSize(3);

        // secrets: sealed in the database, masked in the API, never in the log
        List<String> stored = db.select(ALERT_CHANNEL.SECRET).from(ALERT_CHANNEL).fetch(ALERT_CHANNEL.SECRET);
        assertThat(stored).hasSize(3).allSatisfy(secret -> assertThat(secret).startsWith("v1:")
                .doesNotContain(BOT_TOKEN).doesNotContain(WEBHOOK_SECRET).doesNotContain(SMTP_PASSWORD));
        String channels = api(admin).get("/api/v1/alerts/channels").body();
        assertThat(channels).doesNotContain(BOT_TOKEN).doesNotContain(WEBHOOK_SECRET).doesNotContain(SMTP_PASSWORD)
                .contains("\"secretSet\":true").contains("••••");
        assertThat(output.getAll()).contains("delivered to channel desk telegram")
                .doesNotContain(BOT_TOKEN).doesNotContain(WEBHOOK_SECRET).doesNotContain(SMTP_PASSWORD);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("ALERT_CHANNEL_CREATED"), AUDIT_EVENT.OUTCOME.eq("SUCCESS")))
                .isGreaterThanOrEqualTo(3);
        assertThat(db.select(AUDIT_EVENT.DETAIL).from(AUDIT_EVENT).where(AUDIT_EVENT.ACTION.like("ALERT_%")).fetch(AUDIT_EVENT.DETAIL))
                .allSatisfy(detail -> assertThat(String.valueOf(detail)).doesNotContain(BOT_TOKEN).doesNotContain(SMTP_PASSWORD)
                        .doesNotContain(WEBHOOK_SECRET));
    }

    @Test
    void the_daily_loss_entry_pause_reaches_the_channels_once_a_day_with_exact_figures_and_is_acknowledged_once() throws Exception {
        io.tradepilot.trading.DailyLossEntriesPaused paused = new io.tradepilot.trading.DailyLossEntriesPaused(
                java.time.LocalDate.of(2026, 12, 7), Instant.parse("2026-12-07T05:12:00Z"), "INFY", "INR", new BigDecimal("9000.63"),
                new BigDecimal("9000.000000"), new BigDecimal("0.018"), new BigDecimal("0.5"), new BigDecimal("1000000.00"),
                "entries paused for the day: daily loss ₹9,000.63 >= limit ₹9,000.00 (0.9%)");
        events.publishEvent(paused);
        events.publishEvent(paused); // the same day again (a restart, another instance): nothing new

        eventually(Duration.ofSeconds(20), () -> deliveries("SENT") == 3, "the pause delivered to the three channels (WARNING)");
        assertThat(db.fetchCount(ALERT_DELIVERY)).isEqualTo(3);
        List<LoggedRequest> telegram = STANDIN.findAll(postRequestedFor(urlEqualTo("/bot" + BOT_TOKEN + "/sendMessage")));
        assertThat(telegram).hasSize(1);
        assertThat(JSON.readTree(telegram.getFirst().getBodyAsString()).get("text").asString())
                .startsWith("[WARNING] Entries paused for 2026-12-07: daily loss 9000.63 INR ≥ 9000.00 INR\n")
                .contains("Day loss: 9000.63 INR", "Entry pause at: 9000.00 INR (50 % of the daily loss limit)",
                        "Daily loss limit: 18000.00 INR (1.8 % of the day's starting equity 1000000.00", "refused an entry in INFY");
        List<LoggedRequest> hook = STANDIN.findAll(postRequestedFor(urlEqualTo("/hooks/" + WEBHOOK_SECRET)));
        assertThat(hook).hasSize(1);
        JsonNode payload = JSON.readTree(hook.getFirst().getBodyAsString());
        assertThat(payload.get("rule").asString()).isEqualTo("DAILY_LOSS_ENTRIES_PAUSED");
        assertThat(payload.get("severity").asString()).isEqualTo("WARNING");
        assertThat(payload.get("body").asString()).contains("Day loss: 9000.63 INR");
        assertThat(smtp.getReceivedMessages()).hasSize(1);

        long id = payload.get("id").asLong();
        HttpResponse<String> acknowledged = api(operator).post("/api/v1/alerts/" + id + "/acknowledge", "");
        assertThat(acknowledged.statusCode()).as(acknowledged.body()).isEqualTo(200);
        assertThat(JSON.readTree(acknowledged.body()).get("acknowledgedBy").asString()).isNotBlank();
        HttpResponse<String> again = api(operator).post("/api/v1/alerts/" + id + "/acknowledge", "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("ALERT_ALREADY_ACKNOWLEDGED");

        // the next market day's pause is a new fact
        events.publishEvent(new io.tradepilot.trading.DailyLossEntriesPaused(java.time.LocalDate.of(2026, 12, 8),
                Instant.parse("2026-12-08T04:00:00Z"), "TCS", "INR", new BigDecimal("9100"), new BigDecimal("9000"),
                new BigDecimal("0.018"), new BigDecimal("0.5"), new BigDecimal("1000000"), "entries paused for the day"));
        eventually(Duration.ofSeconds(20), () -> deliveries("SENT") == 6, "the next day's pause delivered too");
    }

    @Test
    void a_receiver_that_fails_is_retried_after_the_backoff_and_gets_the_alert_once(CapturedOutput output) {
        STANDIN.stubFor(post(urlEqualTo("/hooks/" + WEBHOOK_SECRET)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("down for a moment; url /hooks/" + WEBHOOK_SECRET))
                .willSetStateTo("up"));
        STANDIN.stubFor(post(urlEqualTo("/hooks/" + WEBHOOK_SECRET)).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200)));

        assertThat(api(operator).post("/api/v1/kill-switch/engage", "{\"reason\":\"broker rejects every order\"}").statusCode())
                .isEqualTo(200);
        eventually(Duration.ofSeconds(20), () -> deliveries("SENT") == 2 && deliveries("PENDING") == 1,
                "telegram and mail delivered, the webhook waiting for its retry");
        var waiting = db.selectFrom(ALERT_DELIVERY).where(ALERT_DELIVERY.STATUS.eq("PENDING")).fetchOne();
        assertThat(waiting.getAttempts()).isEqualTo(1);
        assertThat(waiting.getLastError()).contains("HTTP 503").doesNotContain(WEBHOOK_SECRET);
        assertThat(waiting.getNextAttemptAt()).isAfter(clock.instant().plusSeconds(5)).isBefore(clock.instant().plusSeconds(11));

        clock.advance(Duration.ofSeconds(11));
        eventually(Duration.ofSeconds(20), () -> deliveries("SENT") == 3, "the webhook delivered at its retry");
        List<LoggedRequest> hook = STANDIN.findAll(postRequestedFor(urlEqualTo("/hooks/" + WEBHOOK_SECRET)));
        assertThat(hook).hasSize(2);
        assertThat(hook.get(0).getHeader("Idempotency-Key")).isEqualTo(hook.get(1).getHeader("Idempotency-Key"));
        clock.advance(Duration.ofMinutes(10));
        assertThat(sender.sendDue()).isZero();
        assertThat(STANDIN.findAll(postRequestedFor(urlEqualTo("/hooks/" + WEBHOOK_SECRET)))).hasSize(2);
        assertThat(STANDIN.findAll(postRequestedFor(urlEqualTo("/bot" + BOT_TOKEN + "/sendMessage")))).hasSize(1);
        assertThat(output.getAll()).contains("retrying at").doesNotContain(WEBHOOK_SECRET);
    }

    @Test
    void a_delivery_whose_sender_died_mid_send_is_sent_once_after_its_lease_ran_out() {
        db.execute("UPDATE alert_channel SET enabled = false WHERE kind <> 'WEBHOOK'");
        JooqAlertStore store = new JooqAlertStore(db);
        // then a delivery claimed by a sender that died before it recorded anything: SENDING, with a lease
        long alert = alerts.raise(AlertRule.TRADING_PAUSED, "trading", null, "Trading paused by test", "before the crash").orElseThrow();
        Instant now = clock.instant();
        eventually(Duration.ofSeconds(20), () -> deliveries("SENT") == 1, "the first delivery made");
        db.execute("DELETE FROM alert_delivery");
        STANDIN.resetRequests();
        db.insertInto(ALERT_DELIVERY).set(ALERT_DELIVERY.ALERT_ID, alert)
                .set(ALERT_DELIVERY.CHANNEL_ID, db.select(ALERT_CHANNEL.ID).from(ALERT_CHANNEL).where(ALERT_CHANNEL.KIND.eq("WEBHOOK")).fetchOne(ALERT_CHANNEL.ID))
                .set(ALERT_DELIVERY.STATUS, "SENDING").set(ALERT_DELIVERY.ATTEMPTS, 1)
                .set(ALERT_DELIVERY.NEXT_ATTEMPT_AT, now).set(ALERT_DELIVERY.LEASE_UNTIL, now.plus(Duration.ofMinutes(2))).execute();

        assertThat(sender.sendDue()).as("a live claim is not taken over").isZero();
        assertThat(store.claim(now, now.plusSeconds(60), 10)).as("nor claimed twice").isEmpty();
        clock.advance(Duration.ofMinutes(2));
        eventually(Duration.ofSeconds(20), () -> deliveries("SENT") == 1, "the delivery sent after the lease ran out");
        assertThat(STANDIN.findAll(postRequestedFor(urlEqualTo("/hooks/" + WEBHOOK_SECRET)))).hasSize(1);
        assertThat(db.select(ALERT_DELIVERY.ATTEMPTS).from(ALERT_DELIVERY).fetchOne(ALERT_DELIVERY.ATTEMPTS)).isEqualTo(2);
    }

    @Test
    void an_alert_raised_while_no_sender_runs_is_delivered_once_when_a_sender_starts_again() {
        sender.stop();
        try {
            long alert = alerts.raise(AlertRule.CIRCUIT_BREAKER_TRIPPED, "circuit_breaker", null, "Circuit breaker tripped automatically",
                    "DATA_STALE").orElseThrow();
            assertThat(db.fetchCount(ALERT_DELIVERY, ALERT_DELIVERY.ALERT_ID.eq(alert), ALERT_DELIVERY.STATUS.eq("PENDING")))
                    .as("written with the alert, waiting for a sender").isEqualTo(3);
        } finally {
            sender.start();
        }
        eventually(Duration.ofSeconds(20), () -> deliveries("SENT") == 3, "delivered by the restarted sender");
        assertThat(STANDIN.findAll(postRequestedFor(urlEqualTo("/bot" + BOT_TOKEN + "/sendMessage")))).hasSize(1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void a_channel_switched_off_before_its_delivery_does_not_send_it_and_an_update_without_secret_keeps_the_stored_one() {
        long telegram = db.select(ALERT_CHANNEL.ID).from(ALERT_CHANNEL).where(ALERT_CHANNEL.KIND.eq("TELEGRAM")).fetchOne(ALERT_CHANNEL.ID);
        String sealed = db.select(ALERT_CHANNEL.SECRET).from(ALERT_CHANNEL).where(ALERT_CHANNEL.ID.eq(telegram)).fetchOne(ALERT_CHANNEL.SECRET);
        sender.stop();
        try {
            alerts.raise(AlertRule.TRADING_PAUSED, "trading", null, "Trading paused by test", "").orElseThrow();
            String body = "{\"name\":\"desk telegram\",\"kind\":\"TELEGRAM\",\"enabled\":false,"
                    + "\"settings\":{\"chatId\":\"-1001234567890\",\"apiBaseUrl\":\"" + STANDIN.baseUrl() + "\"}}";
            HttpResponse<String> off = api(admin).send(api(admin).request("/api/v1/alerts/channels/" + telegram)
                    .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
            assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
            assertThat(off.body()).contains("\"enabled\":false").contains("\"secretSet\":true");
        } finally {
            sender.start();
        }
        eventually(Duration.ofSeconds(20), () -> deliveries("SENT") == 2 && deliveries("FAILED") == 1, "sent to the two channels still on");
        assertThat(STANDIN.findAll(postRequestedFor(urlEqualTo("/bot" + BOT_TOKEN + "/sendMessage")))).isEmpty();
        assertThat(db.select(ALERT_CHANNEL.SECRET).from(ALERT_CHANNEL).where(ALERT_CHANNEL.ID.eq(telegram)).fetchOne(ALERT_CHANNEL.SECRET))
                .as("the stored secret kept as it was").isEqualTo(sealed);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("ALERT_CHANNEL_UPDATED"), AUDIT_EVENT.OUTCOME.eq("SUCCESS"),
                AUDIT_EVENT.DETAIL.contains("secret unchanged"))).isPositive();
    }

    @Test
    void a_burst_of_failed_sign_ins_raises_one_warning_and_a_continuing_attack_folds_into_it() {
        for (int i = 0; i < 25; i++) {
            events.publishEvent(new io.tradepilot.security.LoginFailed("olga", "10.9.8." + (i % 3), clock.instant()));
        }
        eventually(Duration.ofSeconds(20), () -> db.fetchCount(io.tradepilot.db.Tables.ALERT,
                io.tradepilot.db.Tables.ALERT.RULE.eq("LOGIN_FAILURES"), io.tradepilot.db.Tables.ALERT.REPEATS.eq(1)) == 1,
                "one alert for two bursts of ten");
        eventually(Duration.ofSeconds(20), () -> deliveries("SENT") == 3, "the warning delivered");
        String text = JSON.readTree(STANDIN.findAll(postRequestedFor(urlEqualTo("/bot" + BOT_TOKEN + "/sendMessage")))
                .getFirst().getBodyAsString()).get("text").asString();
        assertThat(text).startsWith("[WARNING] 10 failed sign-ins").contains("olga").contains("10.9.8.2");
    }

    @Test
    void a_channel_over_its_rate_gets_the_rest_later_without_counting_an_attempt() {
        db.execute("UPDATE alert_channel SET enabled = false WHERE kind <> 'TELEGRAM'");
        db.execute("UPDATE alert_channel SET rate_per_minute = 1");
        long first = alerts.raise(AlertRule.TRADING_PAUSED, "a", null, "first", "").orElseThrow();
        eventually(Duration.ofSeconds(20), () -> sentOf(first) == 1, "the first sent");
        long second = alerts.raise(AlertRule.TRADING_PAUSED, "b", null, "second", "").orElseThrow();
        eventually(Duration.ofSeconds(20), () -> !dueTimes(second).getFirst().isBefore(clock.instant().plusSeconds(30)),
                "the second put back for the next free slot");
        var waiting = db.selectFrom(ALERT_DELIVERY).where(ALERT_DELIVERY.ALERT_ID.eq(second)).fetchOne();
        assertThat(waiting.getStatus()).isEqualTo("PENDING");
        assertThat(waiting.getAttempts()).isZero();
        assertThat(STANDIN.findAll(postRequestedFor(urlEqualTo("/bot" + BOT_TOKEN + "/sendMessage")))).hasSize(1);
        clock.advance(Duration.ofSeconds(61));
        eventually(Duration.ofSeconds(20), () -> sentOf(second) == 1, "the second sent in the next minute");
    }

    @Test
    void the_same_rule_and_key_within_the_window_is_one_alert_with_repeats() {
        assertThat(alerts.raise(AlertRule.LOGIN_FAILURES, "sign-in", null, "10 failed sign-ins", "a")).isPresent();
        clock.advance(Duration.ofMinutes(5));
        assertThat(alerts.raise(AlertRule.LOGIN_FAILURES, "sign-in", null, "10 failed sign-ins", "b")).isEmpty();
        assertThat(alerts.raise(AlertRule.LOGIN_FAILURES, "other", null, "10 failed sign-ins", "c")).isPresent();
        clock.advance(Duration.ofMinutes(11));
        assertThat(alerts.raise(AlertRule.LOGIN_FAILURES, "sign-in", null, "10 failed sign-ins", "d")).as("after the window").isPresent();
        assertThat(alerts.raise(AlertRule.EOD_REPORT, "eod:NSE", "eod:2026-03-02:NSE", "EOD", "x")).isPresent();
        assertThat(alerts.raise(AlertRule.EOD_REPORT, "eod:NSE", "eod:2026-03-02:NSE", "EOD", "x")).as("same source").isEmpty();
        var rows = db.fetch("SELECT dedup_key, repeats FROM alert WHERE rule = 'LOGIN_FAILURES' ORDER BY id");
        assertThat(rows.map(r -> r.get(0, String.class) + ":" + r.get(1, Integer.class))).containsExactly("sign-in:1", "other:0", "sign-in:0");
    }

    @Test
    void in_quiet_hours_a_warning_waits_until_they_end_and_a_critical_alert_goes_at_once() {
        LocalTime now = LocalTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalTime end = now.plusHours(1).withSecond(0).withNano(0);
        String body = "{\"from\":\"%s\",\"to\":\"%s\",\"zone\":\"UTC\"}".formatted(now.minusHours(1).withSecond(0).withNano(0), end);
        assertThat(api(admin).send(api(admin).request("/api/v1/alerts/quiet-hours").header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body))).statusCode()).isEqualTo(200);

        long warning = alerts.raise(AlertRule.TRADING_PAUSED, "trading", null, "Trading paused", "w").orElseThrow();
        long critical = alerts.raise(AlertRule.KILL_SWITCH_ENGAGED, "kill_switch", null, "Kill switch engaged", "c").orElseThrow();
        var today = clock.instant().atZone(ZoneOffset.UTC).with(end);
        Instant releaseAt = (today.isAfter(clock.instant().atZone(ZoneOffset.UTC)) ? today : today.plusDays(1)).toInstant();
        assertThat(dueTimes(warning)).containsOnly(releaseAt);
        Instant afterRaise = clock.instant();
        assertThat(dueTimes(critical)).allSatisfy(due -> assertThat(due).isBeforeOrEqualTo(afterRaise));
        eventually(Duration.ofSeconds(20), () -> sentOf(critical) == 3, "the critical alert delivered during quiet hours");
        assertThat(sentOf(warning)).isZero();
        clock.advance(Duration.between(clock.instant(), releaseAt));
        eventually(Duration.ofSeconds(20), () -> sentOf(warning) == 3, "the warning delivered when the quiet hours end");
    }

    @Test
    void bad_configuration_is_refused_with_problem_details_and_only_admins_configure() {
        HttpResponse<String> control = api(admin).post("/api/v1/alerts/channels",
                "{\"name\":\"bad\\u0007name\",\"kind\":\"WEBHOOK\",\"secret\":\"https://example.test/x\"}");
        assertThat(control.statusCode()).isEqualTo(422);
        assertThat(control.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        assertThat(control.body()).contains("\"code\":\"INVALID_TEXT\"").contains("\"field\":\"name\"");
        assertThat(api(admin).post("/api/v1/alerts/channels", "{\"name\":\"x\",\"kind\":\"PIGEON\"}").body())
                .contains("\"code\":\"INVALID_PARAMETER\"").contains("\"field\":\"kind\"");
        assertThat(api(admin).post("/api/v1/alerts/channels", "{\"name\":\"tg\",\"kind\":\"TELEGRAM\",\"settings\":{\"chatId\":\"1\"},\"secret\":\"nope\"}").body())
                .contains("\"field\":\"secret\"");
        assertThat(api(admin).post("/api/v1/alerts/channels", "{\"name\":\"desk hook\",\"kind\":\"WEBHOOK\",\"secret\":\"https://example.test/x\"}").statusCode())
                .isEqualTo(409);
        assertThat(api(admin).get("/api/v1/alerts?limit=0").statusCode()).isEqualTo(400);
        assertThat(api(admin).post("/api/v1/alerts/channels/999/test", "").statusCode()).isEqualTo(404);
        assertThat(api(operator).get("/api/v1/alerts/channels").statusCode()).isEqualTo(403);
        assertThat(api(operator).post("/api/v1/alerts/channels", "{\"name\":\"x\",\"kind\":\"WEBHOOK\",\"secret\":\"https://example.test/x\"}").statusCode())
                .isEqualTo(403);
        assertThat(api(operator).get("/api/v1/alerts").statusCode()).isEqualTo(200);
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("ALERT_CONFIG_CREATE_CHANNEL"), AUDIT_EVENT.OUTCOME.eq("DENIED"))).isPositive();
        assertThat(db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("ALERT_CHANNEL_CREATED"), AUDIT_EVENT.OUTCOME.eq("FAILED"))).isPositive();
    }

    @Test
    void the_test_send_reaches_the_channel_and_reports_a_failure_without_the_secret() {
        long telegram = db.select(ALERT_CHANNEL.ID).from(ALERT_CHANNEL).where(ALERT_CHANNEL.KIND.eq("TELEGRAM")).fetchOne(ALERT_CHANNEL.ID);
        assertThat(api(admin).post("/api/v1/alerts/channels/" + telegram + "/test", "").body()).contains("\"delivered\":true");
        STANDIN.stubFor(post(urlEqualTo("/bot" + BOT_TOKEN + "/sendMessage"))
                .willReturn(aResponse().withStatus(401).withBody("{\"ok\":false,\"description\":\"Unauthorized /bot" + BOT_TOKEN + "\"}")));
        String failed = api(admin).post("/api/v1/alerts/channels/" + telegram + "/test", "").body();
        assertThat(failed).contains("\"delivered\":false").contains("HTTP 401").doesNotContain(BOT_TOKEN);
        assertThat(STANDIN.findAll(postRequestedFor(urlEqualTo("/bot" + BOT_TOKEN + "/sendMessage"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("Test message")))).hasSize(2);
    }

    private void create(String json) {
        HttpResponse<String> response = api(admin).post("/api/v1/alerts/channels", json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private int deliveries(String status) {
        return db.fetchCount(ALERT_DELIVERY, ALERT_DELIVERY.STATUS.eq(status));
    }

    private int sentOf(long alert) {
        return db.fetchCount(ALERT_DELIVERY, ALERT_DELIVERY.ALERT_ID.eq(alert), ALERT_DELIVERY.STATUS.eq("SENT"));
    }

    private List<Instant> dueTimes(long alert) {
        return db.select(ALERT_DELIVERY.NEXT_ATTEMPT_AT).from(ALERT_DELIVERY).where(ALERT_DELIVERY.ALERT_ID.eq(alert))
                .fetch(ALERT_DELIVERY.NEXT_ATTEMPT_AT);
    }

}
