package io.tradepilot.controls.internal;

import io.tradepilot.brokers.BrokerBook;
import io.tradepilot.controls.RefusalCode;
import io.tradepilot.controls.TradingMode;
import io.tradepilot.controls.TradingModeRefusal;
import io.tradepilot.controls.TradingModeState;
import io.tradepilot.controls.TradingModes;
import io.tradepilot.reconciliation.Reconciliation;
import io.tradepilot.reconciliation.internal.ReconciliationIT;
import io.tradepilot.reconciliation.internal.StandInBrokerAccount;
import io.tradepilot.runbook.Preflight;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.testing.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;

import io.tradepilot.trading.LiveConfiguration;
import io.tradepilot.trading.LiveStrategy;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The LIVE gates in the running application: each precondition refuses with its own code, the size factor steps,
 * any operator drops back to PAPER, other roles are denied, and every attempt is audited.
 */
@Import(StandInBrokerAccount.Config.class)
@TestPropertySource(properties = "tradepilot.reconciliation.enabled=false")
class TradingModeIT extends IntegrationTestSupport {

    @Autowired
    TradingModes modes;
    @Autowired
    Reconciliation reconciliation;
    @Autowired
    StandInBrokerAccount broker;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Preflight preflight;
    @Autowired
    LiveConfiguration live;

    @BeforeEach
    void paper() {
        broker.reset();
        ReconciliationIT.clearLedgerAndReconciliation(jdbc);
        jdbc.update("update trading_mode set mode = 'PAPER', size_factor = 1.00, changed_by = 'system', reason = 'test'");
        jdbc.update("delete from preflight_completion");
        jdbc.update("delete from config_applied where kind = 'STRATEGY'");  // no strategy version applied: nothing to promote
        // a stored version, applied nowhere: starts run the applied versions (none), not application.yaml's strategies
        jdbc.update("insert into config_version (kind, config_key, version, document, created_by, created_at, reason)"
                + " values ('STRATEGY', 'it-stored-not-applied', 1, 'type: sma-cross', 'IT', now(), 'IT') on conflict do nothing");
    }

    /** {@code version} of strategy {@code key} stored and applied now, as an admin's apply records it. */
    private void applied(String key, int version) {
        jdbc.update("insert into config_version (kind, config_key, version, document, created_by, created_at, reason)"
                + " values ('STRATEGY', ?, ?, 'type: sma-cross', 'IT', now(), 'IT') on conflict do nothing", key, version);
        jdbc.update("insert into config_applied (kind, config_key, version, applied_by, applied_at, reason, live)"
                + " values ('STRATEGY', ?, ?, 'IT', now(), 'IT', false)", key, version);
    }

    /** {@code version} of strategy {@code key} promoted to {@code stage}, as the promotion gate records it. */
    private void promoted(String key, int version, String stage) {
        jdbc.update("insert into promotion (config_key, version, stage, run_id, trades, sharpe, max_drawdown_p95, mc_method,"
                + " mc_simulations, mc_seed, thresholds_version, checks, promoted_by, promoted_at, reason)"
                + " values (?, ?, ?, 0, 40, 1.2, 0.1, 'RESHUFFLE', 1000, 7, 1, 'IT|1|1|true', 'IT', now(), 'IT')"
                + " on conflict do nothing", key, version, stage);
    }

    /** The trading day's pre-flight completed, stored as the Runbook page stores it (the engine checks cannot pass here). */
    private void preflightCompleted() {
        jdbc.update("insert into preflight_completion (day, username, completed_at, evidence) values (?, ?, now(), 'IT')",
                preflight.tradingDay(), users.operator().username());
    }

    private RefusalCode refusal(TestUser user, String confirmation) {
        try {
            users.as(user, () -> modes.switchToLive(confirmation, "going live for the test"));
            return null;
        } catch (TradingModeRefusal r) {
            return r.code();
        }
    }

