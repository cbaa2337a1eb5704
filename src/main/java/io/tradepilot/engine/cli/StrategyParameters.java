package io.tradepilot.engine.cli;

import io.tradepilot.engine.strategy.Strategies;
import io.tradepilot.engine.strategy.config.StrategyConfig;
import io.tradepilot.engine.strategy.config.StrategyConfigLoader;
import io.tradepilot.engine.strategy.params.ParameterSchema;
import io.tradepilot.engine.strategy.params.Problem;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The strategies the command line knows and their parameters, validated before anything runs against
 * each strategy's schema in {@link Strategies} (types, ranges, cross-field rules such as {@code slow >
 * fast}), either from {@code --strategy NAME --param k=v ...} or from a configuration document
 * ({@code --config FILE}, see {@link StrategyConfigLoader}).
 */
public final class StrategyParameters {

    /** Known strategy names. */
    public static final List<String> NAMES = List.copyOf(Strategies.names());

    private StrategyParameters() {
    }

    /**
     * Validated parameters of one strategy: name to value (canonical text), all defaults filled in.
     *
     * @param riskPerTradePercent from a configuration's {@code risk_per_trade}: size entries by risk (percent
     *                            of equity) instead of the fixed {@code --quantity}; null for a fixed quantity
     */
    public record Resolved(String strategy, Map<String, String> values, BigDecimal riskPerTradePercent) {
        public Resolved {
            values = Map.copyOf(values);
        }

        public Resolved(String strategy, Map<String, String> values) {
            this(strategy, values, null);
        }

        public int get(String name) {
            String v = values.get(name);
            if (v == null) throw new IllegalArgumentException("no parameter " + name + " for " + strategy);
            return Integer.parseInt(v);
        }
    }

    /**
     * Parses {@code k=v} pairs for {@code strategy}.
     *
     * @throws UsageException for an unknown strategy, a malformed pair, a repeated key, or any parameter
     *                        problem (all of them, {@code path: message} joined by "; ")
     */
    public static Resolved validate(String strategy, List<String> pairs) throws UsageException {
        if (!NAMES.contains(strategy)) {
            throw new UsageException("unknown strategy '" + strategy + "' (known: " + String.join(", ", NAMES) + ")");
        }
        Map<String, String> given = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) throw new UsageException("--param expects key=value: '" + pair + "'");
            String key = pair.substring(0, eq).strip();
            if (given.put(key, pair.substring(eq + 1).strip()) != null) throw new UsageException("--param " + key + " given twice");
        }
        ParameterSchema.Result r = Strategies.definition(strategy).schema().validate(given, "");
        if (!r.ok()) throw new UsageException(strategy + ": " + String.join("; ", r.problems().stream().map(Problem::toString).toList()));
        return new Resolved(strategy, text(r.values().asMap()));
    }

    /**
     * Loads and validates a configuration document; every problem in one line ("; "-joined). Refuses the live
     * engine's sizing (atr, half-kelly, max_quantity, twap), which a backtest here does not apply.
     */
    public static Resolved fromConfig(Path file) throws UsageException, IOException {
        if (!Files.isRegularFile(file)) throw new UsageException("--config: no such file: " + file);
        return resolved("--config " + file.getFileName(), StrategyConfigLoader.load(file));
    }

    /**
     * {@link #fromConfig} for a document held as text (a stored configuration version or a draft); problems are
     * prefixed with {@code label}.
     */
    public static Resolved fromConfigText(String label, String document) throws UsageException {
        return resolved(label, StrategyConfigLoader.parse(document));
    }

    private static Resolved resolved(String label, StrategyConfigLoader.Result r) throws UsageException {
        if (!r.ok()) throw new UsageException(label + ": " + String.join("; ", r.problems().stream().map(Problem::toString).toList()));
        StrategyConfig c = r.config();
        if (c.sizing() == StrategyConfig.Sizing.ATR || c.sizing() == StrategyConfig.Sizing.HALF_KELLY || c.maxQuantity() != null || c.twap() != null) {
            throw new UsageException(label + ": the command line backtests sizing fixed or fixed-fractional "
                    + "(risk_per_trade) only, without max_quantity or twap; sizing " + c.sizing().word() + " and those keys are for the live engine");
        }
        return new Resolved(c.type(), text(c.parameters().asMap()), c.riskPerTradePercent());
    }

    private static Map<String, String> text(Map<String, Object> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v instanceof BigDecimal b ? b.toPlainString() : String.valueOf(v)));
        return out;
    }
}
