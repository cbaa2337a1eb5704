package io.tradepilot.engine.strategy.library;

import io.tradepilot.engine.domain.BarCursor;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.indicators.Sma;
import io.tradepilot.engine.indicators.StdDev;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.strategy.PositionSizing;
import io.tradepilot.engine.strategy.Strategy;
import io.tradepilot.engine.strategy.StrategyContext;
import io.tradepilot.engine.strategy.exits.ExitManager;
import io.tradepilot.engine.strategy.exits.ExitManagerSettings;
import io.tradepilot.engine.strategy.exits.TradeManager;
import io.tradepilot.engine.strategy.params.ParamSpec;
import io.tradepilot.engine.strategy.params.ParameterSchema;
import io.tradepilot.engine.strategy.params.Parameters;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.ZoneOffset;
import java.util.List;

/**
 * {@code mean-reversion}: z-score of the close against its simple average, {@code z = (close - SMA(n)) /
 * STDDEV(n)} (population deviation, TA-Lib's STDDEV). Flat and {@code z ≤ -entryZ}: buy; {@code z ≥
 * entryZ} (shorts allowed): sell short. Exit when the close is back within {@code exitZ} of the mean
 * (long: {@code z ≥ -exitZ}; short: {@code z ≤ exitZ}), or at the stop ({@code stopPercent} from the
 * decision close) or the target ({@code targetPercent}, i.e. {@code targetR = target / stop}) through
 * the {@link ExitManager}. Seed defaults (ALPHA-PRIME mean_reversion.yaml): 20, 2.0, 0.5, 2 %, 3 %.
 */
public final class MeanReversion implements Strategy {
    public static final String NAME = "mean-reversion";
    public static final ParameterSchema SCHEMA = new ParameterSchema(List.of(
            ParamSpec.integer("lookback", 20, 2, 1000, "bars in the mean and deviation"),
            ParamSpec.decimal("entryZ", "2.0", "0.1", "10", "enter at this many deviations from the mean"),
            ParamSpec.decimal("exitZ", "0.5", "0", "10", "exit once back within this many deviations"),
            ParamSpec.decimal("stopPercent", "2", "0.01", "50", "stop distance from the entry, percent"),
            ParamSpec.decimal("targetPercent", "3", "0.01", "100", "target distance from the entry, percent"),
            ParamSpec.bool("allowShorts", true, "also sell stretched highs short")),
            List.of(ParameterSchema.greaterThan("entryZ", "exitZ")));

    private final StrategyId id = new StrategyId(NAME);
    private final Sma mean;
    private final StdDev deviation;
    private final double entryZ, exitZ;
    private final BigDecimal stopPercent;
    private final boolean shorts;
    private final PositionSizing sizing;
    private final TradeManager manager;

    public MeanReversion(Parameters p, PositionSizing sizing) {
        int n = p.integer("lookback");
        this.mean = new Sma(n);
        this.deviation = new StdDev(n);
        this.entryZ = p.decimal("entryZ").doubleValue();
        this.exitZ = p.decimal("exitZ").doubleValue();
        this.stopPercent = p.decimal("stopPercent");
        this.shorts = p.bool("allowShorts");
        this.sizing = sizing;
        BigDecimal targetR = p.decimal("targetPercent").divide(stopPercent, MathContext.DECIMAL64);
        this.manager = new TradeManager(new ExitManager(ExitManagerSettings.none(ZoneOffset.UTC).withTargetR(targetR)));
    }

    @Override
    public StrategyId id() {
        return id;
    }

    @Override
    public void onBar(BarCursor bar, StrategyContext ctx) {
        double close = bar.closeValue();
        mean.update(close);
        deviation.update(close);
        boolean ready = mean.ready() && deviation.ready() && deviation.value() > 0;
        double z = ready ? (close - mean.value()) / deviation.value() : Double.NaN;
        manager.onBar(bar, ctx, t -> ready && (t.isLong() ? z >= -exitZ : z <= exitZ) ? "mean reverted" : null);
        if (!ready || !manager.isFlat()) return;
        Side side = z <= -entryZ ? Side.BUY : (shorts && z >= entryZ ? Side.SELL : null);
        if (side == null) return;
        BigDecimal entry = bar.closePrice();
        BigDecimal stop = Prices.percentStop(entry, stopPercent, bar.decimals(), side == Side.BUY);
        BigDecimal q = sizing.quantity(ctx, entry, stop);
        if (q.signum() > 0) manager.enter(ctx, NAME + "@" + bar.start(), side, q, stop);
    }

    public TradeManager trades() {
        return manager;
    }
}
