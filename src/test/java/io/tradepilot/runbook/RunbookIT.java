package io.tradepilot.runbook;

import static io.tradepilot.db.Tables.AUDIT_EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradepilot.brokers.AccountEnvironment;
import io.tradepilot.brokers.BrokerAccount;
import io.tradepilot.brokers.BrokerAccountRefusal;
import io.tradepilot.brokers.BrokerAccountRequest;
import io.tradepilot.brokers.BrokerAccounts;
import io.tradepilot.brokers.BrokerKind;
import io.tradepilot.strategies.RiskSettings;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.testing.TestUser;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The runbook's pre-flight and incidents on real PostgreSQL and Redis: ticks persist per day and per user, every
 * change is recorded in the audit log before it is made (refusals and denials too), completion requires every check
 * and item, viewers read but may not write. Live trading is off in this context, so the engine checks fail here;
 * the completed pre-flight is shown end to end in {@code RunbookE2E}.
 */
class RunbookIT extends IntegrationTestSupport {

    @Autowired Preflight preflight;
    @Autowired Incidents incidents;
    @Autowired DSLContext db;
    @Autowired BrokerAccounts brokerAccounts;
    @Autowired RiskSettings riskSettings;

    private long auditMark;

    @BeforeEach
    void emptyRunbookTables() {
        db.execute("TRUNCATE preflight_tick, preflight_completion, risk_limits_review, incident_entry, incident CASCADE");
        Long max = db.select(DSL.max(AUDIT_EVENT.ID)).from(AUDIT_EVENT).fetchOne(0, Long.class);
        auditMark = max == null ? 0 : max;
    }

    @Test
    void ticks_persist_per_day_and_per_user_and_each_is_audited_before_it_is_made() {
        TestUser first = users.operator();
        TestUser second = users.operator();
        LocalDate day = preflight.tradingDay();

        users.as(first, () -> {
            preflight.tick(day, "controls", true);
            preflight.tick(day, "news", true);
            preflight.tick(day, "news", false);
            preflight.tick(day, "positions", true);
        });

        Map<String, Boolean> firstSees = users.as(first, () -> ticked(preflight.sheet(day)));
        assertThat(firstSees).containsEntry("controls", true).containsEntry("positions", true)
                .containsEntry("news", false).containsEntry("strategies", false);
        assertThat(users.as(second, () -> ticked(preflight.sheet(day)))).doesNotContainValue(true);
        assertThat(db.fetchCount(DSL.table("preflight_tick"), DSL.field("username").eq(first.username()))).isEqualTo(2);

        assertThat(audit("PREFLIGHT_TICKED")).containsExactly(
                first.username() + " preflight:" + day + " SUCCESS",
                first.username() + " preflight:" + day + " SUCCESS",
                first.username() + " preflight:" + day + " SUCCESS");
        assertThat(audit("PREFLIGHT_UNTICKED")).containsExactly(first.username() + " preflight:" + day + " SUCCESS");

        assertThatThrownBy(() -> users.as(first, () -> preflight.tick(day, "no-such-item", true)))
                .isInstanceOfSatisfying(RunbookRefusal.class, r -> assertThat(r.code()).isEqualTo("UNKNOWN_ITEM"));
        assertThatThrownBy(() -> users.as(first, () -> preflight.tick(day.plusDays(7), "news", true)))
                .isInstanceOfSatisfying(RunbookRefusal.class, r -> assertThat(r.code()).isEqualTo("WRONG_DAY"));
        assertThat(audit("PREFLIGHT_TICKED")).hasSize(5).last().asString().endsWith("FAILED");
    }

