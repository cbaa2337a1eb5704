package io.tradepilot.signals.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradepilot.signals.NewWebhookStrategy;
import io.tradepilot.signals.QuantityMode;
import io.tradepilot.signals.SignalAction;
import io.tradepilot.signals.SignalRefusal;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/** Sizing a signal's order, and the rules a new webhook strategy must meet. */
class DefaultSignalReceiverTest {

    private static JooqSignalStore.StoredStrategy strategy(QuantityMode mode, String quantity, String risk, String stop) {
        return new JooqSignalStore.StoredStrategy("s", "S", null, Map.of(), mode, quantity == null ? null : new BigDecimal(quantity),
                risk == null ? null : new BigDecimal(risk), stop == null ? null : new BigDecimal(stop), Set.of(SignalAction.BUY), true, null, null);
    }

    @Test
    void a_fixed_strategy_trades_its_quantity_whatever_the_signal_says() {
        assertThat(DefaultSignalReceiver.quantity(strategy(QuantityMode.FIXED, "5", null, null), new ParsedSignal.Item("X", null)))
                .isEqualByComparingTo("5");
    }

    @Test
    void a_risk_strategy_sizes_by_risk_over_the_stop_distance_rounded_down() {
        var risk = strategy(QuantityMode.RISK, null, "1000", "2");
        assertThat(DefaultSignalReceiver.quantity(risk, new ParsedSignal.Item("X", new BigDecimal("2456.35")))).isEqualByComparingTo("20");
        assertThat(DefaultSignalReceiver.quantity(risk, new ParsedSignal.Item("X", new BigDecimal("3.75")))).isEqualByComparingTo("13333");
        assertThatThrownBy(() -> DefaultSignalReceiver.quantity(risk, new ParsedSignal.Item("X", null)))
                .isInstanceOfSatisfying(SignalRefusal.class, r -> assertThat(r.code()).isEqualTo("PRICE_REQUIRED"));
        assertThatThrownBy(() -> DefaultSignalReceiver.quantity(risk, new ParsedSignal.Item("X", new BigDecimal("60000"))))
                .isInstanceOfSatisfying(SignalRefusal.class, r -> assertThat(r.code()).isEqualTo("ZERO_QUANTITY"));
    }

    @Test
    void a_new_strategy_is_refused_field_by_field() {
        Map<String, String> symbols = Map.of("reliance", "RELIANCE");
        Set<SignalAction> buy = Set.of(SignalAction.BUY);
        assertThat(DefaultSignalAdministration.validate(new NewWebhookStrategy(" tv-1 ", " TV ", symbols, QuantityMode.FIXED,
                BigDecimal.ONE, null, null, buy, true)).symbols()).containsEntry("RELIANCE", "RELIANCE");
        assertThat(field(new NewWebhookStrategy("TV 1", "TV", symbols, QuantityMode.FIXED, BigDecimal.ONE, null, null, buy, true))).isEqualTo("id");
        assertThat(field(new NewWebhookStrategy("tv", " ", symbols, QuantityMode.FIXED, BigDecimal.ONE, null, null, buy, true))).isEqualTo("name");
        assertThat(field(new NewWebhookStrategy("tv", "TV", Map.of(), QuantityMode.FIXED, BigDecimal.ONE, null, null, buy, true))).isEqualTo("symbols");
        assertThat(field(new NewWebhookStrategy("tv", "TV", Map.of("A B", "X"), QuantityMode.FIXED, BigDecimal.ONE, null, null, buy, true)))
                .isEqualTo("symbols");
        assertThat(field(new NewWebhookStrategy("tv", "TV", symbols, null, BigDecimal.ONE, null, null, buy, true))).isEqualTo("quantityMode");
        assertThat(field(new NewWebhookStrategy("tv", "TV", symbols, QuantityMode.FIXED, BigDecimal.ZERO, null, null, buy, true))).isEqualTo("quantity");
        assertThat(field(new NewWebhookStrategy("tv", "TV", symbols, QuantityMode.RISK, null, null, BigDecimal.ONE, buy, true))).isEqualTo("riskAmount");
        assertThat(field(new NewWebhookStrategy("tv", "TV", symbols, QuantityMode.RISK, null, BigDecimal.TEN, new BigDecimal("100"), buy, true)))
                .isEqualTo("stopPercent");
        assertThat(field(new NewWebhookStrategy("tv", "TV", symbols, QuantityMode.FIXED, BigDecimal.ONE, null, null, Set.of(), true)))
                .isEqualTo("allowedActions");
    }

    private static String field(NewWebhookStrategy request) {
        try {
            DefaultSignalAdministration.validate(request);
        } catch (SignalRefusal refusal) {
            assertThat(refusal.status()).isEqualTo(400);
            return refusal.field();
        }
        throw new AssertionError("not refused");
    }
}
