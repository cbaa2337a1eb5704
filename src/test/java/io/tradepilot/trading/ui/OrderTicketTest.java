package io.tradepilot.trading.ui;

import io.tradepilot.trading.ManualOrder;
import io.tradepilot.trading.OrderPreview;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The order ticket: limit/stop fields per type, and Confirm only after a preview of exactly these values. */
class OrderTicketTest {

    private final FakeTrading trading = new FakeTrading();
    private final List<Outcome> done = new ArrayList<>();
    private final OrderTicket ticket = new OrderTicket(List.of("SYNTH-ALPHA", "SYNTH-BETA"), "INR", trading::previewOrder,
            (order, reason) -> Outcome.attempt(() -> trading.placeOrder(order, reason)), done::add);

    private void fill() {
        ticket.symbol.setValue("SYNTH-ALPHA");
        ticket.quantity.setValue(new BigDecimal("10"));
        ticket.reason.setValue("manual hedge for the desk");
    }

    @Test
    void limit_and_stop_fields_are_shown_only_for_the_types_that_take_them() {
        assertThat(ticket.limit.isVisible()).isFalse();
        assertThat(ticket.stop.isVisible()).isFalse();
        ticket.type.setValue("LIMIT");
        assertThat(ticket.limit.isVisible()).isTrue();
        assertThat(ticket.stop.isVisible()).isFalse();
        ticket.type.setValue("STOP");
        assertThat(ticket.limit.isVisible()).isFalse();
        assertThat(ticket.stop.isVisible()).isTrue();
        ticket.type.setValue("STOP_LIMIT");
        assertThat(ticket.limit.isVisible()).isTrue();
        assertThat(ticket.stop.isVisible()).isTrue();
    }

    @Test
    void a_hidden_price_is_not_part_of_the_order() {
        fill();
        ticket.type.setValue("LIMIT");
        ticket.limit.setValue(new BigDecimal("99.5"));
        ticket.type.setValue("MARKET");

        assertThat(ticket.order()).isEqualTo(new ManualOrder("SYNTH-ALPHA", "BUY", new BigDecimal("10"), "MARKET",
                null, null, "DAY"));
    }

    @Test
    void confirm_is_enabled_only_after_a_preview_of_exactly_these_values() {
        fill();
        assertThat(ticket.confirm.isEnabled()).isFalse();

        ticket.previewNow();
        assertThat(ticket.confirm.isEnabled()).isTrue();
        assertThat(ticket.previewText.getText()).contains("Accepted").contains("Reference price: 100.05")
                .contains("Notional: INR 1,000.50").contains("Position: 0 → 10");

        ticket.quantity.setValue(new BigDecimal("11"));
        assertThat(ticket.confirm.isEnabled()).as("changed after the preview").isFalse();
        ticket.quantity.setValue(new BigDecimal("10"));
        assertThat(ticket.confirm.isEnabled()).as("back to the previewed values").isTrue();
    }

    @Test
    void confirming_places_the_previewed_order_with_the_reason() {
        fill();
        ticket.previewNow();

        ticket.confirmNow();

        assertThat(trading.calls).last().asString().startsWith("place ManualOrder[symbol=SYNTH-ALPHA, side=BUY, quantity=10")
                .endsWith("manual hedge for the desk");
        assertThat(done).hasSize(1);
    }

    @Test
    void a_refused_preview_keeps_confirm_disabled_and_shows_the_risk_code() {
        var refusing = new OrderTicket(List.of("SYNTH-ALPHA"), "INR",
                order -> new OrderPreview(order, false, "MAX_QUANTITY_PER_SYMBOL", "position 1,200 > 1,000",
                        new BigDecimal("100"), new BigDecimal("120000"), new BigDecimal("0"), new BigDecimal("1200")),
                (order, reason) -> Outcome.attempt(() -> trading.placeOrder(order, reason)), done::add);
        refusing.symbol.setValue("SYNTH-ALPHA");
        refusing.quantity.setValue(new BigDecimal("1200"));

        refusing.previewNow();

        assertThat(refusing.previewText.getText()).contains("Refused: MAX_QUANTITY_PER_SYMBOL — position 1,200 > 1,000");
        assertThat(refusing.confirm.isEnabled()).isFalse();
        refusing.confirmNow();
        assertThat(trading.calls).isEmpty();
    }

    @Test
    void a_missing_limit_price_is_pointed_out_without_asking_the_server() {
        fill();
        ticket.type.setValue("LIMIT");

        ticket.previewNow();

        assertThat(trading.calls).isEmpty();
        assertThat(ticket.error.getText()).contains("limit price");
    }

    @Test
    void a_place_refusal_stays_in_the_ticket() {
        trading.answer = FakeTrading.refused("Kill switch engaged: no new orders.");
        fill();
        ticket.previewNow();

        ticket.confirmNow();

        assertThat(done).isEmpty();
        assertThat(ticket.error.getText()).isEqualTo("Kill switch engaged: no new orders.");
    }
}