    @Test
    void the_automatic_checks_show_their_evidence_and_completion_is_refused_while_one_fails() {
        TestUser operator = users.operator();
        LocalDate day = preflight.tradingDay();
        Map<String, CheckOutcome> checks = preflight.runChecks().stream()
                .collect(Collectors.toMap(CheckOutcome::id, c -> c, (a, b) -> a, LinkedHashMap::new));

        assertThat(checks.keySet()).containsExactly("postgresql", "redis", "leader", "feed", "calendar", "clock-skew",
                "disk", "risk-limits", "broker");
        assertThat(checks.get("postgresql").result().status()).isEqualTo(CheckResult.Status.PASS);
        assertThat(checks.get("postgresql").result().evidence()).startsWith("PostgreSQL 15");
        assertThat(checks.get("redis").result().evidence()).contains("PONG");
        assertThat(checks.get("calendar").result().status()).isEqualTo(CheckResult.Status.PASS);
        assertThat(checks.get("calendar").result().evidence()).contains(day.toString());
        assertThat(checks.get("clock-skew").result().status()).isEqualTo(CheckResult.Status.PASS);
        assertThat(checks.get("disk").result().status()).isEqualTo(CheckResult.Status.PASS);
        assertThat(checks.get("broker").result()).isEqualTo(CheckResult.notApplicable(
                "No broker account is active: orders go to the paper venue (Connections)"));
        // live trading is off in this context: no engine, no feed
        assertThat(checks.get("leader").result().status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(checks.get("feed").result().status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(checks.get("risk-limits").result().status()).isEqualTo(CheckResult.Status.FAIL);

        users.as(operator, () -> RunbookTestItems.tickAll(preflight, day));
        assertThatThrownBy(() -> users.as(operator, () -> preflight.complete(day)))
                .isInstanceOfSatisfying(RunbookRefusal.class, r -> {
                    assertThat(r.code()).isEqualTo("NOT_READY");
                    assertThat(r.getMessage()).contains("An instance runs the engine", "Risk limits reviewed");
                });
        assertThat(preflight.preflightComplete(day)).isFalse();
        assertThat(audit("PREFLIGHT_COMPLETED")).containsExactly(operator.username() + " preflight:" + day + " FAILED");
    }

    @Test
    void a_live_account_becomes_active_only_after_the_preflight_and_the_broker_check_reads_it() {
        db.execute("TRUNCATE broker_active_account, broker_account RESTART IDENTITY CASCADE");
        TestUser admin = users.admin();
        LocalDate day = preflight.tradingDay();
        try {
            BrokerAccount account = users.as(admin, () -> brokerAccounts.create(new BrokerAccountRequest(BrokerKind.ALPACA,
                    "runbook desk", AccountEnvironment.LIVE, "http://127.0.0.1:9", "http://127.0.0.1:9", "",
                    "ws://127.0.0.1:9/v2/iex", null, true, "PKRUNBOOKKEY1", "runbook-secret-value")));
            String target = admin.username() + " broker-account:" + account.id();

            // LIVE trading requires the day's pre-flight
            assertThatThrownBy(() -> users.as(admin, () -> brokerAccounts.activate(account.id())))
                    .isInstanceOfSatisfying(BrokerAccountRefusal.class, r -> {
                        assertThat(r.code()).isEqualTo("LIVE_NOT_READY");
                        assertThat(r.getMessage()).contains("the pre-flight for " + day + " is not complete");
                    });
            assertThat(audit("BROKER_ACCOUNT_ACTIVATED")).containsExactly(target + " FAILED");
            assertThat(brokerCheck().status()).isEqualTo(CheckResult.Status.NOT_APPLICABLE);

            // the engine checks cannot pass in this context (no engine): a completion is stored as the page would
            db.execute("INSERT INTO preflight_completion (day, username, completed_at, evidence) VALUES (?, ?, now(), 'IT')",
                    day, users.operator().username());
            users.as(admin, () -> brokerAccounts.activate(account.id()));
            assertThat(audit("BROKER_ACCOUNT_ACTIVATED")).containsExactly(target + " FAILED", target + " SUCCESS");

            CheckResult broker = brokerCheck();
            // no engine in this context, so no session is open here: the account's (missing) connection test stands in
            assertThat(broker.status()).isEqualTo(CheckResult.Status.WARN);
            assertThat(broker.evidence()).startsWith("runbook desk (ALPACA LIVE), real money: no session open on this instance")
                    .contains("never tested").doesNotContain("runbook-secret-value").doesNotContain("PKRUNBOOKKEY1");

            users.as(admin, () -> brokerAccounts.deactivate());
            assertThat(brokerCheck().status()).isEqualTo(CheckResult.Status.NOT_APPLICABLE);
        } finally {
            db.execute("TRUNCATE broker_active_account, broker_account RESTART IDENTITY CASCADE");
        }
    }

    private CheckResult brokerCheck() {
        return preflight.runChecks().stream().filter(c -> c.id().equals("broker")).findFirst().orElseThrow().result();
    }

    @Test
    void the_risk_limits_check_passes_only_after_someone_reviewed_the_limits_as_configured_now() {
        TestUser operator = users.operator();
        RiskLimitsReview before = preflight.riskLimits();
        assertThat(before.latest()).isEmpty();
        assertThat(before.limits()).contains("daily-loss=0.018");

        RiskLimitsReview after = users.as(operator, () -> preflight.reviewRiskLimits());

        assertThat(after.fingerprint()).isEqualTo(before.fingerprint());
        assertThat(after.latest()).hasValueSatisfying(r -> assertThat(r.username()).isEqualTo(operator.username()));
        assertThat(check("risk-limits").status()).isEqualTo(CheckResult.Status.PASS);

        // limits an admin changes while the app runs (the strategies module's risk settings) need a review of their own
        TestUser admin = users.admin();
        String reason = "Tighten the daily loss limit for the results week";
        var original = users.as(admin, () -> riskSettings.applied());
        assertThat(original.document()).contains("daily-loss: 0.018");
        var tighter = users.as(admin, () -> riskSettings.save(original.document().replace("daily-loss: 0.018", "daily-loss: 0.015"), reason));
        users.as(admin, () -> riskSettings.apply(tighter.version(), "", reason));
        try {
            assertThat(preflight.riskLimits().limits()).contains("daily-loss=0.015");
            assertThat(preflight.riskLimits().fingerprint()).isNotEqualTo(before.fingerprint());
            assertThat(check("risk-limits").status()).isEqualTo(CheckResult.Status.FAIL);
        } finally {
            users.as(admin, () -> riskSettings.apply(original.version(), RiskSettings.LOOSEN, "Back to the limits the other tests expect"));
        }
        assertThat(check("risk-limits").status()).as("the original limits again: their review counts").isEqualTo(CheckResult.Status.PASS);
        // a review of other (earlier) limits does not count
        db.execute("UPDATE risk_limits_review SET fingerprint = 'older-limits'");
        assertThat(check("risk-limits").status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(audit("RISK_LIMITS_REVIEWED")).containsExactly(
                operator.username() + " risk-limits:" + before.fingerprint() + " SUCCESS");
    }

    @Test
    void a_viewer_reads_the_checklist_and_incidents_but_every_change_is_denied_and_audited() {
        TestUser viewer = users.viewer();
        LocalDate day = preflight.tradingDay();

        assertThat(users.as(viewer, () -> preflight.sheet(day)).items()).hasSize(5);
        assertThatThrownBy(() -> users.as(viewer, () -> preflight.tick(day, "news", true))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.as(viewer, () -> preflight.complete(day))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.as(viewer, () -> preflight.reviewRiskLimits())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.as(viewer, () -> incidents.open("A viewer's incident", null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(users.as(viewer, () -> incidents.list(10))).isEmpty();

        assertThat(db.fetchCount(DSL.table("preflight_tick"))).isZero();
        assertThat(audit("RUNBOOK_TICK")).containsExactly(viewer.username() + " " + day + " DENIED");
        assertThat(audit("RUNBOOK_COMPLETE")).containsExactly(viewer.username() + " " + day + " DENIED");
        assertThat(audit("RUNBOOK_REVIEW_RISK_LIMITS")).containsExactly(viewer.username() + " - DENIED");
        assertThat(audit("RUNBOOK_OPEN")).containsExactly(viewer.username() + " A viewer's incident DENIED");
    }

    @Test
    void an_incident_opened_from_an_alert_takes_entries_and_closes_with_a_resolution_all_audited() {
        TestUser operator = users.operator();
        TestUser admin = users.admin();

        Incident opened = users.as(operator, () -> incidents.open("Kill switch engaged by the engine", 4242L, "Alert said: daily loss"));
        Incident again = users.as(admin, () -> incidents.open("Kill switch engaged by the engine", 4242L, "second click"));
        assertThat(again.id()).isEqualTo(opened.id());
        users.as(admin, () -> incidents.addEntry(opened.id(), "Flattened by hand; broker confirmed no positions"));
        Incident closed = users.as(operator, () -> incidents.close(opened.id(), "Loss limit hit on a gap; limits unchanged"));

        assertThat(closed.status()).isEqualTo(Incident.Status.CLOSED);
        assertThat(closed.closedBy()).isEqualTo(operator.username());
        assertThat(closed.resolution()).isEqualTo("Loss limit hit on a gap; limits unchanged");
        assertThat(closed.timeline()).extracting(Incident.Entry::username, Incident.Entry::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(operator.username(), "Alert said: daily loss"),
                org.assertj.core.groups.Tuple.tuple(admin.username(), "Flattened by hand; broker confirmed no positions"));
        assertThat(incidents.forAlert(4242L)).hasValueSatisfying(i -> assertThat(i.id()).isEqualTo(opened.id()));

        assertThatThrownBy(() -> users.as(operator, () -> incidents.addEntry(opened.id(), "after the close")))
                .isInstanceOfSatisfying(RunbookRefusal.class, r -> assertThat(r.code()).isEqualTo("INCIDENT_CLOSED"));
        assertThatThrownBy(() -> users.as(operator, () -> incidents.addEntry(999_999, "nowhere")))
                .isInstanceOfSatisfying(RunbookRefusal.class, r -> assertThat(r.code()).isEqualTo("INCIDENT_NOT_FOUND"));
        assertThatThrownBy(() -> users.as(operator, () -> incidents.open("bad\u0007title", null, null)))
                .isInstanceOfSatisfying(RunbookRefusal.class, r -> {
                    assertThat(r.code()).isEqualTo("INVALID_TEXT");
                    assertThat(r.field()).isEqualTo("title");
                });

        String target = "incident:" + opened.id();
        assertThat(audit("INCIDENT_OPENED")).containsExactly(operator.username() + " alert:4242 SUCCESS",
                operator.username() + " incident:new FAILED");
        assertThat(audit("INCIDENT_NOTE_ADDED")).containsExactly(admin.username() + " " + target + " SUCCESS",
                operator.username() + " " + target + " FAILED", operator.username() + " incident:999999 FAILED");
        assertThat(audit("INCIDENT_CLOSED")).containsExactly(operator.username() + " " + target + " SUCCESS");
    }

    private CheckResult check(String id) {
        return preflight.runChecks().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow().result();
    }

    private static Map<String, Boolean> ticked(PreflightSheet sheet) {
        return sheet.items().stream().collect(Collectors.toMap(PreflightSheet.Item::id, PreflightSheet.Item::ticked));
    }

    /** "user target OUTCOME" of this test's audit records of {@code action}, oldest first. */
    private List<String> audit(String action) {
        return db.select(AUDIT_EVENT.USERNAME, AUDIT_EVENT.TARGET, AUDIT_EVENT.OUTCOME).from(AUDIT_EVENT)
                .where(AUDIT_EVENT.ACTION.eq(action), AUDIT_EVENT.ID.gt(auditMark)).orderBy(AUDIT_EVENT.ID)
                .fetch(r -> r.value1() + " " + r.value2() + " " + r.value3());
    }
}