    @Test
    void each_live_gate_refuses_with_its_own_code_until_all_hold() {
        TestUser admin = users.newAdmin();
        assertThat(modes.current().mode()).isEqualTo(TradingMode.PAPER); // readable without a user (the engine host)

        assertThat(refusal(admin, "confirm live trading")).isEqualTo(RefusalCode.CONFIRMATION_MISMATCH);
        ReconciliationIT.ledgerPosition(jdbc, "INFY", "5");
        assertThat(refusal(admin, TradingModes.CONFIRMATION)).isEqualTo(RefusalCode.PAPER_POSITIONS_OPEN);
        jdbc.update("delete from position");
        broker.connected = false;
        assertThat(refusal(admin, TradingModes.CONFIRMATION)).isEqualTo(RefusalCode.NO_VENUE_CONNECTED);
        broker.connected = true;
        broker.live = false;
        assertThat(refusal(admin, TradingModes.CONFIRMATION)).isEqualTo(RefusalCode.VENUE_NOT_LIVE);
        broker.live = true;
        assertThat(refusal(admin, TradingModes.CONFIRMATION)).isEqualTo(RefusalCode.RECONCILIATION_NOT_CLEAN); // none yet
        broker.positions.add(new BrokerBook.BrokerPosition(ReconciliationIT.TCS, new BigDecimal("3"), new BigDecimal("3500")));
        users.as(admin, () -> reconciliation.runNow());
        assertThat(refusal(admin, TradingModes.CONFIRMATION)).isEqualTo(RefusalCode.RECONCILIATION_NOT_CLEAN); // a mismatch
        broker.positions.clear();
        users.as(admin, () -> reconciliation.runNow());
        // every applied strategy version must be READY_FOR_LIVE (applied in PAPER, it needed READY_FOR_PAPER only)
        String key = "it-live-gate-" + System.nanoTime();
        applied(key, 1);
        promoted(key, 1, "READY_FOR_PAPER");
        assertThat(refusal(admin, TradingModes.CONFIRMATION)).isEqualTo(RefusalCode.VERSIONS_NOT_READY_FOR_LIVE);
        assertThat(jdbc.queryForObject("select detail from audit_event where username = ? and action = 'TRADING_MODE_LIVE'"
                + " and detail like 'VERSIONS_NOT_READY_FOR_LIVE%'", String.class, admin.username()))
                .contains(key + " v1 (READY_FOR_PAPER)");
        promoted(key, 1, "READY_FOR_LIVE");
        // the last gate: the trading day's pre-flight, asked of the runbook through controls.LivePreflight
        try {
            users.as(admin, () -> modes.switchToLive(TradingModes.CONFIRMATION, "going live for the test"));
            throw new AssertionError("switched to LIVE without the pre-flight");
        } catch (TradingModeRefusal r) {
            assertThat(r.code()).isEqualTo(RefusalCode.PREFLIGHT_NOT_COMPLETE);
            assertThat(r.getMessage()).isEqualTo("LIVE needs today's pre-flight: the pre-flight for " + preflight.tradingDay()
                    + " is not complete (Runbook → Pre-flight).");
            assertThat(r.getBody().getProperties()).containsEntry("code", "PREFLIGHT_NOT_COMPLETE");
            assertThat(r.getStatusCode().value()).isEqualTo(409);
        }
        assertThat(modes.current().mode()).isEqualTo(TradingMode.PAPER);
        assertThat(jdbc.queryForObject("select detail from audit_event where username = ? and action = 'TRADING_MODE_LIVE'"
                + " and outcome = 'FAILED' and detail like 'PREFLIGHT_NOT_COMPLETE%'", String.class, admin.username()))
                .contains("the pre-flight for " + preflight.tradingDay() + " is not complete");
        preflightCompleted();

        TradingModeState live = users.as(admin, () -> modes.switchToLive(TradingModes.CONFIRMATION, "first live day"));

        assertThat(live.mode()).isEqualTo(TradingMode.LIVE);
        assertThat(live.sizeFactor()).isEqualByComparingTo("0.10");
        assertThat(modes.current().live()).isTrue();
        assertThat(refusal(admin, TradingModes.CONFIRMATION)).isEqualTo(RefusalCode.ALREADY_LIVE);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where username = ? and action = 'TRADING_MODE_LIVE'"
                + " and outcome = 'FAILED'", Integer.class, admin.username())).isEqualTo(9);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where username = ? and action = 'TRADING_MODE_LIVE'"
                + " and outcome = 'SUCCESS'", Integer.class, admin.username())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select detail from audit_event where username = ? and action = 'TRADING_MODE_LIVE'"
                + " and detail like 'VENUE_NOT_LIVE%'", String.class, admin.username())).contains("paper endpoints");
    }

    @Test
    void strategies_running_from_the_application_yaml_seed_refuse_live_until_a_stored_version_is_ready_for_live() {
        TestUser admin = users.newAdmin();
        users.as(admin, () -> reconciliation.runNow());
        preflightCompleted();
        // nothing stored: engine starts run application.yaml's strategies, which have no version and no promotion
        jdbc.update("delete from config_version where kind = 'STRATEGY'");
        List<String> seeded = live.configuredStrategies().stream().map(LiveStrategy::id).toList();
        assertThat(seeded).isNotEmpty();
        String id = seeded.getFirst();
        jdbc.update("delete from promotion where config_key = ?", id);

        assertThatThrownBy(() -> users.as(admin, () -> modes.switchToLive(TradingModes.CONFIRMATION, "seeded strategies")))
                .isInstanceOfSatisfying(TradingModeRefusal.class, r -> {
                    assertThat(r.code()).isEqualTo(RefusalCode.VERSIONS_NOT_READY_FOR_LIVE);
                    assertThat(r.getStatusCode().value()).isEqualTo(409);
                    assertThat(r.getBody().getProperties()).containsEntry("code", "VERSIONS_NOT_READY_FOR_LIVE");
                    for (String s : seeded) assertThat(r.getMessage()).contains(s + " (runs from application.yaml, no stored version)");
                });
        assertThat(modes.current().mode()).isEqualTo(TradingMode.PAPER);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where username = ? and action = 'TRADING_MODE_LIVE'"
                + " and outcome = 'FAILED' and detail like 'VERSIONS_NOT_READY_FOR_LIVE%runs from application.yaml%'",
                Integer.class, admin.username())).isEqualTo(1);

        // its stored version applied, but promoted for paper only: still refused, now naming the version
        applied(id, 1);
        promoted(id, 1, "READY_FOR_PAPER");
        assertThatThrownBy(() -> users.as(admin, () -> modes.switchToLive(TradingModes.CONFIRMATION, "paper stage only")))
                .isInstanceOfSatisfying(TradingModeRefusal.class, r -> {
                    assertThat(r.code()).isEqualTo(RefusalCode.VERSIONS_NOT_READY_FOR_LIVE);
                    assertThat(r.getMessage()).contains(id + " v1 (READY_FOR_PAPER)").doesNotContain("application.yaml");
                });

        promoted(id, 1, "READY_FOR_LIVE");
        assertThat(users.as(admin, () -> modes.switchToLive(TradingModes.CONFIRMATION, "promoted")).mode()).isEqualTo(TradingMode.LIVE);
        jdbc.update("delete from promotion where config_key = ?", id);
    }

    @Test
    void the_size_factor_rises_in_steps_and_any_operator_drops_back_to_paper_at_once() {
        TestUser admin = users.newAdmin();
        TestUser operator = users.operator();
        users.as(admin, () -> reconciliation.runNow());
        preflightCompleted();
        users.as(admin, () -> modes.switchToLive(TradingModes.CONFIRMATION, null));

        assertThat(users.as(admin, () -> modes.raiseSizeFactor(null)).sizeFactor()).isEqualByComparingTo("0.25");
        assertThat(users.as(admin, () -> modes.raiseSizeFactor(null)).sizeFactor()).isEqualByComparingTo("0.50");
        assertThat(users.as(admin, () -> modes.raiseSizeFactor("all good for a week")).sizeFactor()).isEqualByComparingTo("1.00");
        assertThatThrownBy(() -> users.as(admin, () -> modes.raiseSizeFactor(null)))
                .isInstanceOfSatisfying(TradingModeRefusal.class, r -> assertThat(r.code()).isEqualTo(RefusalCode.SIZE_FACTOR_AT_MAXIMUM));
        assertThatThrownBy(() -> users.as(operator, () -> modes.raiseSizeFactor(null))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.as(operator, () -> modes.switchToLive(TradingModes.CONFIRMATION, null)))
                .isInstanceOf(AccessDeniedException.class);

        TradingModeState paper = users.as(operator, () -> modes.dropToPaper("fills look wrong"));

        assertThat(paper.mode()).isEqualTo(TradingMode.PAPER);
        assertThat(modes.current().mode()).isEqualTo(TradingMode.PAPER);
        assertThatThrownBy(() -> users.as(operator, () -> modes.dropToPaper(null)))
                .isInstanceOfSatisfying(TradingModeRefusal.class, r -> assertThat(r.code()).isEqualTo(RefusalCode.NOT_LIVE));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where username = ? and action = 'TRADING_MODE_PAPER'"
                + " and outcome = 'SUCCESS'", Integer.class, operator.username())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where username = ? and action in"
                + " ('TRADING_MODE_SIZE_FACTOR', 'TRADING_MODE_LIVE') and outcome = 'DENIED'", Integer.class, operator.username())).isEqualTo(2);
    }

    @Test
    void viewers_cannot_drop_to_paper_and_the_denial_is_audited() {
        TestUser viewer = users.viewer();
        assertThatThrownBy(() -> users.as(viewer, () -> modes.dropToPaper(null))).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where username = ? and action = 'TRADING_MODE_PAPER'"
                + " and outcome = 'DENIED'", Integer.class, viewer.username())).isEqualTo(1);
    }
}
