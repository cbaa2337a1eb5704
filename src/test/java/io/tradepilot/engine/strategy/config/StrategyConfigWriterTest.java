package io.tradepilot.engine.strategy.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StrategyConfigWriterTest {

    private static final java.nio.file.Path EXAMPLES = java.nio.file.Path.of("src/main/resources/strategies/examples");

    @Test
    void every_shipped_example_round_trips_through_the_canonical_yaml() throws IOException {
        List<java.nio.file.Path> files;
        try (var list = java.nio.file.Files.list(EXAMPLES)) {
            files = list.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(6);
        for (java.nio.file.Path file : files) {
            StrategyConfig c = StrategyConfigLoader.parse(java.nio.file.Files.readString(file, StandardCharsets.UTF_8)).config();
            String yaml = StrategyConfigWriter.toYaml(c);
            StrategyConfigLoader.Result again = StrategyConfigLoader.parse(yaml);
            assertThat(again.problems()).as(file.toString()).isEmpty();
            assertThat(again.config()).as(file.toString()).isEqualTo(c);
            assertThat(StrategyConfigWriter.toYaml(again.config())).as(file.toString()).isEqualTo(yaml);
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
