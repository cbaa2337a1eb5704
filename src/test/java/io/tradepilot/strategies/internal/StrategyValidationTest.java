package io.tradepilot.strategies.internal;

import io.tradepilot.engine.strategy.config.StrategyConfigLoader;
import io.tradepilot.engine.strategy.config.StrategyConfigWriter;
import io.tradepilot.engine.strategy.params.Problem;
import io.tradepilot.trading.LiveStrategy;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StrategyValidationTest {

    private static final String VALID = """
            type: sma-cross
            name: sma-cross
            symbols: [NIFTYBEES]
            parameters: {fast: 10, slow: 30}
            sizing: fixed
            quantity: 100
            """;

    @Test
    void the_command_lines_problems_come_first_with_their_paths() {
        var r = DefaultStrategyConfigs.check(VALID.replace("slow: 30", "slow: 5"));
        assertThat(r.problems()).containsExactly(new Problem("parameters.slow", "must be greater than parameters.fast (10)"));
        assertThat(r.problems()).isEqualTo(StrategyConfigLoader.parse(VALID.replace("slow: 30", "slow: 5")).problems());
    }

    @Test
    void the_live_rules_add_what_the_engine_needs() {
        assertThat(DefaultStrategyConfigs.check(VALID).problems()).isEmpty();
        assertThat(DefaultStrategyConfigs.check(VALID.replace("quantity: 100\n", "")).problems()).extracting(Problem::path).containsExactly("quantity");
        assertThat(DefaultStrategyConfigs.check(VALID.replace("sizing: fixed\nquantity: 100\n", "risk_per_trade: 0.5\n")).problems())
                .extracting(Problem::path).containsExactly("sizing");
        assertThat(DefaultStrategyConfigs.check(VALID.replace("name: sma-cross", "name: \"no spaces\"")).problems())
                .extracting(Problem::path).containsExactly("name");
        assertThat(DefaultStrategyConfigs.check("").problems()).extracting(Problem::path).containsExactly("(document)");
    }

    @Test
    void a_configured_strategy_seeds_a_valid_canonical_document() {
        String doc = DefaultStrategyConfigs.seed(new LiveStrategy("sma-fast", "sma-cross", List.of("A", "B"), Map.of("fast", "5", "slow", "20"),
                new BigDecimal("100"), true));
        var c = StrategyConfigLoader.parse(doc).config();
        assertThat(c.name()).isEqualTo("sma-fast");
        assertThat(c.intraday()).isTrue();
        assertThat(DefaultStrategyConfigs.toLive(c)).isEqualTo(new LiveStrategy("sma-fast", "sma-cross", List.of("A", "B"),
                Map.of("fast", "5", "slow", "20"), new BigDecimal("100"), true));
        assertThat(StrategyConfigWriter.toYaml(c)).isEqualTo(doc);
    }

    @Test
    void an_id_that_a_rest_path_would_shadow_is_refused() {
        assertThat(TextRules.valid("sma-cross")).isTrue();
        assertThat(TextRules.valid("types")).isFalse();
        assertThat(TextRules.valid("a b")).isFalse();
        assertThat(DefaultStrategyConfigs.check(VALID.replace("name: sma-cross", "name: configs")).problems())
                .extracting(Problem::path).containsExactly("name");
    }
}
