package io.tradepilot.scheduler.internal;

import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.trading.ActionResult;
import io.tradepilot.trading.CachedBar;
import io.tradepilot.trading.EngineStatus;
import io.tradepilot.trading.EquityPoint;
import io.tradepilot.trading.LedgerOrder;
import io.tradepilot.trading.LedgerPosition;
import io.tradepilot.trading.LivePortfolio;
import io.tradepilot.trading.ManualOrder;
import io.tradepilot.trading.MarketDataQueries;
import io.tradepilot.trading.OrderFill;
import io.tradepilot.trading.StrategyDay;
import io.tradepilot.trading.StrategyOrders;
import io.tradepilot.trading.TradingQueries;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.tradepilot.db.Tables.SETUP_EXIT;
import static io.tradepilot.db.Tables.SETUP_STOP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exit watch's moved stops and released exits on real PostgreSQL ({@code setup_stop}, {@code setup_exit}), with the
 * engine side stood in for (a position of 10 TST bought at 111.00, the bars, the orders placed and their end), so the
 * prices are exact: BEHAVIOUR's plan entry 111, stop 90, T1 142.5, T2 174.
 * <ol>
 *   <li>a bar with high 115 reaches +3 %: the stop moves to breakeven 111, once, from the next bar on (the bar's own low
 *       110 exits nothing); a new watch (a restart) re-reading the bars moves nothing again and exits nothing;</li>
 *   <li>high 118 reaches +6 %: the stop trails to 114.33; a bar with low 114.33 exits the 10 at that stop, once;</li>
 *   <li>that exit order expires unfilled: the claim is released (once), and the next bar below the stop places the exit
 *       again; while the new one works nothing more is placed, nor by a restart re-reading the bars.</li>
 * </ol>
 */
class SetupStopsIT extends IntegrationTestSupport {

    private static final String ID = "3wi-v1:TST:2025-01-13";
    private static final Instant FILLED = Instant.parse("2025-02-03T03:45:00Z");

    @Autowired SchedulerStore store;
    @Autowired DSLContext db;

    private final List<CachedBar> bars = new ArrayList<>();
    private final Map<String, LedgerOrder> orders = new LinkedHashMap<>();
    private final List<ManualOrder> placed = new ArrayList<>();

    @BeforeEach
    void anEnteredTrade() {
        db.execute("TRUNCATE scan_setup, setup_exit, setup_stop");
        assertThat(store.claimSetup(ID, "TST", LocalDate.parse("2025-01-13"), 1, "claimed", FILLED)).isTrue();
        store.setupEntered(ID, "E1", "entered", new SchedulerStore.Plan("BUY", new BigDecimal("10"), new BigDecimal("111.00"),
                new BigDecimal("90.00"), new BigDecimal("142.5"), new BigDecimal("174")));
    }

    @Test
    void the_stop_moves_to_breakeven_then_trails_once_each_across_a_restart_and_an_expired_exit_is_placed_again() {
        SetupExitWatch watch = watch();
        bar(1, "112", "105");
        assertThat(watch.check()).isEmpty();
        bar(2, "115", "110");
        assertThat(watch.check()).containsExactly(ID + " stop BREAKEVEN 111");
        assertThat(placed).as("the moved stop applies from the next bar: low 110 exits nothing").isEmpty();
        assertThat(moves()).containsExactly("BREAKEVEN 111.00 " + day(2));

        SetupExitWatch restarted = watch();
        assertThat(restarted.check()).as("a restart re-reads the bars: nothing moves or exits twice").isEmpty();
        assertThat(moves()).hasSize(1);

        bar(3, "118", "112");
        assertThat(restarted.check()).containsExactly(ID + " stop TRAIL3 114.33");
        assertThat(placed).isEmpty();
        bar(4, "116", "114.33");
        List<String> done = restarted.check();
        assertThat(done).hasSize(1);
        assertThat(done.getFirst()).startsWith("STOP: SELL 10 TST MARKET, order X1").contains("vs stop 114.33 (moved: TRAIL3)");
        assertThat(placed).hasSize(1);
        assertThat(placed.getFirst().quantity()).isEqualByComparingTo("10");
        assertThat(exit()).isEqualTo("EXIT STOP PLACED X1");
        assertThat(restarted.check()).as("the exit works: nothing more").isEmpty();

        // the exit expires unfilled (a DAY order at the close): released once, placed again on the next bar below the stop
        orders.put("X1", order("X1", "EXPIRED"));
        assertThat(restarted.check()).containsExactly(ID + " EXIT released");
        assertThat(exit()).isEqualTo("EXIT STOP RELEASED X1");
        assertThat(db.select(SETUP_EXIT.REASON).from(SETUP_EXIT).fetchOne(SETUP_EXIT.REASON))
                .startsWith("STOP exit released: order X1 EXPIRED with 0 of 10 filled");
        bar(5, "115", "113");
        List<String> again = restarted.check();
        assertThat(again).hasSize(1);
        assertThat(again.getFirst()).startsWith("STOP: SELL 10 TST MARKET, order X2");
        assertThat(exit()).isEqualTo("EXIT STOP PLACED X2");
        bar(6, "114", "112");
        assertThat(restarted.check()).as("X2 works: no second exit").containsExactly("EXIT already placed for " + ID);
        assertThat(watch().check()).as("nor from a restart").containsExactly("EXIT already placed for " + ID);
        assertThat(placed).hasSize(2);
    }

