package io.tradepilot.engine.orders;

import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.tradepilot.engine.testing.Fixtures.AAPL;
import static org.assertj.core.api.Assertions.assertThat;

/** The order's transitions for a venue's reports: done, unchanged for a repeat, refused for a contradiction. */
class OrderVenueTransitionsTest {

    private static final ClientOrderId CID = new ClientOrderId("c1");

    private static Order accepted() {
        Order o = new Order(new OrderId("O1"), OrderRequest.limit(CID, StrategyId.MANUAL, AAPL, Side.BUY, Quantity.of(10), Price.of("100"),
                TimeInForce.GTC), Instant.EPOCH);
        o.accept();
        return o;
    }

    @Test
    void an_acknowledgement_is_done_once_unchanged_when_repeated_and_refused_with_another_id_or_before_acceptance() {
        Order o = accepted();
        assertThat(o.acknowledge("v1")).isEqualTo(Transition.DONE);
        assertThat(o.acknowledge("v1")).isEqualTo(Transition.UNCHANGED);
        assertThat(o.acknowledge("v2")).isInstanceOf(Transition.Refused.class);
        Order fresh = new Order(new OrderId("O2"), o.request(), Instant.EPOCH);
        assertThat(fresh.acknowledge("v1")).isInstanceOf(Transition.Refused.class);
    }

    @Test
    void a_venue_rejection_is_only_possible_before_acknowledgement_and_fills() {
        Order o = accepted();
        assertThat(o.rejectByVenue("no")).isEqualTo(Transition.DONE);
        assertThat(o.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(o.rejectByVenue("no")).isEqualTo(Transition.UNCHANGED);

        Order acked = accepted();
        acked.acknowledge("v1");
        assertThat(acked.rejectByVenue("no")).isInstanceOf(Transition.Refused.class);

        Order partly = accepted();
        partly.fillByVenue(Quantity.of(1), Price.of("100"), Quantity.of(1));
        assertThat(partly.rejectByVenue("no")).isInstanceOf(Transition.Refused.class);
        assertThat(partly.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    }

    @Test
    void fills_are_counted_by_their_cumulative_quantity() {
        Order o = accepted();
        assertThat(o.fillByVenue(Quantity.of(4), Price.of("100"), Quantity.of(4))).isEqualTo(Transition.DONE);
        assertThat(o.fillByVenue(Quantity.of(4), Price.of("100"), Quantity.of(4))).isEqualTo(Transition.UNCHANGED);
        assertThat(o.fillByVenue(Quantity.of(2), Price.of("100"), Quantity.of(8))).isInstanceOf(Transition.Refused.class);
        assertThat(o.fillByVenue(Quantity.of(7), Price.of("100"), Quantity.of(11))).isInstanceOf(Transition.Refused.class);
        assertThat(o.fillByVenue(Quantity.of(6), Price.of("101"), Quantity.of(10))).isEqualTo(Transition.DONE);
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(o.averageFillPrice()).isEqualTo(Price.of("100.6"));
        assertThat(o.fillByVenue(Quantity.of(6), Price.of("101"), Quantity.of(10))).isEqualTo(Transition.UNCHANGED);
    }

    @Test
    void a_cancel_confirmation_keeps_the_engine_reason_when_it_asked_and_the_venue_reason_otherwise() {
        Order asked = accepted();
        asked.requestCancel("kill switch");
        assertThat(asked.cancelledByVenue("canceled")).isEqualTo(Transition.DONE);
        assertThat(asked.statusReason()).isEqualTo("kill switch");
        assertThat(asked.cancelledByVenue("canceled")).isEqualTo(Transition.UNCHANGED);

        Order unasked = accepted();
        assertThat(unasked.cancelledByVenue("broker risk")).isEqualTo(Transition.DONE);
        assertThat(unasked.statusReason()).isEqualTo("broker risk");
    }

    @Test
    void a_cancel_rejection_fails_a_pending_cancel_and_is_moot_once_the_order_ended() {
        Order o = accepted();
        assertThat(o.cancelRejectedByVenue("?")).isInstanceOf(Transition.Refused.class);
        o.requestCancel("operator");
        assertThat(o.cancelRejectedByVenue("too late")).isEqualTo(Transition.DONE);
        assertThat(o.status()).isEqualTo(OrderStatus.CANCEL_FAILED);
        assertThat(o.cancelRejectedByVenue("too late")).isEqualTo(Transition.UNCHANGED);
        o.fillByVenue(Quantity.of(10), Price.of("100"), Quantity.of(10));
        assertThat(o.cancelRejectedByVenue("filled")).isEqualTo(Transition.UNCHANGED);
    }

    @Test
    void an_expiry_repeats_harmlessly_and_cannot_end_a_filled_order() {
        Order o = accepted();
        assertThat(o.expiredByVenue("day")).isEqualTo(Transition.DONE);
        assertThat(o.expiredByVenue("day")).isEqualTo(Transition.UNCHANGED);
        Order filled = accepted();
        filled.fillByVenue(Quantity.of(10), Price.of("100"), Quantity.of(10));
        assertThat(filled.expiredByVenue("day")).isInstanceOf(Transition.Refused.class);
    }

    @Test
    void an_amendment_changes_only_quantity_and_prices_and_keeps_something_to_fill() {
        Order o = accepted();
        o.fillByVenue(Quantity.of(4), Price.of("100"), Quantity.of(4));
        OrderRequest r = o.request();
        OrderRequest lower = OrderRequest.limit(CID, StrategyId.MANUAL, AAPL, Side.BUY, Quantity.of(6), Price.of("99"), TimeInForce.GTC);
        OrderRequest tooLow = OrderRequest.limit(CID, StrategyId.MANUAL, AAPL, Side.BUY, Quantity.of(4), Price.of("99"), TimeInForce.GTC);
        OrderRequest otherSide = OrderRequest.limit(CID, StrategyId.MANUAL, AAPL, Side.SELL, Quantity.of(6), Price.of("99"), TimeInForce.GTC);

        assertThat(o.amend(tooLow)).isInstanceOf(Transition.Refused.class);
        assertThat(o.amend(otherSide)).isInstanceOf(Transition.Refused.class);
        assertThat(o.request()).isSameAs(r);
        assertThat(o.amend(lower)).isEqualTo(Transition.DONE);
        assertThat(o.remaining()).isEqualTo(Quantity.of(2));
        assertThat(o.amend(lower)).isEqualTo(Transition.UNCHANGED);
    }
}
