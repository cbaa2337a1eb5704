package io.tradepilot.engine.core;

import io.tradepilot.engine.core.EngineEvent.OrderAccepted;
import io.tradepilot.engine.core.EngineEvent.OrderRejected;
import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.BarCursor;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.orders.OrderIdGenerator;
import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.risk.RejectionCode;
import io.tradepilot.engine.strategy.OrderIntent;
import io.tradepilot.engine.strategy.Strategy;
import io.tradepilot.engine.strategy.StrategyContext;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After {@link EngineCommand.SquareOff} the squared-off symbols take no new entries until the next
 * market-zone day; exits still go out. Scenario: bars in (IST), the re-entering strategy's order out.
 */
class SquareOffReentryTest {

    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final Instrument INTRA = Instrument.nseEquity("INTRA");
    private static final Instrument OTHER = Instrument.nseEquity("OTHER");
    private static final StrategyId REENTER = new StrategyId("reenter");

    /**
     * One row per INTRA bar: its start (IST), a command applied after the bar ({@code -} none), what happens
     * to the strategy's entry on that bar (ACCEPTED, a rejection code, or NONE when it holds a position or
     * an order), and the INTRA position after the bar.
     */
    private static final String SCENARIO = """
            # start (IST)      | after the bar | strategy entry   | position
            2025-01-06T15:10   | -             | ACCEPTED         | 0
            2025-01-06T15:15   | SQUARE_OFF    | NONE             | 10
            2025-01-06T15:20   | -             | AFTER_SQUARE_OFF | 0
            2025-01-06T15:25   | -             | AFTER_SQUARE_OFF | 0
            2025-01-07T09:15   | -             | ACCEPTED         | 0
            2025-01-07T09:20   | -             | NONE             | 10
            """;

    private final SimulatedClock clock = new SimulatedClock();
    private final List<EngineEvent> events = new ArrayList<>();
    private final TradingEngine engine = new TradingEngine(EngineConfig.simple(Money.of("1000000", Money.INR))
            .withMarketZone(IST), clock, OrderIdGenerator.sequential("O"), events::add);

    /** Buys 10 at market whenever it is flat with nothing working: it would re-enter right after a square-off. */
    private static final class Reenter implements Strategy {
        @Override public StrategyId id() { return REENTER; }

        @Override
        public void onBar(BarCursor bar, StrategyContext context) {
            if (context.position().signum() == 0 && !context.hasWorkingOrders()) {
                context.submit(OrderIntent.market(Side.BUY, Quantity.of(10)));
            }
        }
    }

    @Test
    void a_squared_off_symbol_takes_no_entry_until_the_next_market_day_then_trades_again() {
        engine.register(new Reenter(), INTRA, 2);
        for (String line : SCENARIO.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            String[] f = line.split("\\|");
            var start = LocalDateTime.parse(f[0].strip()).atZone(IST).toInstant();
            int before = events.size();
            clock.setMillis(start.toEpochMilli());
            engine.accept(new EngineCommand.OnBar(INTRA, new Bar(start, Price.of("100"), Price.of("100"), Price.of("100"), Price.of("100"), 1000)));
            List<EngineEvent> bar = events.subList(before, events.size());
            String entry = bar.stream().map(e -> switch (e) {
                case OrderAccepted a when a.strategy().equals(REENTER) -> "ACCEPTED";
                case OrderRejected r when r.clientOrderId().value().startsWith(REENTER.value()) -> r.code().name();
                default -> null;
            }).filter(java.util.Objects::nonNull).findFirst().orElse("NONE");

            assertThat(entry).as("strategy entry on the bar of " + f[0].strip()).isEqualTo(f[2].strip());
            assertThat(engine.portfolio().quantity("INTRA")).as("position after " + f[0].strip()).isEqualByComparingTo(f[3].strip());
            if (f[1].strip().equals("SQUARE_OFF")) engine.accept(new EngineCommand.SquareOff(Set.of("INTRA"), "end-of-day square-off"));
        }
    }

    @Test
    void exits_pass_after_the_square_off_entries_do_not_and_other_symbols_are_untouched() {
        var start = LocalDateTime.of(2025, 1, 6, 15, 15).atZone(IST).toInstant();
        clock.setMillis(start.toEpochMilli());
        engine.accept(new EngineCommand.OnBar(INTRA, new Bar(start, Price.of("100"), Price.of("100"), Price.of("100"), Price.of("100"), 1000)));
        place("b1", INTRA, Side.BUY, 10);
        start = start.plusSeconds(300);
        clock.setMillis(start.toEpochMilli());
        engine.accept(new EngineCommand.OnBar(INTRA, new Bar(start, Price.of("100"), Price.of("100"), Price.of("100"), Price.of("100"), 1000)));
        assertThat(engine.portfolio().quantity("INTRA")).isEqualByComparingTo("10");

        // the recovery path: the door closes without an order (the position stays, as if its close were still to come)
        engine.restoreSquareOff(Set.of("INTRA"), start);

        assertThat(engine.squaredOffToday("INTRA")).isTrue();
        assertThat(place("b2", INTRA, Side.BUY, 5)).isEqualTo(RejectionCode.AFTER_SQUARE_OFF);
        assertThat(place("s1", INTRA, Side.SELL, 20)).as("a reversal opens a short: an entry").isEqualTo(RejectionCode.AFTER_SQUARE_OFF);
        assertThat(place("s2", INTRA, Side.SELL, 4)).as("an exit").isNull();
        assertThat(place("o1", OTHER, Side.BUY, 5)).as("another symbol").isNull();
        clock.setMillis(LocalDateTime.of(2025, 1, 6, 23, 59).atZone(IST).toInstant().toEpochMilli());
        assertThat(engine.preview(request("b3", INTRA, Side.BUY, 5))).as("still the same IST day")
                .isInstanceOfSatisfying(io.tradepilot.engine.risk.RiskDecision.Rejection.class,
                        r -> assertThat(r.code()).isEqualTo(RejectionCode.AFTER_SQUARE_OFF));
        clock.setMillis(LocalDateTime.of(2025, 1, 7, 0, 0).atZone(IST).toInstant().toEpochMilli());
        assertThat(engine.squaredOffToday("INTRA")).isFalse();
        assertThat(place("b4", INTRA, Side.BUY, 5)).as("the next IST day").isNull();
    }

    /** Places a manual order; the rejection code, or null when accepted. */
    private RejectionCode place(String id, Instrument instrument, Side side, long quantity) {
        int before = events.size();
        engine.accept(new EngineCommand.PlaceOrder(request(id, instrument, side, quantity)));
        return events.subList(before, events.size()).stream().filter(OrderRejected.class::isInstance).map(OrderRejected.class::cast)
                .map(OrderRejected::code).findFirst().orElse(null);
    }

    private static OrderRequest request(String id, Instrument instrument, Side side, long quantity) {
        return OrderRequest.market(new ClientOrderId(id), StrategyId.MANUAL, instrument, side, Quantity.of(quantity));
    }
}
