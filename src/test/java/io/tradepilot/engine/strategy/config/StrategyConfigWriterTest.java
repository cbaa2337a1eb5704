package io.tradepilot.engine.strategy.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StrategyConfigWriterTest {

    private static String example(String name) throws IOException {
        try (InputStream in = StrategyConfigWriterTest.class.getResourceAsStream("/strategies/examples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void every_shipped_example_round_trips_through_the_canonical_yaml() throws IOException {
        for (String file : List.of("mean-reversion.yaml", "momentum.json", "orb.yaml", "sma-cross.yaml", "three-week-inside.yaml",
                "trend-pullback.json")) {
            StrategyConfig c = StrategyConfigLoader.parse(example(file)).config();
            String yaml = StrategyConfigWriter.toYaml(c);
            StrategyConfigLoader.Result again = StrategyConfigLoader.parse(yaml);
            assertThat(again.problems()).as(file).isEmpty();
            assertThat(again.config()).as(file).isEqualTo(c);
            assertThat(StrategyConfigWriter.toYaml(again.config())).as(file).isEqualTo(yaml);
        }
    }

    @Test
    void the_live_keys_round_trip_and_are_validated() {
        String doc = """
                type: sma-cross
                name: "sma \\"fast\\""
                symbols: [ABC, XYZ]
                parameters: {fast: 5, slow: 20}
                sizing: fixed
                quantity: 50
                intraday: true
                trading_hours: {start: "09:15", end: "15:20"}
                blackouts: [{start: "12:00", end: "13:00"}]
                """;
        StrategyConfig c = StrategyConfigLoader.parse(doc).config();
        assertThat(c.intraday()).isTrue();
        assertThat(c.blackouts()).hasSize(1);
        assertThat(c.sizing()).isEqualTo(StrategyConfig.Sizing.FIXED);
        assertThat(StrategyConfigLoader.parse(StrategyConfigWriter.toYaml(c)).config()).isEqualTo(c);
    }

    @Test
    void bad_live_keys_are_reported_with_their_paths() {
        var r = StrategyConfigLoader.parse("""
                type: sma-cross
                name: x
                symbols: [A]
                sizing: fixed-fractional
                quantity: -1
                intraday: maybe
                blackouts: [{start: "13:00", end: "12:00"}]
                """);
        assertThat(r.problems()).extracting(p -> p.path()).containsExactlyInAnyOrder("quantity", "intraday", "risk_per_trade", "blackouts[0].end");
    }
}
