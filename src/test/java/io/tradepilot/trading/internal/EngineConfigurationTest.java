package io.tradepilot.trading.internal;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a hosted engine starts from and runs with: the stored source when set, else tradepilot.trading.*. */
class EngineConfigurationTest {

    private static final TradingProperties.Limits YAML_LIMITS =
            new TradingProperties.Limits(new BigDecimal("0.02"), null, TradingProperties.LimitAction.TRIP_CIRCUIT_BREAKER);
    private static final TradingProperties.Limits STORED_LIMITS =
            new TradingProperties.Limits(new BigDecimal("0.01"), null, TradingProperties.LimitAction.ENGAGE_KILL_SWITCH);

    private static TradingProperties.StrategySettings strategy(String symbol, boolean intraday) {
        return new TradingProperties.StrategySettings(null, "sma-cross", List.of(symbol), BigDecimal.ONE, Map.of(), intraday);
    }

    private static TradingProperties properties() {
        var md = new TradingProperties.MarketData(TradingProperties.Source.SYNTHETIC, 0, Duration.ofMinutes(5), Duration.ofHours(1),
                new BigDecimal("0.2"), new TradingProperties.Synthetic(7, LocalDate.of(2024, 1, 2), 1),
                new TradingProperties.Csv(null, "NSE"));
        return new TradingProperties(true, false, new BigDecimal("100000"), "INR", ZoneId.of("Asia/Kolkata"), 1,
                Duration.ofMillis(100), Duration.ofMillis(200), List.of(strategy("AAA", true)), YAML_LIMITS, md);
    }

    /** A stored source; {@code failing}: the store does not answer. */
    private static LiveStrategyBridge.Source stored(boolean[] failing) {
        return new LiveStrategyBridge.Source() {
            @Override
            public List<TradingProperties.StrategySettings> strategies() {
                if (failing[0]) throw new IllegalStateException("store down");
                return List.of(strategy("BBB", true), strategy("CCC", false));
            }

            @Override
            public TradingProperties.Limits limits() {
                return STORED_LIMITS;
            }
        };
    }

    @Test
    void without_a_source_the_yaml_governs_and_with_one_the_stored_versions_do() {
        var c = new EngineConfiguration(properties());
        assertThat(c.strategies()).extracting(s -> s.symbols().getFirst()).containsExactly("AAA");
        assertThat(c.intradaySymbols()).containsExactly("AAA");
        assertThat(c.limits()).isEqualTo(YAML_LIMITS);

        c.readFrom(stored(new boolean[] {false}));
        assertThat(c.strategies()).extracting(s -> s.symbols().getFirst()).containsExactly("BBB", "CCC");
        assertThat(c.intradaySymbols()).containsExactly("BBB");
        assertThat(c.limits()).as("the engine has not started with the stored limits yet").isEqualTo(YAML_LIMITS);
        assertThat(c.limitsForStart()).isEqualTo(STORED_LIMITS);
        assertThat(c.limits()).isEqualTo(STORED_LIMITS);
    }

    @Test
    void limits_applied_live_are_the_running_ones_until_the_next_start() {
        var c = new EngineConfiguration(properties());
        c.readFrom(stored(new boolean[] {false}));
        c.limitsForStart();
        c.limitsApplied(YAML_LIMITS);
        assertThat(c.limits()).isEqualTo(YAML_LIMITS);
        assertThat(c.limitsForStart()).isEqualTo(STORED_LIMITS);
        assertThat(c.limits()).isEqualTo(STORED_LIMITS);
    }

    @Test
    void a_store_that_does_not_answer_leaves_the_square_off_with_the_last_starts_intraday_symbols() {
        boolean[] failing = {false};
        var c = new EngineConfiguration(properties());
        c.readFrom(stored(failing));
        assertThat(c.intradayForStart()).containsExactly("BBB");
        failing[0] = true;
        assertThat(c.intradaySymbols()).containsExactly("BBB");
    }
}
