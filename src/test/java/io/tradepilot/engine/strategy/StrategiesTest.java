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
        assertThatThrownBy(() -> Strategies.create("sma-cross", Map.of("fats", "5"), Quantity.of(1))).hasMessageContaining("fats: unknown parameter");
        assertThatThrownBy(() -> Strategies.create("sma-cross", Map.of("fast", "x"), Quantity.of(1))).hasMessageContaining("fast: must be an integer, got 'x'");
        assertThatThrownBy(() -> Strategies.create("sma-cross", Map.of("fast", "30", "slow", "10"), Quantity.of(1))).hasMessageContaining("slow: must be greater than fast (30)");
    }

    @Test
    void every_registered_strategy_builds_from_its_defaults() {
        for (String name : Strategies.names()) {
            assertThat(Strategies.create(name, Map.of(), Quantity.of(10))).as(name).isNotNull();
        }
        assertThat(Strategies.names()).containsExactly("sma-cross", "3wi", "mean-reversion", "orb", "trend-pullback", "momentum");
    }

    @Test
    void every_problem_is_reported_at_once() {
        assertThatThrownBy(() -> Strategies.create("mean-reversion", Map.of("lookback", "1.5", "entryZ", "-1", "colour", "red"), Quantity.of(1)))
                .hasMessage("colour: unknown parameter (known: lookback, entryZ, exitZ, stopPercent, targetPercent, allowShorts); "
                        + "lookback: must be an integer, got '1.5'; entryZ: must be between 0.1 and 10, got -1");
        assertThatThrownBy(() -> Strategies.create("orb", Map.of("lastEntry", "15:20", "squareOffAt", "15:15"), Quantity.of(1)))
                .hasMessage("squareOffAt: must be later than lastEntry (15:20)");
        assertThatThrownBy(() -> Strategies.create("trend-pullback", Map.of("allowShorts", "yes"), Quantity.of(1)))
                .hasMessage("allowShorts: must be true or false, got 'yes'");
    }
}
