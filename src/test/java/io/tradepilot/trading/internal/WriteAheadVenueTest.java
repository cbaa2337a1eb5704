package io.tradepilot.trading.internal;

import io.tradepilot.engine.core.EngineEvent;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.orders.OrderId;
import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.orders.TimeInForce;
import io.tradepilot.engine.venue.ExecutionVenue;
import io.tradepilot.engine.venue.VenueOrder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.tradepilot.engine.testing.Fixtures.AAPL;
import static io.tradepilot.engine.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

class WriteAheadVenueTest {

    private final List<String> sent = new ArrayList<>();
    private final WriteAheadVenue venue = new WriteAheadVenue(new ExecutionVenue() {
        @Override public void submit(VenueOrder order) { sent.add("submit " + order.orderId().value()); }
        @Override public void cancel(VenueOrder order) { sent.add("cancel " + order.orderId().value()); }
        @Override public void modify(VenueOrder order, OrderRequest amended) { sent.add("modify " + order.orderId().value()); }
        @Override public void resolve(VenueOrder order) { sent.add("resolve " + order.orderId().value()); }
    });

    @Test
    void a_submit_is_sent_only_once_the_order_is_recorded() {
        venue.submit(order("O1"));
        assertThat(sent).isEmpty();
        assertThat(venue.held()).isEqualTo(1);

        venue.recorded(accepted("O1"));

        assertThat(sent).containsExactly("submit O1");
        assertThat(venue.held()).isZero();
    }

    @Test
    void calls_on_a_held_order_wait_behind_its_submit_in_order() {
        venue.submit(order("O1"));
        venue.cancel(order("O1"));
        venue.resolve(order("O1"));
        venue.submit(order("O2"));

        venue.recorded(accepted("O2"));
        venue.recorded(accepted("O1"));

        assertThat(sent).containsExactly("submit O2", "submit O1", "cancel O1", "resolve O1");
    }

    @Test
    void an_order_recorded_before_its_submit_reached_the_gate_is_sent_at_once() {
        venue.recorded(accepted("O1"));
        venue.submit(order("O1"));

        assertThat(sent).containsExactly("submit O1");
        assertThat(venue.held()).isZero();
    }

    @Test
    void calls_on_orders_it_does_not_hold_pass_straight_through() {
        venue.resolve(order("O7"));
        venue.cancel(order("O7"));
        venue.recorded(new EngineEvent.OrderCancelled(T0, new OrderId("O7"), "gone"));

        assertThat(sent).containsExactly("resolve O7", "cancel O7");
    }

    private static VenueOrder order(String id) {
        return new VenueOrder(new OrderId(id), request(id), null, Quantity.ZERO);
    }

    private static OrderRequest request(String id) {
        return OrderRequest.limit(new ClientOrderId("manual:AAPL:" + id), StrategyId.MANUAL, AAPL, Side.BUY, Quantity.of(10),
                Price.of("100"), TimeInForce.DAY);
    }

    private static EngineEvent.OrderAccepted accepted(String id) {
        OrderRequest r = request(id);
        return new EngineEvent.OrderAccepted(T0, new OrderId(id), r.clientOrderId(), r.strategy(), "AAPL", r.side(), r.quantity(),
                r.type(), r.limitPrice(), r.stopPrice(), r.timeInForce());
    }
}
