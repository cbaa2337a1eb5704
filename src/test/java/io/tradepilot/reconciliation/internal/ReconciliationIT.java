package io.tradepilot.reconciliation.internal;

import io.tradepilot.brokers.BrokerBook;
import io.tradepilot.controls.ControlKeys;
import io.tradepilot.controls.OrderPurpose;
import io.tradepilot.controls.TradingGate;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.venue.ExecutionReport;
import io.tradepilot.reconciliation.Mismatch;
import io.tradepilot.reconciliation.Reconciliation;
import io.tradepilot.reconciliation.ReconciliationRefusal;
import io.tradepilot.reconciliation.ReconciliationRun;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.testing.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.tradepilot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reconciliation scenarios in the running application (real PostgreSQL, Redis, controls, audit) against a broker
 * account set by hand ({@link StandInBrokerAccount}): a missed fill back-filled through the engine port, a mismatch
 * holding entries while exits pass, and adopt, close and ignore, each audited.
 */
@Import(StandInBrokerAccount.Config.class)
@TestPropertySource(properties = "tradepilot.reconciliation.enabled=false")
public class ReconciliationIT extends IntegrationTestSupport {

    public static final Instrument INFY = Instrument.nseEquity("INFY");
    public static final Instrument TCS = Instrument.nseEquity("TCS");

    @Autowired
    Reconciliation reconciliation;
    @Autowired
    StandInBrokerAccount broker;
    @Autowired
    TradingGate gate;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StringRedisTemplate redis;

    @BeforeEach
    void clean() {
        broker.reset();
        clearLedgerAndReconciliation(jdbc);
        ControlKeys.clear(redis);
        // the gate answers from a copy refreshed every 500 ms: wait until it no longer shows an earlier test's trip
        eventually(Duration.ofSeconds(10), () -> gate.check(OrderPurpose.ENTRY).allowed(), "controls clear");
    }

    /** Empties the ledger's positions and working orders and the reconciliation tables (tests of this context only). */
    public static void clearLedgerAndReconciliation(JdbcTemplate jdbc) {
        jdbc.update("delete from reconciliation_mismatch");
        jdbc.update("delete from reconciliation_run");
        jdbc.update("delete from position");
        jdbc.update("delete from order_event where order_id in (select order_id from trade_order where client_order_id like 'rec-it-%')");
        jdbc.update("delete from trade_order where client_order_id like 'rec-it-%'");
    }

    public static void ledgerPosition(JdbcTemplate jdbc, String symbol, String quantity) {
        jdbc.update("insert into position (symbol, quantity, average_price, realized_pnl, updated_at) values (?, ?, 100, 0, now())",
                symbol, new BigDecimal(quantity));
    }

    private void ledgerOrder(String cid, String symbol, String qty, String filled) {
        jdbc.update("insert into trade_order (order_id, client_order_id, strategy, symbol, exchange, side, quantity, order_type,"
                        + " limit_price, time_in_force, status, filled_quantity, created_at, updated_at)"
                        + " values (?, ?, 'manual', ?, 'NSE', 'BUY', ?, 'LIMIT', 100, 'DAY', ?, ?, now(), now())",
                "O-" + cid, cid, symbol, new BigDecimal(qty), new BigDecimal(filled).signum() > 0 ? "PARTIALLY_FILLED" : "ACCEPTED",
                new BigDecimal(filled));
    }

    private ReconciliationRun run(TestUser admin) {
        return users.as(admin, () -> reconciliation.runNow());
    }

    private static BrokerBook.BrokerFill fill(String id, String cid, String qty, String price, int second) {
        return new BrokerBook.BrokerFill(id, cid, "k-" + cid, INFY, Side.BUY, new BigDecimal(qty), new BigDecimal(price),
                new BigDecimal("2.53"), Instant.parse("2026-12-07T04:00:00Z").plusSeconds(second));
    }

