package io.tradepilot.engine.strategy.config;

import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.strategy.Strategies;
import io.tradepilot.engine.strategy.params.Problem;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrategyConfigLoaderTest {
    static final Path EXAMPLES = Path.of("src", "main", "resources", "strategies", "examples");

    static List<String> problems(String doc) {
        var r = StrategyConfigLoader.parse(doc);
        assertNull(r.config(), "an invalid document yields no configuration");
        return r.problems().stream().map(Problem::toString).toList();
    }

    @Test
    void a_universe_names_the_symbols_in_place_of_a_list_and_round_trips_through_the_canonical_yaml() {
        var r = StrategyConfigLoader.parse("type: sma-cross\nname: u\nuniverse: NIFTY 50\nparameters: {fast: 10, slow: 30}\nquantity: 5\n");
        assertTrue(r.ok(), r.report());
        assertEquals("NIFTY 50", r.config().universe());
        assertEquals(List.of(), r.config().symbols(), "the application resolves the name");
        String yaml = StrategyConfigWriter.toYaml(r.config());
        assertTrue(yaml.contains("universe: \"NIFTY 50\"\n") && !yaml.contains("symbols"), yaml);
        assertEquals(r.config(), StrategyConfigLoader.parse(yaml).config());
        var resolved = r.config().withSymbols(List.of("TCS", "INFY"));
        assertEquals(List.of("TCS", "INFY"), resolved.symbols());
        assertEquals(yaml, StrategyConfigWriter.toYaml(resolved), "the resolved symbols are not part of the document");

        assertEquals(List.of("universe: give symbols or a universe, not both"),
                problems("type: sma-cross\nname: u\nuniverse: N\nsymbols: [A]\n"));
        assertEquals(List.of("universe: must be a non-empty text, got ''"), problems("type: sma-cross\nname: u\nuniverse: ''\n"));
    }

    @Test
    void every_shipped_example_loads_and_together_they_cover_every_strategy_type() throws IOException {
        Set<String> types = new TreeSet<>();
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".json")).toList()) {
                var r = StrategyConfigLoader.load(p);
                assertTrue(r.ok(), p + ":\n" + r.report());
                types.add(r.config().type());
                Strategies.create(r.config().type(), r.config().parameters().asMap(), new Strategies.FixedSizing(Quantity.of(1)));
            }
        }
        assertEquals(new TreeSet<>(Strategies.names()), types);
    }

    @Test
    void the_seed_shaped_yaml_document_loads_with_its_values() throws IOException {
        var c = StrategyConfigLoader.load(EXAMPLES.resolve("mean-reversion.yaml")).config();
        assertEquals("mean-reversion", c.type());
        assertEquals(List.of("NIFTY 50", "NIFTY BANK"), c.symbols());
        assertEquals(20, c.parameters().integer("lookback"));
        assertEquals(0, c.riskPerTradePercent().compareTo(new BigDecimal("0.25")));
        assertEquals(LocalTime.of(15, 15), c.tradingEnd());
        assertEquals(0, c.maxSpreadBps().compareTo(BigDecimal.TEN));
    }

    @Test
    void json_and_yaml_give_the_same_configuration() {
        var yaml = StrategyConfigLoader.parse("type: sma-cross\nname: x\nsymbols: [A]\nparameters: {fast: 5, slow: 20}\nrisk_per_trade: 0.5\n");
        var json = StrategyConfigLoader.parse("{\"type\": \"sma-cross\", \"name\": \"x\", \"symbols\": [\"A\"], \"parameters\": {\"fast\": 5, \"slow\": 20}, \"risk_per_trade\": 0.5}");
        assertEquals(yaml.config(), json.config());
    }

    @Test
    void a_cross_field_rule_names_both_paths_and_the_other_value() {
        assertEquals(List.of("parameters.slow: must be greater than parameters.fast (10)"),
                problems("type: sma-cross\nname: x\nsymbols: [A]\nparameters: {fast: 10, slow: 10}\n"));
    }

    @Test
    void every_problem_of_a_document_is_reported_at_once_with_its_path() {
        String doc = """
                strategy:
                  type: mean-reversion
                  name: ""
                  enabled: "yes"
                  symbols: [A, A, 7]
                  parameters: {lookback: 2.5, entryZ: abc, stopPercent: 60, colour: red}
                  risk_per_trade: 25
                  max_positions: 1.5
                  trading_hours: {start: "15:15", end: "09:30", lunch: "12:00"}
                  entry_conditions: {min_volume_ratio: -1, max_spread: 5}
                  backtest_metrics: {sharpe_ratio: 1.8}
                """;
        assertEquals(List.of(
                "backtest_metrics: unknown key (known: atr, blackouts, enabled, entry_conditions, intraday, kelly, max_positions, max_quantity, name, parameters, quantity, risk_per_trade, sizing, symbols, trading_hours, twap, type, universe)",
                "name: must be a non-empty text, got ''",
                "enabled: must be true or false, got 'yes'",
                "symbols[1]: duplicate symbol 'A'",
                "symbols[2]: must be a non-empty text, got 7",
                "parameters.colour: unknown parameter (known: lookback, entryZ, exitZ, stopPercent, targetPercent, allowShorts)",
                "parameters.lookback: must be an integer, got 2.5",
                "parameters.entryZ: must be a number, got 'abc'",
                "parameters.stopPercent: must be between 0.01 and 50, got 60",
                "risk_per_trade: must be greater than 0 and at most 10, got 25",
                "max_positions: must be an integer, got 1.5",
                "trading_hours.lunch: unknown key (known: end, start)",
                "trading_hours.end: must be later than trading_hours.start (15:15)",
                "entry_conditions.max_spread: unknown key (known: max_spread_bps, min_volume_ratio)",
                "entry_conditions.min_volume_ratio: must be at least 0 and at most 100, got -1"), problems(doc));
    }

    @Test
    void missing_required_keys_and_an_unknown_type_are_problems() {
        assertEquals(List.of("type: is required", "name: is required", "symbols: is required: a list of at least one symbol"), problems("enabled: true\n"));
        assertEquals(List.of("type: unknown strategy type 'rsi-magic' (known: sma-cross, 3wi, mean-reversion, orb, trend-pullback, momentum)"),
                problems("type: rsi-magic\nname: x\nsymbols: [A]\n"));
    }

    @Test
    void an_unquoted_yaml_time_is_refused_with_a_hint() {
        assertEquals(List.of("trading_hours.end: must be a time in quotes, e.g. \"15:15\" (YAML reads an unquoted 15:15 as the number 915), got 915"),
                problems("type: sma-cross\nname: x\nsymbols: [A]\ntrading_hours: {start: \"09:30\", end: 15:15}\n"));
    }

    @Test
    void a_parameter_of_the_wrong_type_in_json_is_refused() {
        assertEquals(List.of("parameters.lastEntry: must be a time HH:mm, got 1430", "parameters.allowShorts: must be true or false, got 'yes'"),
                problems("{\"type\": \"orb\", \"name\": \"o\", \"symbols\": [\"A\"], \"parameters\": {\"allowShorts\": \"yes\", \"lastEntry\": 1430}}"));
    }

    @Test
    void broken_syntax_duplicate_keys_and_non_mappings_are_one_problem_each() {
        assertTrue(problems("type: [unclosed\n").get(0).startsWith("(document): not valid YAML/JSON at line"));
        assertTrue(problems("type: sma-cross\ntype: orb\n").get(0).startsWith("(document): not valid YAML/JSON"));
        assertEquals(List.of("(document): must be a mapping of strategy settings"), problems("- a\n- b\n"));
        assertEquals(List.of("(document): must be a mapping of strategy settings"), problems(""));
    }
}
