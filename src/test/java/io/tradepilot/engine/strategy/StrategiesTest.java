package io.tradepilot.engine.strategy;

import io.tradepilot.engine.domain.Quantity;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrategiesTest {

    @Test
    void sma_cross_is_built_from_its_parameters() {
        Strategy s = Strategies.create("sma-cross", Map.of("fast", "5", "slow", "20"), Quantity.of(100));
        assertThat(s).isInstanceOfSatisfying(SmaCross.class, c -> {
            assertThat(c.fast()).isEqualTo(5);
            assertThat(c.slow()).isEqualTo(20);
            assertThat(c.quantity()).isEqualTo(Quantity.of(100));
        });
    }

    @Test
    void bad_names_parameters_and_values_are_refused_with_a_message_naming_them() {
        assertThatThrownBy(() -> Strategies.create("rsi-magic", Map.of(), Quantity.of(1))).hasMessageContaining("unknown strategy 'rsi-magic'");
        assertThatThrownBy(() -> Strategies.create("sma-cross", Map.of("fats", "5"), Quantity.of(1))).hasMessageContaining("unknown parameter 'fats'");
        assertThatThrownBy(() -> Strategies.create("sma-cross", Map.of("fast", "x"), Quantity.of(1))).hasMessageContaining("fast must be an integer");
        assertThatThrownBy(() -> Strategies.create("sma-cross", Map.of("fast", "30", "slow", "10"), Quantity.of(1))).hasMessageContaining("slow must be greater than fast");
    }
}
