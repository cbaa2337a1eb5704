package io.tradepilot.engine.orders;

import io.tradepilot.engine.domain.Side;
import org.junit.jupiter.api.Test;

import static io.tradepilot.engine.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientOrderIdTest {

    private final StrategyId s = new StrategyId("sma-cross");

    @Test
    void the_same_intent_derives_the_same_id() {
        assertThat(ClientOrderId.derive(s, "INFY", T0, Side.BUY, 0)).isEqualTo(ClientOrderId.derive(s, "INFY", T0, Side.BUY, 0));
    }

    @Test
    void any_difference_in_the_intent_gives_a_different_id() {
        ClientOrderId base = ClientOrderId.derive(s, "INFY", T0, Side.BUY, 0);
        assertThat(ClientOrderId.derive(s, "TCS", T0, Side.BUY, 0)).isNotEqualTo(base);
        assertThat(ClientOrderId.derive(s, "INFY", T0.plusSeconds(1), Side.BUY, 0)).isNotEqualTo(base);
        assertThat(ClientOrderId.derive(s, "INFY", T0, Side.SELL, 0)).isNotEqualTo(base);
        assertThat(ClientOrderId.derive(s, "INFY", T0, Side.BUY, 1)).isNotEqualTo(base);
        assertThat(ClientOrderId.derive(new StrategyId("other"), "INFY", T0, Side.BUY, 0)).isNotEqualTo(base);
    }

    @Test
    void a_negative_sequence_and_a_strategy_id_with_a_separator_are_refused() {
        assertThatThrownBy(() -> ClientOrderId.derive(s, "INFY", T0, Side.BUY, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StrategyId("a:b")).isInstanceOf(IllegalArgumentException.class);
    }
}
