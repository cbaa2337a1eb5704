package io.tradepilot.engine.core;

import io.tradepilot.engine.core.EngineEvent.OrderAccepted;
import io.tradepilot.engine.core.EngineEvent.OrderCancelled;
import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.orders.OrderIdGenerator;
import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.orders.TimeInForce;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link EngineCommand.SquareOff}: the end-of-day square-off of the intraday strategies' symbols only. */
class SquareOffCommandTest {

    private static final Instrument INTRA = Instrument.nseEquity("INTRA");
    private static final Instrument SWING = Instrument.nseEquity("SWING");
    private final SimulatedClock clock = new SimulatedClock();
    private final List<EngineEvent> events = new ArrayList<>();
    private final TradingEngine engine = new TradingEngine(EngineConfig.simple(Money.of("1000000", Money.INR)), clock,
            OrderIdGenerator.sequential("O"), events::add);
    private Instant t = Instant.parse("2025-01-06T04:00:00Z");

    private void step() {
        t = t.plusSeconds(300);
        clock.setMillis(t.toEpochMilli());
        for (Instrument i : List.of(INTRA, SWING)) {
            engine.accept(new EngineCommand.OnBar(i, new Bar(t, Price.of("100"), Price.of("101"), Price.of("99"), Price.of("100"), 1000)));
        }
    }

    private void buy(Instrument i, String id, long qty) {
        engine.accept(new EngineCommand.PlaceOrder(OrderRequest.market(new ClientOrderId(id), StrategyId.MANUAL, i, Side.BUY, Quantity.of(qty))));
    }

    @Test
    void closes_only_the_listed_symbols_and_cancels_only_their_working_orders() {
        step();
        buy(INTRA, "i1", 10);
        buy(SWING, "s1", 20);
        step();
        engine.accept(new EngineCommand.PlaceOrder(OrderRequest.limit(new ClientOrderId("i2"), StrategyId.MANUAL, INTRA, Side.BUY,
                Quantity.of(5), Price.of("90"), TimeInForce.GTC)));
        engine.accept(new EngineCommand.PlaceOrder(OrderRequest.limit(new ClientOrderId("s2"), StrategyId.MANUAL, SWING, Side.BUY,
                Quantity.of(5), Price.of("90"), TimeInForce.GTC)));

        engine.accept(new EngineCommand.SquareOff(Set.of("INTRA"), "end-of-day square-off"));
        step();

        assertThat(engine.portfolio().quantity("INTRA")).isEqualByComparingTo("0");
        assertThat(engine.portfolio().quantity("SWING")).isEqualByComparingTo("20");
        assertThat(events.stream().filter(OrderCancelled.class::isInstance).map(OrderCancelled.class::cast))
                .singleElement().satisfies(c -> assertThat(engine.order(c.orderId()).request().symbol()).isEqualTo("INTRA"));
        assertThat(engine.broker().workingOrders()).singleElement()
                .satisfies(o -> assertThat(o.request().clientOrderId()).isEqualTo(new ClientOrderId("s2")));
        assertThat(engine.state()).isEqualTo(EngineState.RUNNING);
    }

    @Test
    void repeating_the_square_off_before_its_fill_places_no_second_closing_order() {
        step();
        buy(INTRA, "i1", 10);
        step();
        engine.accept(new EngineCommand.SquareOff(Set.of("INTRA"), "square-off"));
        engine.accept(new EngineCommand.SquareOff(Set.of("INTRA"), "square-off (misfire, again)"));
        long closing = events.stream().filter(OrderAccepted.class::isInstance).map(OrderAccepted.class::cast)
                .filter(a -> a.strategy().equals(StrategyId.ENGINE)).count();
        assertThat(closing).isEqualTo(1);
        step();
        assertThat(engine.portfolio().quantity("INTRA")).isEqualByComparingTo("0");
    }

    @Test
    void a_flat_or_unknown_symbol_is_ignored() {
        step();
        engine.accept(new EngineCommand.SquareOff(Set.of("INTRA", "NOPE"), "square-off"));
        assertThat(events).noneMatch(OrderAccepted.class::isInstance);
    }
}
