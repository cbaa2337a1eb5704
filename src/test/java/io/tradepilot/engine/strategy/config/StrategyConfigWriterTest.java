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
                max_positions: 2
                blackouts: [{start: "12:00", end: "13:00"}, {date: 2026-12-24}, {date: "2026-12-31", start: "14:00", end: "15:30"}]
                """;
        StrategyConfig c = StrategyConfigLoader.parse(doc).config();
        assertThat(c.intraday()).isTrue();
        assertThat(c.blackouts()).containsExactly(new StrategyConfig.Window(java.time.LocalTime.of(12, 0), java.time.LocalTime.of(13, 0)),
                new StrategyConfig.Window(java.time.LocalDate.of(2026, 12, 24), null, null),
                new StrategyConfig.Window(java.time.LocalDate.of(2026, 12, 31), java.time.LocalTime.of(14, 0), java.time.LocalTime.of(15, 30)));
        assertThat(c.sizing()).isEqualTo(StrategyConfig.Sizing.FIXED);
        String yaml = StrategyConfigWriter.toYaml(c);
        assertThat(yaml).contains("  - {date: \"2026-12-24\"}\n").contains("  - {date: \"2026-12-31\", start: \"14:00\", end: \"15:30\"}\n");
        assertThat(StrategyConfigLoader.parse(yaml).config()).isEqualTo(c);
        // the engine's check of the document's own limits
        var rules = c.entryRules();
        assertThat(rules.maxPositions()).isEqualTo(2);
        assertThat(rules.symbols()).containsExactlyInAnyOrder("ABC", "XYZ");
        assertThat(rules.entryFrom()).isEqualTo(java.time.LocalTime.of(9, 15));
        assertThat(rules.blackouts()).hasSize(3);
    }

    @Test
    void without_max_positions_hours_or_blackouts_a_strategy_has_no_limits_of_its_own() {
        StrategyConfig c = StrategyConfigLoader.parse("type: sma-cross\nname: x\nsymbols: [A, B]\nquantity: 10\n").config();
        assertThat(c.maxPositions()).isZero();
        assertThat(c.entryRules().isEmpty()).isTrue();
        assertThat(StrategyConfigWriter.toYaml(c)).doesNotContain("max_positions");
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
                blackouts: [{start: "13:00", end: "12:00"}, {date: "24.12.2026"}, {date: "2026-12-24", start: "10:00"}, {day: 1}]
                max_positions: 0
                """);
        assertThat(r.problems()).extracting(p -> p.path()).containsExactlyInAnyOrder("quantity", "intraday", "risk_per_trade", "blackouts[0].end",
                "blackouts[1].date", "blackouts[2].end", "blackouts[3].day", "blackouts[3].start", "blackouts[3].end", "max_positions");
    }

    @Test
    void risk_based_sizing_and_twap_round_trip_and_become_the_engines_rule() {
        String doc = """
                type: momentum
                name: mom
                symbols: [ABC]
                sizing: atr
                risk_per_trade: 0.5
                atr: {period: 10, multiple: 2.5}
                max_quantity: 400
                twap: {above: 300, slices: 3}
                """;
        var r = StrategyConfigLoader.parse(doc);
        assertThat(r.problems()).isEmpty();
        StrategyConfig c = r.config();
        assertThat(c.sizing()).isEqualTo(StrategyConfig.Sizing.ATR);
        String yaml = StrategyConfigWriter.toYaml(c);
        assertThat(yaml).contains("sizing: \"atr\"\n", "risk_per_trade: 0.5\n", "atr: {period: 10, multiple: 2.5}\n", "max_quantity: 400\n",
                "twap: {above: 300, slices: 3}\n");
        assertThat(StrategyConfigLoader.parse(yaml).config()).isEqualTo(c);
        assertThat(StrategyConfigWriter.toYaml(StrategyConfigLoader.parse(yaml).config())).isEqualTo(yaml);
        var rule = c.sizingRule();
        assertThat(rule.mode()).isEqualTo(io.tradepilot.engine.strategy.SizingRule.Mode.ATR);
        assertThat(rule.riskFraction()).isEqualByComparingTo("0.005");
        assertThat(rule.atrPeriod()).isEqualTo(10);
        assertThat(rule.maxQuantity()).isEqualByComparingTo("400");

        StrategyConfig ff = StrategyConfigLoader.parse(doc.replace("sizing: atr", "sizing: fixed-fractional").replace("atr: {period: 10, multiple: 2.5}\n", "")).config();
        assertThat(ff.atr()).isNull();
        assertThat(StrategyConfigLoader.parse(StrategyConfigWriter.toYaml(ff)).config()).isEqualTo(ff);
        StrategyConfig kelly = StrategyConfigLoader.parse(doc.replace("sizing: atr", "sizing: half-kelly").replace("risk_per_trade: 0.5\n", "")
                .replace("atr: {period: 10, multiple: 2.5}", "kelly: {win_rate: 0.55, average_win: 2, average_loss: 1}")).config();
        assertThat(kelly.kelly().cap()).isEqualByComparingTo("0.02");
        assertThat(StrategyConfigLoader.parse(StrategyConfigWriter.toYaml(kelly)).config()).isEqualTo(kelly);
        assertThat(kelly.sizingRule().halfKellyFraction()).isEqualByComparingTo("0.02");
    }

    @Test
    void an_incomplete_or_misplaced_sizing_is_reported_with_its_paths() {
        String base = """
                type: momentum
                name: mom
                symbols: [ABC]
                """;
        assertThat(StrategyConfigLoader.parse(base + "sizing: half-kelly\nkelly: {win_rate: 0.55, cap: 0}\n").problems())
                .extracting(p -> p.path()).containsExactlyInAnyOrder("kelly.average_win", "kelly.average_loss", "kelly.cap");
        assertThat(StrategyConfigLoader.parse(base + "sizing: half-kelly\n").problems()).extracting(p -> p.path()).containsExactly("kelly");
        assertThat(StrategyConfigLoader.parse(base + "sizing: atr\n").problems()).extracting(p -> p.path()).containsExactly("risk_per_trade");
        assertThat(StrategyConfigLoader.parse(base + "sizing: atr\nrisk_per_trade: 0.5\natr: {period: 0.5, multiple: 0, x: 1}\n").problems())
                .extracting(p -> p.path()).containsExactlyInAnyOrder("atr.x", "atr.period", "atr.multiple");
        assertThat(StrategyConfigLoader.parse(base + "sizing: fixed\nquantity: 5\natr: {period: 3}\nmax_quantity: 9\n").problems())
                .extracting(p -> p.path()).containsExactlyInAnyOrder("atr", "max_quantity");
        assertThat(StrategyConfigLoader.parse(base + "quantity: 5\ntwap: {slices: 1}\n").problems())
                .extracting(p -> p.path()).containsExactlyInAnyOrder("twap.above", "twap.slices");
        assertThat(StrategyConfigLoader.parse(base + "sizing: martingale\n").problems()).singleElement()
                .hasToString("sizing: must be one of [fixed, fixed-fractional, atr, half-kelly], got 'martingale'");
    }
}
