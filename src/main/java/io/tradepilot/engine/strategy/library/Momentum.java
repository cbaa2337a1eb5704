package io.tradepilot.engine.strategy.library;

import io.tradepilot.engine.domain.BarCursor;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.indicators.Atr;
import io.tradepilot.engine.indicators.Sma;
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
import java.time.ZoneOffset;
import java.util.List;

/**
 * {@code momentum}: rate of change with a trend filter. {@code ROC = (close / close[lookback] - 1) x 100}.
 * Flat, {@code ROC ≥ threshold} and close above {@code SMA(trend)}: buy; mirrored short when allowed.
 * Stop {@code atrStop x ATR} from the entry; the {@link ExitManager} trails it {@code trailAtr x ATR} from
 * the best price. Exit when the momentum is gone ({@code ROC} back through zero) or the close crosses
 * the trend average against the trade.
 */
public final class Momentum implements Strategy {
    public static final String NAME = "momentum";
    public static final ParameterSchema SCHEMA = new ParameterSchema(List.of(
            ParamSpec.integer("lookback", 20, 1, 1000, "rate-of-change lookback, bars"),
            ParamSpec.decimal("threshold", "5", "0", "100", "minimum rate of change to enter, percent"),
            ParamSpec.integer("trend", 50, 2, 2000, "trend filter SMA period"),
            ParamSpec.integer("atrPeriod", 14, 1, 1000, "ATR period"),
            ParamSpec.decimal("atrStop", "2.0", "0.1", "20", "initial stop distance, ATR"),
            ParamSpec.decimal("trailAtr", "3.0", "0", "20", "trailing stop distance, ATR (0: no trail)"),
            ParamSpec.bool("allowShorts", false, "also sell negative momentum short")),
            List.of());

    private final StrategyId id = new StrategyId(NAME);
    private final int lookback;
    private final double threshold, atrStop;
    private final double[] closes;
    private int count;
    private final Sma trend;
    private final Atr atr;
    private final boolean shorts;
    private final PositionSizing sizing;
    private final TradeManager manager;

    public Momentum(Parameters p, PositionSizing sizing) {
        this.lookback = p.integer("lookback");
        this.threshold = p.decimal("threshold").doubleValue();
        this.atrStop = p.decimal("atrStop").doubleValue();
        this.closes = new double[lookback + 1];
        this.trend = new Sma(p.integer("trend"));
        this.atr = new Atr(p.integer("atrPeriod"));
        this.shorts = p.bool("allowShorts");
        this.sizing = sizing;
        this.manager = new TradeManager(new ExitManager(ExitManagerSettings.none(ZoneOffset.UTC)
                .withAtrPeriod(p.integer("atrPeriod")).withTrailAtr(p.decimal("trailAtr").doubleValue())));
    }

    @Override
    public StrategyId id() {
        return id;
    }

    @Override
    public void onBar(BarCursor bar, StrategyContext ctx) {
        double c = bar.closeValue();
        closes[count % closes.length] = c;
        count++;
        trend.update(c);
        atr.update(bar.highValue(), bar.lowValue(), c);
        boolean ready = count > lookback && trend.ready() && atr.ready();
        double roc = ready ? (c / closes[(count - 1 - lookback) % closes.length] - 1) * 100 : Double.NaN;
        double sma = ready ? trend.value() : Double.NaN;
        manager.onBar(bar, ctx, t -> ready && (t.isLong() ? (roc < 0 || c < sma) : (roc > 0 || c > sma)) ? "momentum gone" : null);
        if (!ready || !manager.isFlat()) return;
        Side side = roc >= threshold && c > trend.value() ? Side.BUY
                : shorts && roc <= -threshold && c < trend.value() ? Side.SELL : null;
        if (side == null) return;
        boolean lg = side == Side.BUY;
        BigDecimal stop = Prices.stop(lg ? c - atrStop * atr.value() : c + atrStop * atr.value(), bar.decimals(), lg);
        if (stop.signum() <= 0) return;
        BigDecimal q = sizing.quantity(ctx, bar.closePrice(), stop);
        if (q.signum() > 0) manager.enter(ctx, NAME + "@" + bar.start(), side, q, stop);
    }

    public TradeManager trades() {
        return manager;
    }
}
