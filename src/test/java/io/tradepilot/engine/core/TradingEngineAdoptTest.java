package io.tradepilot.engine.core;

import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.orders.Fill;
import io.tradepilot.engine.orders.Order;
import io.tradepilot.engine.orders.OrderId;
import io.tradepilot.engine.orders.OrderIdGenerator;
import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.orders.OrderStatus;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.orders.TimeInForce;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.tradepilot.engine.testing.Fixtures.AAPL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Recovery after a restart: orders rebuilt by the host are taken over by a fresh engine. */
class TradingEngineAdoptTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private final SimulatedClock clock = new SimulatedClock(T0.toEpochMilli(), java.time.ZoneOffset.UTC);
    private final List<EngineEvent> events = new ArrayList<>();
    private final TradingEngine engine = new TradingEngine(EngineConfig.simple(Money.of("100000", Money.USD)), clock,
            OrderIdGenerator.sequential("N"), events::add);

    private static Order accepted(String id, OrderRequest request) {
        Order o = new Order(new OrderId(id), request, T0);
        o.accept();
        return o;
    }

    private static OrderRequest limitBuy(String cid, String limit) {
        return OrderRequest.limit(new ClientOrderId(cid), StrategyId.MANUAL, AAPL, Side.BUY, Quantity.of(10), Price.of(limit), TimeInForce.GTC);
    }

    private void bar(int day, String o, String h, String l, String c) {
        Instant t = T0.plusSeconds(86_400L * day);
        clock.setMillis(t.toEpochMilli());
        engine.accept(new EngineCommand.OnBar(AAPL, new Bar(t, Price.of(o), Price.of(h), Price.of(l), Price.of(c), 1_000_000)));
    }

    @Test
    void an_adopted_working_order_goes_back_to_the_broker_and_fills_on_a_later_bar() {
        engine.adopt(accepted("O7", limitBuy("manual:AAPL:1:B:0", "100")));

        bar(1, "99", "101", "98", "100");

        assertThat(events).filteredOn(e -> e instanceof EngineEvent.OrderFilled).singleElement()
                .satisfies(e -> assertThat(((EngineEvent.OrderFilled) e).orderId()).isEqualTo(new OrderId("O7")));
        assertThat(engine.portfolio().quantity("AAPL")).isEqualByComparingTo("10");
        assertThat(engine.order(new OrderId("O7")).status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void the_client_order_id_of_an_adopted_order_is_ignored_when_it_arrives_again() {
        Order filled = accepted("O3", limitBuy("manual:AAPL:1:B:0", "100"));
        filled.fill(Quantity.of(10), Price.of("100"));
        engine.portfolio().apply(new Fill(filled.id(), filled.request().clientOrderId(), AAPL, Side.BUY, Quantity.of(10), Price.of("100"),
                Money.of("0", Money.USD), T0, null));
        engine.adopt(filled);

        engine.accept(new EngineCommand.PlaceOrder(limitBuy("manual:AAPL:1:B:0", "100")));

        assertThat(events).singleElement().isInstanceOf(EngineEvent.DuplicateOrderIgnored.class);
        assertThat(engine.broker().workingCount()).isZero();
        assertThat(engine.portfolio().quantity("AAPL")).isEqualByComparingTo("10");
    }

    @Test
    void a_cancelled_adopted_order_stays_out_of_the_broker_and_a_working_one_can_be_cancelled() {
        Order cancelled = accepted("O1", limitBuy("manual:AAPL:1:B:0", "90"));
        cancelled.requestCancel();
        cancelled.confirmCancel("operator");
        engine.adopt(cancelled);
        engine.adopt(accepted("O2", limitBuy("manual:AAPL:2:B:0", "90")));
        assertThat(engine.broker().workingCount()).isEqualTo(1);

        engine.accept(new EngineCommand.CancelOrder(new OrderId("O2"), "kill switch"));

        assertThat(events).singleElement().isInstanceOf(EngineEvent.OrderCancelled.class);
        assertThat(engine.broker().workingCount()).isZero();
    }

    @Test
    void an_order_id_or_client_order_id_already_known_is_refused() {
        engine.adopt(accepted("O1", limitBuy("manual:AAPL:1:B:0", "90")));

        assertThatThrownBy(() -> engine.adopt(accepted("O1", limitBuy("manual:AAPL:9:B:0", "90")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine.adopt(accepted("O9", limitBuy("manual:AAPL:1:B:0", "90")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> engine.adopt(new Order(new OrderId("O5"), limitBuy("manual:AAPL:5:B:0", "90"), T0)))
                .as("never accepted").isInstanceOf(IllegalArgumentException.class);
    }
}
