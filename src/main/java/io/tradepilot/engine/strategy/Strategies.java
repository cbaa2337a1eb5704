package io.tradepilot.engine.strategy;

import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.strategy.exits.AlertLog;
import io.tradepilot.engine.strategy.exits.PositionTracker;
import io.tradepilot.engine.strategy.library.MeanReversion;
import io.tradepilot.engine.strategy.library.Momentum;
import io.tradepilot.engine.strategy.library.OpeningRangeBreakout;
import io.tradepilot.engine.strategy.library.TrendPullback;
import io.tradepilot.engine.strategy.params.ParamSpec;
import io.tradepilot.engine.strategy.params.ParameterSchema;
import io.tradepilot.engine.strategy.params.Parameters;
import io.tradepilot.engine.strategy.params.Problem;
import io.tradepilot.engine.strategy.threeweek.ThreeWeekInsideParameters;
import io.tradepilot.engine.strategy.threeweek.ThreeWeekInsideStrategy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Creates strategies by name, for the command line, configuration documents and the host. Each
 * strategy has a {@link ParameterSchema} (types, ranges, defaults, cross-field rules).
 */
public final class Strategies {
    private Strategies() {}

    /**
     * One strategy type: its name, parameter schema and how to build it from validated parameters.
     *
     * @param sizesItself the strategy sizes its entries from its own parameters and ignores the
     *                    {@link PositionSizing} it is given (3WI: capital × risk percent)
     */
    public record Definition(String name, String summary, ParameterSchema schema, BiFunction<Parameters, PositionSizing, Strategy> factory,
                             boolean sizesItself) {
        public Definition(String name, String summary, ParameterSchema schema, BiFunction<Parameters, PositionSizing, Strategy> factory) {
            this(name, summary, schema, factory, false);
        }
    }

    private static final ParameterSchema SMA_CROSS = new ParameterSchema(List.of(
            ParamSpec.integer("fast", 10, 1, 100_000, "fast SMA period"),
            ParamSpec.integer("slow", 30, 2, 100_000, "slow SMA period")),
            List.of(ParameterSchema.greaterThan("slow", "fast")));

    private static final ParameterSchema THREE_WEEK_INSIDE = new ParameterSchema(List.of(
            ParamSpec.decimal("capital", "400000", "1", null, "sizing capital"),
            ParamSpec.decimal("riskPercent", "1.5", "0.01", "10", "risk per trade, percent of capital"),
            ParamSpec.decimal("maxOpenRiskPercent", "6", "0.01", "100", "cap on total open risk, percent of capital"),
            ParamSpec.integer("maxWeeksActive", 4, 1, 52, "weeks after the pattern in which a breakout may come"),
            ParamSpec.bool("allowShorts", false, "trade down breakouts short"),
            ParamSpec.bool("requireFilters", true, "enter only when RSI, WMA trend, volume and ATR filters pass"),
            ParamSpec.choice("exchange", "NSE", List.of("NSE", "NYSE"), "calendar for week ends")),
            List.of(ParameterSchema.greaterThan("maxOpenRiskPercent", "riskPercent")));

    private static final Map<String, Definition> DEFINITIONS = new LinkedHashMap<>();

    static {
        add(new Definition(SmaCross.NAME, "simple moving average crossover, long only", SMA_CROSS, (p, sizing) -> {
            if (!(sizing instanceof FixedSizing f)) throw new IllegalArgumentException("sma-cross trades a fixed quantity");
            return new SmaCross(p.integer("fast"), p.integer("slow"), f.quantity());
        }));
        add(new Definition(ThreeWeekInsideStrategy.NAME, "Three-Week-Inside breakouts on weekly bars from daily bars", THREE_WEEK_INSIDE,
                (p, sizing) -> new ThreeWeekInsideStrategy(new ThreeWeekInsideParameters(p.decimal("capital"), p.decimal("riskPercent").movePointLeft(2),
                        p.decimal("maxOpenRiskPercent").movePointLeft(2), p.integer("maxWeeksActive"), p.bool("allowShorts"), p.bool("requireFilters")),
                        ExchangeCalendar.of(p.choice("exchange")), PositionTracker.seedDefaults(new AlertLog())), true));
        add(new Definition(MeanReversion.NAME, "z-score of the close against its mean", MeanReversion.SCHEMA, MeanReversion::new));
        add(new Definition(OpeningRangeBreakout.NAME, "opening-range breakout on intraday bars", OpeningRangeBreakout.SCHEMA, OpeningRangeBreakout::new));
        add(new Definition(TrendPullback.NAME, "EMA trend with ATR pullback entries", TrendPullback.SCHEMA, TrendPullback::new));
        add(new Definition(Momentum.NAME, "rate of change with a trend filter", Momentum.SCHEMA, Momentum::new));
    }

    private static void add(Definition d) {
        DEFINITIONS.put(d.name(), d);
    }

    /** A fixed-quantity sizing that strategies trading a fixed quantity (sma-cross) can recognise. */
    public record FixedSizing(Quantity quantity) implements PositionSizing {
        @Override
        public BigDecimal quantity(StrategyContext ctx, BigDecimal entry, BigDecimal stop) {
            return quantity.value();
        }
    }

    /** Known names, in registration order. */
    public static Set<String> names() {
        return DEFINITIONS.keySet();
    }

    /** The definition of {@code name}; refuses an unknown name naming the known ones. */
    public static Definition definition(String name) {
        Definition d = DEFINITIONS.get(name);
        if (d == null) throw new IllegalArgumentException("unknown strategy '" + name + "' (known: " + String.join(", ", names()) + ")");
        return d;
    }

    /**
     * Builds {@code name} with text {@code params} and a fixed {@code quantity} per entry. Refuses with an
     * {@link IllegalArgumentException} whose message lists every problem ({@code path: message}, joined
     * by "; "): unknown strategy, unknown parameter, bad type or range, failed cross-field rule.
     */
    public static Strategy create(String name, Map<String, String> params, Quantity quantity) {
        return create(name, params, new FixedSizing(quantity));
    }

    /** As {@link #create(String, Map, Quantity)} with raw values (text or typed) and any sizing. */
    public static Strategy create(String name, Map<String, ?> params, PositionSizing sizing) {
        Definition d = definition(name);
        ParameterSchema.Result r = d.schema().validate(params, "");
        if (!r.ok()) throw new IllegalArgumentException(String.join("; ", r.problems().stream().map(Problem::toString).toList()));
        return d.factory().apply(r.values(), sizing);
    }
}
