package io.tradepilot.alerts.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.tradepilot.db.Tables.AUDIT_EVENT;
import static io.tradepilot.db.Tables.TELEGRAM_LINK;
import static io.tradepilot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.tradepilot.controls.ControlKeys;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.ControlsReading;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.testing.TestUser;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import io.tradepilot.audit.AuditLog;
import io.tradepilot.trading.TradingQueries;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Telegram bot end to end on real PostgreSQL and Redis, with WireMock as Telegram's Bot API (getUpdates answers
 * the scripted messages by offset, sendMessage takes the answers): linking from the app with a one-time code, the
 * read commands from the live state, {@code /kill} with its confirmation engaging the kill switch as the linked
 * operator (audited like the app's), a viewer's {@code /kill} recorded DENIED, unlinked and group chats refused,
 * and the per-user rate limit.
 */
class TelegramBotIT extends IntegrationTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BOT_TOKEN = "123456789:AAH-commands-bot-token_0123456789";
    private static final WireMockServer TELEGRAM = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    @Autowired DSLContext db;
    @Autowired StringRedisTemplate redis;
    @Autowired ControlService controls;
    @Autowired io.tradepilot.alerts.Alerts alerts;
    @Autowired TelegramLinks links;
    @Autowired PlatformTransactionManager transactions;
    @Autowired UserDetailsService userDetails;
    @Autowired ObjectProvider<TradingQueries> trading;
    @Autowired AuditLog auditLog;

    private long nextUpdate;

    @BeforeAll
    static void startStandIn() {
        TELEGRAM.start();
    }

    @AfterAll
    static void stopStandIn() {
        TELEGRAM.stop();
    }

    @BeforeEach
    void botAtTheStandIn() {
        ControlKeys.clear(redis);
        db.execute("TRUNCATE alert_delivery, alert, alert_channel, alert_rule, telegram_link, telegram_link_code RESTART IDENTITY CASCADE");
        db.execute("UPDATE telegram_bot_state SET owner = NULL, lease_until = NULL, next_update_id = 1");
        nextUpdate = 1;
        TELEGRAM.resetAll();
        TELEGRAM.stubFor(post(urlEqualTo("/bot" + BOT_TOKEN + "/sendMessage")).willReturn(okJson("{\"ok\":true,\"result\":{\"message_id\":1}}")));
        TELEGRAM.stubFor(post(urlEqualTo("/bot" + BOT_TOKEN + "/getUpdates")).atPriority(10).willReturn(okJson("{\"ok\":true,\"result\":[]}")));
        HttpResponse<String> created = api(users.apiToken(users.admin())).post("/api/v1/alerts/channels", """
                {"name":"desk bot","kind":"TELEGRAM","minSeverity":"CRITICAL","settings":{"chatId":"-100200300","apiBaseUrl":"%s","commands":"true"},"secret":"%s"}"""
                .formatted(TELEGRAM.baseUrl(), BOT_TOKEN));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    @AfterEach
    void noBot() {
        db.execute("TRUNCATE alert_delivery, alert, alert_channel RESTART IDENTITY CASCADE");
        ControlKeys.clear(redis);
    }

    @Test
    void a_user_links_from_the_app_with_a_one_time_code_and_reads_the_live_state() throws Exception {
        TestUser operator = users.operator();
        String token = users.apiToken(operator);
        HttpResponse<String> none = api(token).get("/api/v1/alerts/telegram/link");
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.body()).contains("TELEGRAM_NOT_LINKED");

        String code = linkCode(token);
        say(501, "private", "/start " + code);
        assertThat(answer(501, 1)).startsWith("Linked to Tradepilot user " + operator.username());
        assertThat(db.fetchOne(TELEGRAM_LINK, TELEGRAM_LINK.TELEGRAM_USER_ID.eq(501L)).getUsername()).isEqualTo(operator.username());
        assertThat(JSON.readTree(api(token).get("/api/v1/alerts/telegram/link").body()).get("telegramUserId").asLong()).isEqualTo(501L);
        assertThat(audits("TELEGRAM_LINK_CODE_ISSUED", operator.username(), "SUCCESS")).isEqualTo(1);
        assertThat(audits("TELEGRAM_LINKED", operator.username(), "SUCCESS")).isEqualTo(1);

        // the code was used once: another Telegram user cannot take it
        say(502, "private", "/start " + code);
        assertThat(answer(502, 1)).contains("unknown, used or expired");
        assertThat(audits("TELEGRAM_LINKED", "telegram:502", "FAILED")).isEqualTo(1);

        say(501, "private", "/status");
        assertThat(answer(501, 2)).contains("Trading: ACTIVE").contains("Kill switch: ACTIVE").contains("Circuit breaker: OPEN");
        say(501, "private", "/orders");
        assertThat(answer(501, 3)).isNotBlank();
        say(501, "private", "/positions");
        assertThat(answer(501, 4)).isNotBlank();
        say(501, "private", "/pnl");
        assertThat(answer(501, 5)).isNotBlank();
        // a group chat is never answered with the state, even for a linked user
        say(501, "group", "/status");
        assertThat(answer(501, 6)).startsWith("I answer only in a private chat");

        HttpRequest.Builder unlink = api(token).request("/api/v1/alerts/telegram/link").DELETE();
        assertThat(api(token).send(unlink).statusCode()).isEqualTo(204);
        say(501, "private", "/status");
        eventually(Duration.ofSeconds(20), () -> answers(501).getLast().startsWith("This Telegram account is not linked"), "refused after unlinking");
        assertThat(audits("TELEGRAM_UNLINKED", operator.username(), "SUCCESS")).isEqualTo(1);
    }

    @Test
    void an_operator_engages_the_kill_switch_after_confirming_and_a_viewer_is_denied_like_in_the_app() {
        TestUser operator = users.operator();
        TestUser viewer = users.viewer();
        say(601, "private", "/start " + linkCode(users.apiToken(operator)));
        say(602, "private", "/start " + linkCode(users.apiToken(viewer)));
        answer(601, 1);
        answer(602, 1);

        say(602, "private", "/kill the viewer tries to stop trading");
        assertThat(answer(602, 2)).isEqualTo("Only operators and admins may engage the kill switch.");
        assertThat(audits("KILL_SWITCH_ENGAGE", viewer.username(), "DENIED")).isEqualTo(1);
        assertThat(engaged()).isFalse();

        say(601, "private", "/kill short");
        assertThat(answer(601, 2)).startsWith("Give a reason of at least");
        say(601, "private", "/confirm");
        assertThat(answer(601, 3)).startsWith("Nothing to confirm");
        say(601, "private", "/kill broker rejects every order");
        assertThat(answer(601, 4)).contains("Send /confirm within");
        assertThat(engaged()).isFalse();
        say(601, "private", "/confirm");
        assertThat(answer(601, 5)).startsWith("Kill switch ENGAGED");
        assertThat(engaged()).isTrue();
        assertThat(audits("KILL_SWITCH_ENGAGE", operator.username(), "SUCCESS")).isEqualTo(1);
        assertThat(db.select(AUDIT_EVENT.REASON).from(AUDIT_EVENT).where(AUDIT_EVENT.ACTION.eq("KILL_SWITCH_ENGAGE"),
                AUDIT_EVENT.USERNAME.eq(operator.username()), AUDIT_EVENT.OUTCOME.eq("SUCCESS")).fetchOne(AUDIT_EVENT.REASON))
                .isEqualTo("broker rejects every order [via Telegram]");

        say(601, "private", "/status");
        assertThat(answer(601, 6)).contains("Kill switch: ENGAGED");
    }

    /**
     * A second instance's command handler: its own memory, the same PostgreSQL and Redis (what another instance of the
     * app builds). The bot's poller may move between instances between a {@code /kill} and its {@code /confirm}.
     */
    private TelegramCommands otherInstance() {
        return new TelegramCommands(links, new TransactionTemplate(transactions), userDetails,
                () -> java.util.Optional.ofNullable(trading.getIfAvailable()), controls, alerts, auditLog,
                SecurityContextHolder.getContextHolderStrategy(), clock, 20, Duration.ofSeconds(60), new PendingKills(redis));
    }

    @Test
    void a_kill_asked_on_one_instance_is_confirmed_on_another_once_and_never_replayed_or_after_its_expiry() {
        TestUser operator = users.operator();
        say(621, "private", "/start " + linkCode(users.apiToken(operator)));
        answer(621, 1);
        TelegramCommands b = otherInstance();

        // expiry: asked on B, confirmed through the running bot (instance A) after the window (the app's clock)
        assertThat(b.answer(621, 621, "private", "/kill first try, left too long")).hasValueSatisfying(a -> assertThat(a).contains("/confirm"));
        clock.advance(Duration.ofSeconds(61));
        say(621, "private", "/confirm");
        assertThat(answer(621, 2)).startsWith("Nothing to confirm");
        assertThat(lastDetail(TelegramCommands.KILL_CONFIRM, operator.username())).startsWith("the request expired at");

        // /cancel on one instance drops the request for all
        assertThat(b.answer(621, 621, "private", "/kill second try, then cancelled")).isPresent();
        say(621, "private", "/cancel");
        assertThat(answer(621, 3)).startsWith("Cancelled");
        assertThat(b.answer(621, 621, "private", "/confirm")).hasValueSatisfying(a -> assertThat(a).startsWith("Nothing to confirm"));
        assertThat(engaged()).isFalse();
        assertThat(audits(TelegramCommands.KILL_CANCELLED, operator.username(), "SUCCESS")).isEqualTo(1);

        // asked through A: the request is in Redis with its expiry, not in A's memory ...
        say(621, "private", "/kill feed shows garbage prices");
        assertThat(answer(621, 4)).contains("Send /confirm within 60 s");
        assertThat(redis.opsForValue().get(PendingKills.key(621))).endsWith("\n" + operator.username() + "\nfeed shows garbage prices");
        assertThat(redis.getExpire(PendingKills.key(621))).isBetween(1L, 60L);
        assertThat(audits(TelegramCommands.KILL_REQUESTED, operator.username(), "SUCCESS")).isEqualTo(3);

        // ... so B, which never saw this /kill, confirms it
        assertThat(b.answer(621, 621, "private", "/confirm")).hasValueSatisfying(a -> assertThat(a).startsWith("Kill switch ENGAGED"));
        assertThat(engaged()).isTrue();
        assertThat(redis.hasKey(PendingKills.key(621))).isFalse();

        // single use: a second /confirm, on B or through A, finds nothing and engages nothing again
        assertThat(b.answer(621, 621, "private", "/confirm")).hasValueSatisfying(a -> assertThat(a).startsWith("Nothing to confirm"));
        say(621, "private", "/confirm");
        assertThat(answer(621, 5)).startsWith("Nothing to confirm");
        assertThat(audits("KILL_SWITCH_ENGAGE", operator.username(), "SUCCESS")).isEqualTo(1);
        assertThat(audits("KILL_SWITCH_ENGAGE", operator.username(), "FAILED")).isZero();
        assertThat(audits(TelegramCommands.KILL_CONFIRM, operator.username(), "FAILED")).isEqualTo(4);
        assertThat(lastDetail(TelegramCommands.KILL_CONFIRM, operator.username())).startsWith("nothing waiting");
    }

    private String lastDetail(String action, String username) {
        return db.select(AUDIT_EVENT.DETAIL).from(AUDIT_EVENT).where(AUDIT_EVENT.ACTION.eq(action), AUDIT_EVENT.USERNAME.eq(username))
                .orderBy(AUDIT_EVENT.ID.desc()).limit(1).fetchOne(AUDIT_EVENT.DETAIL);
    }

    @Test
    void an_alert_is_acknowledged_once_from_the_chat_or_over_rest_by_operators_only() throws Exception {
        TestUser operator = users.operator();
        TestUser viewer = users.viewer();
        String operatorToken = users.apiToken(operator);
        String viewerToken = users.apiToken(viewer);
        long first = alerts.raise(io.tradepilot.alerts.AlertRule.BROKER_ERRORS, "ack-1", null, "Broker errors", "five rejects").orElseThrow();
        long second = alerts.raise(io.tradepilot.alerts.AlertRule.STALE_DATA, "ack-2", null, "Stale data", "no bar").orElseThrow();
        assertThat(JSON.readTree(api(viewerToken).get("/api/v1/alerts/unacknowledged").body()).get("count").asLong()).isEqualTo(2);

        say(801, "private", "/start " + linkCode(operatorToken));
        say(802, "private", "/start " + linkCode(viewerToken));
        answer(801, 1);
        answer(802, 1);
        say(802, "private", "/ack " + first);
        assertThat(answer(802, 2)).isEqualTo("Only operators and admins may acknowledge alerts.");
        assertThat(audits("ALERT_ACKNOWLEDGE", viewer.username(), "DENIED")).isEqualTo(1);
        say(801, "private", "/ack #" + first);
        assertThat(answer(801, 2)).isEqualTo("Acknowledged alert #" + first + ": Broker errors");
        say(801, "private", "/ack " + first);
        assertThat(answer(801, 3)).startsWith("Not acknowledged: alert " + first + " was acknowledged by " + operator.username());
        assertThat(audits("ALERT_ACKNOWLEDGED", operator.username(), "SUCCESS")).isEqualTo(1);

        assertThat(api(viewerToken).post("/api/v1/alerts/" + second + "/acknowledge", "").statusCode()).isEqualTo(403);
        HttpResponse<String> acked = api(operatorToken).post("/api/v1/alerts/" + second + "/acknowledge", "");
        assertThat(acked.statusCode()).as(acked.body()).isEqualTo(200);
        assertThat(JSON.readTree(acked.body()).get("acknowledgedBy").asString()).isEqualTo(operator.username());
        HttpResponse<String> again = api(operatorToken).post("/api/v1/alerts/" + second + "/acknowledge", "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("ALERT_ALREADY_ACKNOWLEDGED");
        assertThat(api(operatorToken).post("/api/v1/alerts/999999/acknowledge", "").body()).contains("ALERT_NOT_FOUND");
        assertThat(JSON.readTree(api(viewerToken).get("/api/v1/alerts/unacknowledged").body()).get("count").asLong()).isZero();
    }

    @Test
    void messages_past_the_rate_limit_are_answered_once_and_recorded_rate_limited() {
        ArrayNode burst = JSON.createArrayNode();
        for (int i = 0; i < 22; i++) burst.add(update(nextUpdate + i, 701, "private", "/help"));
        script(nextUpdate, burst);
        nextUpdate += 22;
        eventually(Duration.ofSeconds(20), () -> answers(701).size() == 21, "21 answers");
        assertThat(answers(701).getLast()).startsWith("Too many messages");
        assertThat(answers(701).subList(0, 20)).allMatch(a -> a.startsWith("This Telegram account is not linked"));
        eventually(Duration.ofSeconds(10), () -> audits("TELEGRAM_COMMAND", "telegram:701", "RATE_LIMITED") == 1, "recorded once");
    }

    // ---------------------------------------------------------------- helpers

    private String linkCode(String token) {
        HttpResponse<String> issued = api(token).post("/api/v1/alerts/telegram/link", "");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        JsonNode code = JSON.readTree(issued.body());
        assertThat(code.get("command").asString()).isEqualTo("/start " + code.get("code").asString());
        return code.get("code").asString();
    }

    /** The stand-in answers the next getUpdates (by its offset) with one message. */
    private void say(long from, String chatType, String text) {
        ArrayNode one = JSON.createArrayNode();
        one.add(update(nextUpdate, from, chatType, text));
        script(nextUpdate, one);
        nextUpdate++;
    }

    private static ObjectNode update(long id, long from, String chatType, String text) {
        ObjectNode u = JSON.createObjectNode();
        u.put("update_id", id);
        ObjectNode m = u.putObject("message");
        m.put("message_id", id);
        m.putObject("from").put("id", from).put("is_bot", false).put("first_name", "Trader");
        m.putObject("chat").put("id", chatType.equals("private") ? from : -100500L).put("type", chatType);
        m.put("text", text);
        return u;
    }

    private static void script(long offset, ArrayNode updates) {
        TELEGRAM.stubFor(post(urlEqualTo("/bot" + BOT_TOKEN + "/getUpdates")).atPriority(1)
                .withRequestBody(equalToJson("{\"offset\":" + offset + "}", true, true))
                .willReturn(okJson("{\"ok\":true,\"result\":" + updates + "}")));
    }

    /** The texts the bot sent to the private chat of {@code from}, in order. */
    private static List<String> answers(long from) {
        List<String> texts = new ArrayList<>();
        TELEGRAM.findAll(postRequestedFor(urlEqualTo("/bot" + BOT_TOKEN + "/sendMessage"))).forEach(r -> {
            JsonNode body = JSON.readTree(r.getBodyAsString());
            if (body.get("chat_id").asString().equals(Long.toString(from))
                    || body.get("chat_id").asString().equals("-100500") && from > 0) {
                texts.add(body.get("text").asString());
            }
        });
        return texts;
    }

    /** The {@code n}th answer (1-based) to {@code from}, once it came. */
    private static String answer(long from, int n) {
        eventually(Duration.ofSeconds(20), () -> answers(from).size() >= n, "answer " + n + " to " + from);
        return answers(from).get(n - 1);
    }

    private int audits(String action, String username, String outcome) {
        return db.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq(action), AUDIT_EVENT.USERNAME.eq(username), AUDIT_EVENT.OUTCOME.eq(outcome));
    }

    private boolean engaged() {
        return controls.read() instanceof ControlsReading.Known k && k.killSwitch().engaged();
    }
}
