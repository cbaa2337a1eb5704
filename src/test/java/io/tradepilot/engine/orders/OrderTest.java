package io.tradepilot.engine.orders;

import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import org.junit.jupiter.api.Test;

import static io.tradepilot.engine.testing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class OrderTest {

    private static Order newOrder(long qty) {
        OrderRequest r = OrderRequest.market(new ClientOrderId("c1"), StrategyId.MANUAL, AAPL, Side.BUY, Quantity.of(qty));
        return new Order(new OrderId("O1"), r, T0);
    }

    @Test
    void an_accepted_order_fills_partially_then_completely_with_a_weighted_average_price() {
        Order o = newOrder(100);
        assertThat(o.accept().done()).isTrue();
        assertThat(o.fill(Quantity.of(40), Price.of("10")).done()).isTrue();
        assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(o.remaining()).isEqualTo(Quantity.of(60));
        assertThat(o.fill(Quantity.of(60), Price.of("11")).done()).isTrue();
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(o.averageFillPrice()).isEqualTo(Price.of("10.6"));
    }

    @Test
    void a_new_order_cannot_fill_before_it_is_accepted() {
        Order o = newOrder(10);
        Transition t = o.fill(Quantity.of(10), Price.of("1"));
        assertThat(t).isInstanceOf(Transition.Refused.class);
        assertThat(o.status()).isEqualTo(OrderStatus.NEW);
    }

    @Test
    void a_fill_larger_than_the_remainder_is_refused() {
        Order o = newOrder(10);
        o.accept();
        assertThat(o.fill(Quantity.of(11), Price.of("1"))).isInstanceOf(Transition.Refused.class);
        assertThat(o.filledQuantity()).isEqualTo(Quantity.ZERO);
    }

    @Test
    void a_rejected_order_is_terminal_and_refuses_acceptance_and_cancellation() {
        Order o = newOrder(10);
        o.reject("risk");
        assertThat(o.status().isTerminal()).isTrue();
        assertThat(o.accept()).isInstanceOf(Transition.Refused.class);
        assertThat(o.requestCancel()).isInstanceOf(Transition.Refused.class);
        assertThat(o.statusReason()).isEqualTo("risk");
    }

    @Test
    void cancelling_goes_through_pending_cancel_and_a_filled_order_cannot_be_cancelled() {
        Order o = newOrder(10);
        o.accept();
        assertThat(o.requestCancel().done()).isTrue();
        assertThat(o.status()).isEqualTo(OrderStatus.PENDING_CANCEL);
        assertThat(o.confirmCancel("user").done()).isTrue();
        assertThat(o.status()).isEqualTo(OrderStatus.CANCELLED);

        Order f = newOrder(10);
        f.accept();
        f.fill(Quantity.of(10), Price.of("1"));
        Transition t = f.requestCancel();
        assertThat(t).isInstanceOfSatisfying(Transition.Refused.class, r -> assertThat(r.reason()).contains("FILLED"));
    }

    @Test
    void a_failed_cancel_leaves_the_order_working_so_it_can_still_fill_or_be_cancelled_again() {
        Order o = newOrder(10);
        o.accept();
        o.requestCancel();
        assertThat(o.cancelFailed("venue refused").done()).isTrue();
        assertThat(o.status()).isEqualTo(OrderStatus.CANCEL_FAILED);
        assertThat(o.status().isWorking()).isTrue();
        assertThat(o.fill(Quantity.of(5), Price.of("1")).done()).isTrue();
        assertThat(o.requestCancel().done()).isTrue();
    }

    @Test
    void a_fill_may_race_a_pending_cancel() {
        Order o = newOrder(10);
        o.accept();
        o.requestCancel();
        assertThat(o.fill(Quantity.of(10), Price.of("1")).done()).isTrue();
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(o.confirmCancel("late")).isInstanceOf(Transition.Refused.class);
    }

    @Test
    void only_working_orders_expire() {
        Order o = newOrder(10);
        assertThat(o.expire("day over")).isInstanceOf(Transition.Refused.class);
        o.accept();
        assertThat(o.expire("day over").done()).isTrue();
        assertThat(o.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(o.view().statusReason()).isEqualTo("day over");
    }
}