    private SetupExitWatch watch() {
        return new SetupExitWatch(store, new SetupTrades(store, this::place, trading, clock), trading, market, Duration.ofSeconds(1), clock, true);
    }

    private ActionResult place(String strategy, ManualOrder order, String reason, String client, int perMinute) {
        placed.add(order);
        String id = "X" + placed.size();
        orders.put(id, order(id, "ACCEPTED"));
        return new ActionResult.Done("placed", List.of(id));
    }

    private static LedgerOrder order(String id, String status) {
        return new LedgerOrder(id, "3wi:TST:" + id, "3wi", "TST", "SELL", new BigDecimal("10"), "MARKET", null, null, "DAY", status,
                BigDecimal.ZERO, null, FILLED, FILLED);
    }

    private void bar(int day, String high, String low) {
        bars.add(new CachedBar("TST", day(day), new BigDecimal(low), new BigDecimal(high), new BigDecimal(low), new BigDecimal(low), 1000));
    }

    private static Instant day(int n) {
        return FILLED.plus(Duration.ofDays(n));
    }

    private List<String> moves() {
        return db.selectFrom(SETUP_STOP).orderBy(SETUP_STOP.REACHED_BAR)
                .fetch(r -> r.getStep() + " " + r.getStop().setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString() + " " + r.getReachedBar());
    }

    private String exit() {
        var r = db.selectFrom(SETUP_EXIT).fetchOne();
        return r.getKind() + " " + r.getTrigger() + " " + r.getState() + " " + r.getOrderId();
    }

    private final MarketDataQueries market = new MarketDataQueries() {
        @Override
        public List<CachedBar> recentBars(String symbol, int limit) {
            return List.copyOf(bars);
        }

        @Override
        public Optional<BigDecimal> latestClose(String symbol) {
            return bars.isEmpty() ? Optional.empty() : Optional.of(bars.getLast().close());
        }
    };

    private final TradingQueries trading = new TradingQueries() {
        @Override
        public List<LedgerPosition> openPositions() {
            return List.of();
        }

        @Override
        public List<LedgerOrder> orders(boolean workingOnly, int limit) {
            return orders.values().stream().filter(o -> !workingOnly || o.working()).toList();
        }

        @Override
        public List<OrderFill> fills(String orderId) {
            return orderId.equals("E1") ? List.of(new OrderFill(1, "E1", "TST", "BUY", new BigDecimal("10"), new BigDecimal("111.00"),
                    BigDecimal.ZERO, new BigDecimal("90.00"), FILLED)) : List.of();
        }

        @Override
        public List<EquityPoint> equity(int limit) {
            return List.of();
        }

        @Override
        public Optional<EquityPoint> equityAt(Instant at) {
            return Optional.empty();
        }

        @Override
        public List<StrategyDay> strategyDays(LocalDate from, LocalDate to) {
            return List.of();
        }

        @Override
        public Optional<LivePortfolio> livePortfolio() {
            var p = new LivePortfolio.Position("TST", new BigDecimal("10"), new BigDecimal("111.00"), new BigDecimal("112"),
                    new BigDecimal("1120"), new BigDecimal("10"), BigDecimal.ZERO, FILLED);
            return Optional.of(new LivePortfolio(FILLED, "RUNNING", null, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                    BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                    BigDecimal.ZERO, List.of(p), 0));
        }

        @Override
        public EngineStatus status() {
            return new EngineStatus("LEADER", "RUNNING", FILLED, 0);
        }
    };
}