    @Test
    void a_missed_fill_is_back_filled_as_an_engine_venue_report_and_the_run_is_clean() {
        TestUser admin = users.newAdmin();
        ledgerOrder("rec-it-1", "INFY", "10", "4");
        ledgerPosition(jdbc, "INFY", "4");
        broker.positions.add(new BrokerBook.BrokerPosition(INFY, new BigDecimal("10"), new BigDecimal("100.6")));
        broker.fills.add(fill("f1", "rec-it-1", "4", "100", 1));
        broker.fills.add(fill("f2", "rec-it-1", "6", "101", 2));

        ReconciliationRun run = run(admin);

        assertThat(run.outcome()).isEqualTo(ReconciliationRun.Outcome.CLEAN);
        assertThat(run.backfilled()).isEqualTo(1);
        assertThat(broker.reported).singleElement().isInstanceOfSatisfying(ExecutionReport.VenueFilled.class, f -> {
            assertThat(f.clientOrderId().value()).isEqualTo("rec-it-1");
            assertThat(f.quantity().value()).isEqualByComparingTo("6");
            assertThat(f.cumulativeQuantity().value()).isEqualByComparingTo("10");
        });
        assertThat(users.as(admin, () -> reconciliation.mismatches(true))).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where username = 'system' and action = 'RECONCILIATION_BACKFILL'"
                + " and detail like '%rec-it-1%'", Integer.class)).isEqualTo(1);
        assertThat(gate.check(OrderPurpose.ENTRY).allowed()).isTrue();
        // the ledger row itself is untouched: the engine applies the report, reconciliation never writes the ledger
        assertThat(jdbc.queryForObject("select filled_quantity from trade_order where client_order_id = 'rec-it-1'", BigDecimal.class))
                .isEqualByComparingTo("4");
    }

    @Test
    void without_an_engine_here_a_missed_fill_stays_an_open_difference() {
        TestUser admin = users.newAdmin();
        broker.engineAvailable = false;
        ledgerOrder("rec-it-2", "INFY", "10", "0");
        broker.positions.add(new BrokerBook.BrokerPosition(INFY, new BigDecimal("10"), new BigDecimal("101")));
        broker.fills.add(fill("f3", "rec-it-2", "10", "101", 1));

        ReconciliationRun run = run(admin);

        assertThat(run.outcome()).isEqualTo(ReconciliationRun.Outcome.MISMATCH);
        assertThat(users.as(admin, () -> reconciliation.mismatches(true))).extracting(Mismatch::kind).containsExactly(Mismatch.Kind.MISSED_FILL);
    }

    @Test
    void a_mismatch_holds_new_entries_while_exits_pass_until_it_is_resolved() {
        TestUser admin = users.newAdmin();
        broker.positions.add(new BrokerBook.BrokerPosition(TCS, new BigDecimal("-7"), new BigDecimal("3500.35")));

        ReconciliationRun run = run(admin);

        assertThat(run.outcome()).isEqualTo(ReconciliationRun.Outcome.MISMATCH);
        assertThat(run.openMismatches()).isEqualTo(1);
        eventually(Duration.ofSeconds(10), () -> !gate.check(OrderPurpose.ENTRY).allowed(), "entries held");
        assertThat(gate.check(OrderPurpose.ENTRY).explanation()).contains("Circuit breaker tripped");
        assertThat(gate.check(OrderPurpose.EXIT).allowed()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where username = 'system' and action = 'CIRCUIT_BREAKER_TRIP'"
                + " and reason like 'RECONCILIATION_MISMATCH%'", Integer.class)).isGreaterThanOrEqualTo(1);
        assertThat(users.as(admin, () -> reconciliation.clean())).isFalse();

        // the broker's position went away (closed by hand at the broker): the next run clears the difference
        broker.positions.clear();
        assertThat(run(admin).outcome()).isEqualTo(ReconciliationRun.Outcome.CLEAN);
        assertThat(users.as(admin, () -> reconciliation.mismatches(false))).singleElement()
                .satisfies(m -> assertThat(m.resolution()).isEqualTo(Mismatch.Resolution.CLEARED));
        assertThat(users.as(admin, () -> reconciliation.clean())).isTrue();
        assertThat(broker.reconciledRuns).as("the host told after the trip: entries held until the clean run")
                .containsExactly("stand-in-kite open", "stand-in-kite clean");
    }

    @Test
    void an_admin_adopts_closes_or_ignores_a_difference_each_audited_and_other_roles_are_denied() {
        TestUser admin = users.newAdmin();
        TestUser operator = users.operator();
        broker.positions.add(new BrokerBook.BrokerPosition(TCS, new BigDecimal("-7"), new BigDecimal("3500.35")));
        broker.positions.add(new BrokerBook.BrokerPosition(INFY, new BigDecimal("5"), new BigDecimal("1500.10")));
        broker.cash = new BigDecimal("12345.67");
        ledgerPosition(jdbc, "RELIANCE", "3");
        run(admin);
        List<Mismatch> open = users.as(admin, () -> reconciliation.mismatches(true));
        Mismatch tcs = open.stream().filter(m -> "TCS".equals(m.key())).findFirst().orElseThrow();
        Mismatch infy = open.stream().filter(m -> "INFY".equals(m.key())).findFirst().orElseThrow();
        Mismatch reliance = open.stream().filter(m -> "RELIANCE".equals(m.key())).findFirst().orElseThrow();

        assertThatThrownBy(() -> users.as(operator, () -> reconciliation.adopt(tcs.id(), "operator tries to adopt")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.as(admin, () -> reconciliation.ignore(tcs.id(), "short")))
                .isInstanceOfSatisfying(ReconciliationRefusal.class, r -> assertThat(r.code()).isEqualTo("REASON_TOO_SHORT"));

        assertThat(users.as(admin, () -> reconciliation.adopt(tcs.id(), "short sold by hand in Kite this morning")).resolution())
                .isEqualTo(Mismatch.Resolution.ADOPTED);
        assertThat(broker.adopted).containsExactly("TCS -7 @ 3500.35");
        assertThat(users.as(admin, () -> reconciliation.close(infy.id(), "bought by mistake in the Kite app")).resolution())
                .isEqualTo(Mismatch.Resolution.CLOSED);
        assertThat(broker.closed).containsExactly("INFY -5");
        assertThat(users.as(admin, () -> reconciliation.ignore(reliance.id(), "paper leftover from the test run")).resolution())
                .isEqualTo(Mismatch.Resolution.IGNORED);
        assertThatThrownBy(() -> users.as(admin, () -> reconciliation.ignore(reliance.id(), "paper leftover from the test run")))
                .isInstanceOfSatisfying(ReconciliationRefusal.class, r -> assertThat(r.code()).isEqualTo("ALREADY_RESOLVED"));

        for (String action : List.of("RECONCILIATION_ADOPT", "RECONCILIATION_CLOSE", "RECONCILIATION_IGNORE")) {
            assertThat(jdbc.queryForObject("select count(*) from audit_event where username = ? and action = ? and outcome = 'SUCCESS'",
                    Integer.class, admin.username(), action)).as(action).isEqualTo(1);
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_event where username = ? and action = 'RECONCILIATION_ADOPT'"
                + " and outcome = 'DENIED'", Integer.class, operator.username())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where username = ? and action = 'RECONCILIATION_IGNORE'"
                + " and outcome = 'FAILED' and detail like 'REASON_TOO_SHORT%'", Integer.class, admin.username())).isEqualTo(1);

        // the ignored difference, seen again with the same values, is not reopened; nothing else was written to the ledger
        broker.positions.clear();
        broker.positions.add(new BrokerBook.BrokerPosition(TCS, new BigDecimal("-7"), new BigDecimal("3500.35")));
        run(admin);
        assertThat(users.as(admin, () -> reconciliation.mismatches(true))).extracting(Mismatch::key).doesNotContain("RELIANCE");
        assertThat(jdbc.queryForObject("select quantity from position where symbol = 'RELIANCE'", BigDecimal.class)).isEqualByComparingTo("3");
    }
}
