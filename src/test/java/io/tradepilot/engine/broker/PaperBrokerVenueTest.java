package io.tradepilot.engine.broker;

import io.tradepilot.engine.core.EngineCommand;
import io.tradepilot.engine.core.EngineConfig;
import io.tradepilot.engine.core.EngineEvent;
import io.tradepilot.engine.core.SimulatedClock;
import io.tradepilot.engine.core.TradingEngine;
import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.BarCursor;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.orders.OrderId;
import io.tradepilot.engine.orders.OrderIdGenerator;
import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.orders.OrderStatus;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.orders.TimeInForce;
import io.tradepilot.engine.venue.ExecutionReport;
import io.tradepilot.engine.venue.VenueOrder;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static io.tradepilot.engine.testing.Fixtures.AAPL;
import static org.assertj.core.api.Assertions.assertThat;

/** The paper broker as a venue: it reports everything through the same execution reports a broker adapter sends. */
class PaperBrokerVenueTest {

    private static final Instant T0 = Instant.parse("2024-01-02T00:00:00Z");
    private final SimulatedClock clock = new SimulatedClock(T0.toEpochMilli(), ZoneOffset.UTC);
    private final List<ExecutionReport> reports = new ArrayList<>();
    private final PaperBroker paper = new PaperBroker(BrokerConfig.defaults().withParticipation(new BigDecimal("0.5")), reports::add, clock,
            symbol -> null);

    private static VenueOrder order(String id, long qty, String limit) {
        return new VenueOrder(new OrderId(id), OrderRequest.limit(new ClientOrderId("c-" + id), StrategyId.MANUAL, AAPL, Side.BUY,
                Quantity.of(qty), Price.of(limit), TimeInForce.GTC), null, Quantity.ZERO);
    }

    private void bar(int day, String low, long volume) {
        BarCursor c = new BarCursor().set(day, T0.plusSeconds(86_400L * day).toEpochMilli(), 10_100, 10_200, new BigDecimal(low).movePointRight(2).longValueExact(),
                10_100, volume, 2);
        paper.onBar(AAPL, c);
    }

    @Test
    void fills_under_a_volume_cap_are_reported_with_their_cumulative_quantity() {
        paper.submit(order("O1", 10, "100"));

        bar(1, "99", 12); // 6 of 10
        bar(2, "99", 12); // the last 4

        assertThat(reports).satisfiesExactly(
                r -> assertThat(r).isEqualTo(new ExecutionReport.VenuePartiallyFilled(new ClientOrderId("c-O1"), Quantity.of(6),
                        Price.of("100"), Money.of("0", Money.USD), Quantity.of(6), T0.plusSeconds(86_400))),
                r -> assertThat(r).isInstanceOfSatisfying(ExecutionReport.VenueFilled.class, f -> {
                    assertThat(f.quantity()).isEqualTo(Quantity.of(4));
                    assertThat(f.cumulativeQuantity()).isEqualTo(Quantity.of(10));
                }));
        assertThat(paper.workingCount()).isZero();
    }

    @Test
    void a_cancel_is_confirmed_at_once_and_refused_for_an_order_it_does_not_work() {
        paper.submit(order("O1", 10, "100"));

        paper.cancel(order("O1", 10, "100"));
        paper.cancel(order("O1", 10, "100"));

        assertThat(reports).satisfiesExactly(
                r -> assertThat(r).isInstanceOf(ExecutionReport.VenueCancelled.class),
                r -> assertThat(r).isInstanceOf(ExecutionReport.VenueCancelRejected.class));
        assertThat(paper.workingCount()).isZero();
    }

    @Test
    void resolving_takes_an_order_back_once_with_what_it_had_filled() {
        VenueOrder adopted = new VenueOrder(new OrderId("O1"), order("O1", 10, "100").request(), null, Quantity.of(6));

        paper.resolve(adopted);
        paper.resolve(adopted);
        bar(1, "99", 100);

        assertThat(paper.workingCount()).isZero();
        assertThat(reports).singleElement().isInstanceOfSatisfying(ExecutionReport.VenueFilled.class, f -> {
            assertThat(f.quantity()).isEqualTo(Quantity.of(4));
            assertThat(f.cumulativeQuantity()).isEqualTo(Quantity.of(10));
        });
    }

    @Test
    void a_modified_limit_fills_at_its_new_price_through_the_engine() {
        List<EngineEvent> events = new ArrayList<>();
        TradingEngine engine = new TradingEngine(EngineConfig.simple(Money.of("100000", Money.USD)), clock, OrderIdGenerator.sequential("O"),
                events::add);
        engine.accept(new EngineCommand.PlaceOrder(OrderRequest.limit(new ClientOrderId("c1"), StrategyId.MANUAL, AAPL, Side.BUY,
                Quantity.of(10), Price.of("95"), TimeInForce.GTC)));

        engine.accept(new EngineCommand.ModifyOrder(new OrderId("O1"), Quantity.of(8), Price.of("99.5"), null, "operator"));
        clock.setMillis(T0.plusSeconds(86_400).toEpochMilli());
        engine.accept(new EngineCommand.OnBar(AAPL, new Bar(T0.plusSeconds(86_400), Price.of("101"), Price.of("102"), Price.of("99"),
                Price.of("101"), 1_000)));

        assertThat(events).filteredOn(EngineEvent.OrderModified.class::isInstance).hasSize(1);
        assertThat(events).filteredOn(EngineEvent.OrderFilled.class::isInstance).singleElement()
                .isInstanceOfSatisfying(EngineEvent.OrderFilled.class, f -> {
                    assertThat(f.quantity()).isEqualTo(Quantity.of(8));
                    assertThat(f.price()).isEqualTo(Price.of("99.5"));
                });
        assertThat(engine.order(new OrderId("O1")).status()).isEqualTo(OrderStatus.FILLED);
    }
}
