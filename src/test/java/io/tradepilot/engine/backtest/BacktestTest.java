package io.tradepilot.engine.backtest;

import io.tradepilot.engine.broker.BrokerConfig;
import io.tradepilot.engine.broker.CommissionModel;
import io.tradepilot.engine.broker.FillMode;
import io.tradepilot.engine.core.EngineEvent;
import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.strategy.SmaCross;
import io.tradepilot.engine.testing.RandomWalkBars;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static io.tradepilot.engine.testing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class BacktestTest {

    private static final BarArrays DATA = RandomWalkBars.generate(AAPL, 5_000, 42);

    private static BacktestResult smaCross(BarArrays data, BacktestConfig config) {
        return Backtest.run(data, new SmaCross(10, 30, Quantity.of(100)), config);
    }

    private static int indexOf(BarArrays d, Instant t) {
        for (int i = 0; i < d.size(); i++) if (d.startMillis()[i] == t.toEpochMilli()) return i;
        throw new AssertionError("no bar at " + t);
    }

    @Test
    void a_backtest_with_a_size_reduction_follows_its_own_losing_streak_and_wins_restore_full_size() {
        // in and out every other bar: a round trip buys at bar i's open and sells at bar i+1's; three falling trips, then rising ones
        long[] prices = {100, 99, 98, 97, 96, 95, 94, 93, 103, 113, 123, 133, 143, 153, 163, 173};
        List<Bar> bars = new ArrayList<>();
        Instant t0 = Instant.parse("2025-01-06T04:00:00Z");
        for (int i = 0; i < prices.length; i++) {
            var p = io.tradepilot.engine.domain.Price.of(String.valueOf(prices[i]));
            bars.add(new Bar(t0.plusSeconds(300L * i), p, p, p, p, 1000));
        }
        BarArrays data = BarArrays.fromBars(AAPL, bars, ZoneOffset.UTC);
        io.tradepilot.engine.strategy.Strategy inAndOut = new io.tradepilot.engine.strategy.Strategy() {
            @Override
            public io.tradepilot.engine.orders.StrategyId id() {
                return new io.tradepilot.engine.orders.StrategyId("in-and-out");
            }

            @Override
            public void onBar(io.tradepilot.engine.domain.BarCursor bar, io.tradepilot.engine.strategy.StrategyContext ctx) {
                if (ctx.hasWorkingOrders()) return;
                var side = ctx.position().signum() == 0 ? io.tradepilot.engine.domain.Side.BUY : io.tradepilot.engine.domain.Side.SELL;
                ctx.submit(io.tradepilot.engine.strategy.OrderIntent.market(side, side == io.tradepilot.engine.domain.Side.BUY
                        ? Quantity.of(100) : new Quantity(ctx.position())));
            }
        };
        BacktestConfig config = BacktestConfig.of(new BigDecimal("1000000"));
        var reduced = Backtest.run(data, inAndOut, config.withSizeReduction(io.tradepilot.engine.risk.LossSizeReduction.ALPHA_PRIME)).trades();
        assertThat(reduced).extracting(rt -> rt.quantity().stripTrailingZeros().toPlainString())
                .containsExactly("100", "100", "100", "50", "50", "100", "100");
        assertThat(reduced).extracting(rt -> rt.netPnl().signum()).containsExactly(-1, -1, -1, 1, 1, 1, 1);
        var full = Backtest.run(data, inAndOut, config).trades();
        assertThat(full).extracting(rt -> rt.quantity().stripTrailingZeros().toPlainString()).containsOnly("100").hasSize(7);
    }

    @Test
    void market_orders_fill_at_the_next_bars_open_never_at_a_price_known_at_the_decision() {
        List<EngineEvent> events = new ArrayList<>();
        BacktestResult r = smaCross(DATA, BacktestConfig.of(new BigDecimal("1000000")).withEvents(events::add));
        List<EngineEvent.OrderAccepted> accepted = events.stream().filter(e -> e instanceof EngineEvent.OrderAccepted).map(e -> (EngineEvent.OrderAccepted) e).toList();
        List<EngineEvent.OrderFilled> fills = events.stream().filter(e -> e instanceof EngineEvent.OrderFilled).map(e -> (EngineEvent.OrderFilled) e).toList();
        assertThat(fills).hasSizeGreaterThan(20);
        for (EngineEvent.OrderFilled f : fills) {
            var decision = accepted.stream().filter(a -> a.orderId().equals(f.orderId())).findFirst().orElseThrow();
            int decided = indexOf(DATA, decision.time());
            int filled = indexOf(DATA, f.time());
            assertThat(filled).isEqualTo(decided + 1);
            assertThat(f.price().value()).isEqualByComparingTo(DATA.price(DATA.open()[filled]));
        }
        assertThat(r.trades()).isNotEmpty();
    }

    @Test
    void an_entry_the_cash_cannot_pay_for_is_refused_with_its_reason_and_cash_never_goes_negative() {
        // the random walk trades around 100: 100 shares need about 10,000; 5,000 of cash buys none of them
        List<EngineEvent> events = new ArrayList<>();
        BacktestResult r = smaCross(DATA, BacktestConfig.of(new BigDecimal("5000")).withCashOnly().withEvents(events::add));
        var rejected = events.stream().filter(e -> e instanceof EngineEvent.OrderRejected).map(e -> (EngineEvent.OrderRejected) e).toList();
        assertThat(rejected).isNotEmpty().allSatisfy(e -> {
            assertThat(e.code()).isEqualTo(io.tradepilot.engine.risk.RejectionCode.INSUFFICIENT_BUYING_POWER);
            assertThat(e.message()).contains("the order needs").contains("buying power is");
        });
        assertThat(r.ordersAccepted()).isZero();
        assertThat(r.finalCash()).isEqualByComparingTo("5000");

        BacktestResult unchecked = smaCross(DATA, BacktestConfig.of(new BigDecimal("5000")));
        assertThat(unchecked.trades()).as("by default (no check) the same run borrows cash it does not have, as it always did").isNotEmpty();
        assertThat(r.trades()).isEmpty();
    }

    @Test
    void the_buying_power_check_changes_nothing_in_a_run_that_never_needed_more_than_its_cash() {
        BacktestResult checked = smaCross(DATA, BacktestConfig.of(new BigDecimal("1000000")).withCashOnly().withHashEvents(true));
        BacktestResult unchecked = smaCross(DATA, BacktestConfig.of(new BigDecimal("1000000")).withHashEvents(true));
        assertThat(checked.eventHash()).isEqualTo(unchecked.eventHash());
        assertThat(checked.trades()).isEqualTo(unchecked.trades());
    }

    @Test
    void the_optimistic_mode_fills_at_the_deciding_bars_close() {
        List<EngineEvent> events = new ArrayList<>();
        smaCross(DATA, BacktestConfig.of(new BigDecimal("1000000")).withEvents(events::add)
                .withBroker(BrokerConfig.defaults().withFillMode(FillMode.SAME_CLOSE)));
        var fills = events.stream().filter(e -> e instanceof EngineEvent.OrderFilled).map(e -> (EngineEvent.OrderFilled) e).toList();
        assertThat(fills).isNotEmpty().allSatisfy(f ->
                assertThat(f.price().value()).isEqualByComparingTo(DATA.price(DATA.close()[indexOf(DATA, f.time())])));
    }

    @Test
    void an_open_position_stays_open_at_the_end_and_is_valued_at_the_last_close_unless_close_at_end_is_asked() {
        // find a length at which sma-cross is long at the end
        BarArrays cut = null;
        for (int n = 200; n < DATA.size(); n += 7) {
            BarArrays d = prefix(DATA, n);
            if (smaCross(d, BacktestConfig.of(new BigDecimal("1000000"))).openQuantity().signum() > 0) { cut = d; break; }
        }
        assertThat(cut).isNotNull();
        BacktestResult open = smaCross(cut, BacktestConfig.of(new BigDecimal("1000000")));
        BigDecimal last = cut.price(cut.close()[cut.size() - 1]);
        assertThat(open.openQuantity()).isEqualByComparingTo("100");
        assertThat(open.finalEquity()).isEqualByComparingTo(open.finalCash().add(last.multiply(new BigDecimal("100"))));
        assertThat(open.equityAt(cut.size() - 1).equity()).isEqualByComparingTo(open.finalEquity());

        BacktestResult closed = smaCross(cut, BacktestConfig.of(new BigDecimal("1000000")).withCloseAtEnd(true));
        assertThat(closed.openQuantity()).isEqualByComparingTo("0");
        assertThat(closed.trades()).hasSize(open.trades().size() + 1);
        assertThat(closed.trades().getLast().exitPrice()).isEqualByComparingTo(last);
        assertThat(closed.finalEquity()).isEqualByComparingTo(open.finalEquity());
        assertThat(closed.closedAtEnd()).isTrue();
    }

    @Test
    void the_same_inputs_give_the_same_event_stream_and_other_inputs_another() {
        BacktestConfig cfg = BacktestConfig.of(new BigDecimal("1000000")).withHashEvents(true).withBroker(BrokerConfig.defaults().withCommission(CommissionModel.percentOfNotional(new BigDecimal("0.1"))));
        BacktestResult a = smaCross(DATA, cfg);
        BacktestResult b = smaCross(RandomWalkBars.generate(AAPL, 5_000, 42), cfg);
        BacktestResult c = smaCross(RandomWalkBars.generate(AAPL, 5_000, 43), cfg);
        assertThat(a.eventCount()).isPositive();
        assertThat(b.eventHash()).isEqualTo(a.eventHash());
        assertThat(b.finalEquity()).isEqualByComparingTo(a.finalEquity());
        assertThat(c.eventHash()).isNotEqualTo(a.eventHash());
    }

    @Test
    void turning_event_hashing_off_changes_nothing_but_the_hash() {
        BacktestResult hashed = smaCross(DATA, BacktestConfig.of(new BigDecimal("1000000")).withHashEvents(true));
        BacktestResult plain = smaCross(DATA, BacktestConfig.of(new BigDecimal("1000000")));
        assertThat(plain.eventCount()).isEqualTo(hashed.eventCount());
        assertThat(plain.trades()).isEqualTo(hashed.trades());
        assertThat(plain.eventHash()).isNotEqualTo(hashed.eventHash());
    }

    @Test
    void a_list_of_bars_runs_exactly_like_the_same_arrays() {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) bars.add(DATA.bar(i));
        BacktestConfig hashing = BacktestConfig.of(new BigDecimal("1000000")).withHashEvents(true);
        BacktestResult fromList = Backtest.run(AAPL, bars, ZoneOffset.UTC, new SmaCross(10, 30, Quantity.of(100)), hashing);
        BacktestResult fromArrays = smaCross(prefix(DATA, 1_000), hashing);
        assertThat(fromList.eventHash()).isEqualTo(fromArrays.eventHash());
        assertThat(fromList.trades()).isEqualTo(fromArrays.trades());
    }

    @Test
    void commissions_reduce_equity_by_exactly_the_fees_charged() {
        BacktestResult free = smaCross(DATA, BacktestConfig.of(new BigDecimal("1000000")));
        BacktestResult costly = smaCross(DATA, BacktestConfig.of(new BigDecimal("1000000"))
                .withBroker(BrokerConfig.defaults().withCommission(CommissionModel.flatPerOrder(new BigDecimal("20")))));
        assertThat(costly.fees()).isEqualByComparingTo(new BigDecimal(20 * (costly.ordersAccepted() - costly.workingOrdersAtEnd())));
        assertThat(free.finalEquity().subtract(costly.finalEquity())).isEqualByComparingTo(costly.fees());
        BigDecimal tradeFees = costly.trades().stream().map(t -> t.fees()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal openEntryFee = costly.openQuantity().signum() == 0 ? BigDecimal.ZERO : new BigDecimal("20");
        assertThat(tradeFees.add(openEntryFee)).isEqualByComparingTo(costly.fees());
    }

    @Test
    void an_empty_series_gives_an_empty_result() {
        BarArrays empty = new BarArrays(AAPL, new long[0], new long[0], new long[0], new long[0], new long[0], new long[0], 2, ZoneOffset.UTC);
        BacktestResult r = smaCross(empty, BacktestConfig.of(new BigDecimal("1000")));
        assertThat(r.bars()).isZero();
        assertThat(r.finalEquity()).isEqualByComparingTo("1000");
        assertThat(r.metrics().tradeCount()).isZero();
    }

    static BarArrays prefix(BarArrays d, int n) {
        return new BarArrays(d.instrument(), java.util.Arrays.copyOf(d.startMillis(), n), java.util.Arrays.copyOf(d.open(), n),
                java.util.Arrays.copyOf(d.high(), n), java.util.Arrays.copyOf(d.low(), n), java.util.Arrays.copyOf(d.close(), n),
                java.util.Arrays.copyOf(d.volume(), n), d.priceDecimals(), d.zone());
    }
}
