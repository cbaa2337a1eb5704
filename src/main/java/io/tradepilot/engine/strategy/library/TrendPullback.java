package io.tradepilot.engine.strategy.library;

import io.tradepilot.engine.domain.BarCursor;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.indicators.Atr;
import io.tradepilot.engine.indicators.Ema;
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
 * {@code trend-pullback}: trade a pullback to the fast EMA in the direction of the trend.
 * Uptrend: {@code EMA(fast) > EMA(slow)}. Long entry when the bar's low comes within {@code pullbackAtr
 * x ATR} of the fast EMA ({@code low ≤ EMA(fast) + pullbackAtr x ATR}) and it closes back above the fast
 * EMA; stop {@code stopAtr x ATR} below the bar's low; target at {@code rewardRisk x R}. Shorts mirror it
 * in a downtrend. The trade is also closed when the trend flips (fast crosses the slow EMA). Seed
 * defaults: EMA 34/89, ATR 14, pullback 0.5 ATR, reward:risk 2.0.
 */
public final class TrendPullback implements Strategy {
    public static final String NAME = "trend-pullback";
    public static final ParameterSchema SCHEMA = new ParameterSchema(List.of(
            ParamSpec.integer("fast", 34, 2, 1000, "fast EMA period"),
            ParamSpec.integer("slow", 89, 3, 2000, "slow EMA period"),
            ParamSpec.integer("atrPeriod", 14, 1, 1000, "ATR period"),
            ParamSpec.decimal("pullbackAtr", "0.5", "0", "10", "how close (in ATR) the low must come to the fast EMA"),
            ParamSpec.decimal("stopAtr", "1.0", "0.1", "20", "stop distance below the pullback low, in ATR"),
            ParamSpec.decimal("rewardRisk", "2.0", "0.5", "20", "target in multiples of the risk"),
            ParamSpec.bool("allowShorts", true, "also sell pullbacks in downtrends")),
            List.of(ParameterSchema.greaterThan("slow", "fast")));

    private final StrategyId id = new StrategyId(NAME);
    private final Ema fast, slow;
    private final Atr atr;
    private final double pullback, stopAtr;
    private final boolean shorts;
    private final PositionSizing sizing;
    private final TradeManager manager;

    public TrendPullback(Parameters p, PositionSizing sizing) {
        this.fast = new Ema(p.integer("fast"));
        this.slow = new Ema(p.integer("slow"));
        this.atr = new Atr(p.integer("atrPeriod"));
        this.pullback = p.decimal("pullbackAtr").doubleValue();
        this.stopAtr = p.decimal("stopAtr").doubleValue();
        this.shorts = p.bool("allowShorts");
        this.sizing = sizing;
        this.manager = new TradeManager(new ExitManager(ExitManagerSettings.none(ZoneOffset.UTC).withTargetR(p.decimal("rewardRisk"))));
    }

    @Override
    public StrategyId id() {
        return id;
    }

    @Override
    public void onBar(BarCursor bar, StrategyContext ctx) {
        double h = bar.highValue(), l = bar.lowValue(), c = bar.closeValue();
        fast.update(c);
        slow.update(c);
        atr.update(h, l, c);
        boolean ready = fast.ready() && slow.ready() && atr.ready();
        boolean up = ready && fast.value() > slow.value();
        boolean down = ready && fast.value() < slow.value();
        manager.onBar(bar, ctx, t -> ready && (t.isLong() ? !up : !down) ? "trend flipped" : null);
        if (!ready || !manager.isFlat()) return;
        double f = fast.value(), a = atr.value();
        Side side = null;
        BigDecimal stop = null;
        if (up && l <= f + pullback * a && c > f) {
            side = Side.BUY;
            stop = Prices.stop(l - stopAtr * a, bar.decimals(), true);
        } else if (shorts && down && h >= f - pullback * a && c < f) {
            side = Side.SELL;
            stop = Prices.stop(h + stopAtr * a, bar.decimals(), false);
        }
        if (side == null || stop.signum() <= 0) return;
        BigDecimal entry = bar.closePrice();
        BigDecimal q = sizing.quantity(ctx, entry, stop);
        if (q.signum() > 0) manager.enter(ctx, NAME + "@" + bar.start(), side, q, stop);
    }

    public TradeManager trades() {
        return manager;
    }
}
