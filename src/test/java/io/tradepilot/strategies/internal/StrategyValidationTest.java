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

    @Test
    void a_risk_based_sizing_is_refused_on_a_fixed_quantity_strategy_and_kept_on_one_with_stops() {
        String smaAtr = VALID.replace("sizing: fixed\n", "sizing: atr\nrisk_per_trade: 0.5\n");
        assertThat(DefaultStrategyConfigs.check(smaAtr).problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("sizing");
            assertThat(p.message()).contains("sma-cross trades a fixed quantity");
        });
        String momentum = """
                type: momentum
                name: mom
                symbols: [NIFTYBEES]
                sizing: fixed-fractional
                risk_per_trade: 0.5
                twap: {above: 1000, slices: 4}
                """;
        var r = DefaultStrategyConfigs.check(momentum);
        assertThat(r.problems()).isEmpty();
        LiveStrategy live = DefaultStrategyConfigs.toLive(r.config());
        assertThat(live.sizing().mode()).isEqualTo(io.tradepilot.engine.strategy.SizingRule.Mode.FIXED_FRACTIONAL);
        assertThat(live.sizing().riskFraction()).isEqualByComparingTo("0.005");
        assertThat(live.twapAbove()).isEqualByComparingTo("1000");
        assertThat(live.build()).isInstanceOf(io.tradepilot.engine.strategy.TwapSlicer.class);
    }

    @Test
    void a_configured_risk_based_sizing_seeds_a_document_that_keeps_it() {
        var rule = new io.tradepilot.engine.strategy.SizingRule(io.tradepilot.engine.strategy.SizingRule.Mode.ATR, new BigDecimal("100"),
                new BigDecimal("0.005"), 14, new BigDecimal("2"), null, null, null, new BigDecimal("0.02"), new BigDecimal("500"));
        LiveStrategy configured = new LiveStrategy("mom", "momentum", List.of("A"), Map.of(), new BigDecimal("100"), false, rule,
                new BigDecimal("800"), 5);
        String doc = DefaultStrategyConfigs.seed(configured);
        assertThat(doc).contains("sizing: \"atr\"", "risk_per_trade: 0.5", "atr: {period: 14, multiple: 2}", "max_quantity: 500",
                "twap: {above: 800, slices: 5}");
        LiveStrategy stored = DefaultStrategyConfigs.toLive(StrategyConfigLoader.parse(doc).config());
        assertThat(stored.sizing().mode()).isEqualTo(rule.mode());
        assertThat(stored.sizing().riskFraction()).isEqualByComparingTo(rule.riskFraction());
        assertThat(stored.sizing().atrPeriod()).isEqualTo(14);
        assertThat(stored.sizing().atrMultiple()).isEqualByComparingTo("2");
        assertThat(stored.sizing().maxQuantity()).isEqualByComparingTo("500");
        assertThat(stored.twapAbove()).isEqualByComparingTo("800");
    }
}
