package io.tradepilot.engine.strategy;

import io.tradepilot.engine.domain.BarCursor;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.indicators.Atr;
import io.tradepilot.engine.risk.FixedFractionalSizer;
import io.tradepilot.engine.risk.Kelly;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How a strategy's entries are sized, as configured: a fixed quantity, or risk-based from the equity and
 * the distance to the entry's stop, in whole lots, capped at {@code maxQuantity} (null: no cap).
 * <ul>
 *   <li>{@link Mode#FIXED}: always {@code quantity}.</li>
 *   <li>{@link Mode#FIXED_FRACTIONAL}: {@code floor(equity x riskFraction / |entry - stop| / lot) x lot}
 *       ({@link FixedFractionalSizer}); zero (no entry) when the strategy gives no stop.</li>
 *   <li>{@link Mode#ATR}: the same with the distance {@code atrMultiple x ATR(atrPeriod)} of the strategy's
 *       own bars instead of the stop ({@link io.tradepilot.engine.risk.AtrSizer}); zero until the ATR has
 *       {@code atrPeriod} true ranges.</li>
 *   <li>{@link Mode#HALF_KELLY}: as FIXED_FRACTIONAL with the risk fraction
 *       {@code min(Kelly(winRate, averageWin, averageLoss) / 2, kellyCap)} ({@link Kelly}); a negative
 *       edge gives zero.</li>
 * </ul>
 * A rule is a specification: {@link #sizing()} gives each strategy instance its own {@link PositionSizing}
 * (the ATR mode keeps per-instrument state, fed by {@link #sized(Strategy)}).
 */
public record SizingRule(Mode mode, BigDecimal quantity, BigDecimal riskFraction, int atrPeriod, BigDecimal atrMultiple,
                         BigDecimal winRate, BigDecimal averageWin, BigDecimal averageLoss, BigDecimal kellyCap, BigDecimal maxQuantity) {

    public enum Mode { FIXED, FIXED_FRACTIONAL, ATR, HALF_KELLY }

    public SizingRule {
        Objects.requireNonNull(mode, "mode");
        switch (mode) {
            case FIXED -> positive("quantity", quantity);
            case FIXED_FRACTIONAL -> positive("risk-fraction", riskFraction);
            case ATR -> {
                positive("risk-fraction", riskFraction);
                positive("atr-multiple", atrMultiple);
                if (atrPeriod < 1) throw new IllegalArgumentException("atr-period must be at least 1: " + atrPeriod);
            }
            case HALF_KELLY -> {
                positive("kelly-cap", kellyCap);
                Kelly.fraction(required("win-rate", winRate), required("average-win", averageWin), required("average-loss", averageLoss));
            }
        }
        if (maxQuantity != null && maxQuantity.signum() <= 0) maxQuantity = null;
    }

    /** A fixed quantity per entry. */
    public static SizingRule fixed(BigDecimal quantity) {
        return new SizingRule(Mode.FIXED, quantity, null, 0, null, null, null, null, null, null);
    }

    /** The risk fraction the HALF_KELLY mode uses: half the Kelly fraction, at most {@code kellyCap}. */
    public BigDecimal halfKellyFraction() {
        return Kelly.fraction(winRate, averageWin, averageLoss).divide(BigDecimal.TWO).min(kellyCap);
    }

    /** A new sizing for one strategy instance. */
    public PositionSizing sizing() {
        return switch (mode) {
            case FIXED -> new Strategies.FixedSizing(new Quantity(quantity));
            case FIXED_FRACTIONAL -> fractional(riskFraction);
            case HALF_KELLY -> {
                BigDecimal f = halfKellyFraction();
                yield f.signum() == 0 ? (ctx, entry, stop) -> BigDecimal.ZERO : fractional(f);
            }
            case ATR -> new AtrSizing(this);
        };
    }

    /**
     * A new instance of strategy {@code type} with {@code params} sized by this rule, its entries larger than
     * {@code twapAbove} units sliced into {@code twapSlices} market orders ({@link TwapSlicer}; null or not positive:
     * never sliced). Refuses (IllegalArgumentException) bad parameters, or a sizing the strategy does not accept
     * (sma-cross trades a fixed quantity). The one way live strategies are built and stored versions checked.
     */
    public Strategy create(String type, java.util.Map<String, ?> params, BigDecimal twapAbove, int twapSlices) {
        PositionSizing positionSizing = sizing();
        Strategy strategy = sized(Strategies.create(type, params, positionSizing), positionSizing);
        if (twapAbove != null && twapAbove.signum() > 0) strategy = new TwapSlicer(strategy, twapAbove, twapSlices);
        return strategy;
    }

    /** {@code strategy} built with {@code sizing}, fed its bars first when the sizing needs them (ATR). */
    public static Strategy sized(Strategy strategy, PositionSizing sizing) {
        if (!(sizing instanceof AtrSizing atr)) return strategy;
        return new Strategy() {
            @Override
            public io.tradepilot.engine.orders.StrategyId id() {
                return strategy.id();
            }

            @Override
            public void onBar(BarCursor bar, StrategyContext context) {
                atr.update(bar);
                strategy.onBar(bar, context);
            }
        };
    }

    private PositionSizing fractional(BigDecimal fraction) {
        return (ctx, entry, stop) -> stop == null ? BigDecimal.ZERO
                : new FixedFractionalSizer(fraction, ctx.instrument().lotSize(), maxQuantity, BigDecimal.ONE).size(ctx.equity(), entry, stop);
    }

    private static BigDecimal required(String name, BigDecimal v) {
        if (v == null) throw new IllegalArgumentException(name + " is required for half-kelly sizing");
        return v;
    }

    private static void positive(String name, BigDecimal v) {
        if (v == null || v.signum() <= 0) throw new IllegalArgumentException(name + " must be positive: " + v);
    }

    /**
     * ATR sizing for one instrument's strategy. The ATR is computed in {@code double} (indicator math) and
     * turned into an exact decimal at the instrument's price scale before sizing.
     */
    static final class AtrSizing implements PositionSizing {
        private final SizingRule rule;
        private final Atr atr;
        private int decimals = 2;

        AtrSizing(SizingRule rule) {
            this.rule = rule;
            this.atr = new Atr(rule.atrPeriod());
        }

        void update(BarCursor bar) {
            decimals = bar.decimals();
            atr.update(bar.highValue(), bar.lowValue(), bar.closeValue());
        }

        /** The current ATR, exact at the bars' price scale, or null while warming up. */
        BigDecimal atr() {
            double v = atr.value();
            return Double.isNaN(v) ? null : BigDecimal.valueOf(v).setScale(decimals, java.math.RoundingMode.HALF_EVEN);
        }

        @Override
        public BigDecimal quantity(StrategyContext ctx, BigDecimal entry, BigDecimal stop) {
            BigDecimal a = atr();
            if (a == null) return BigDecimal.ZERO;
            return new io.tradepilot.engine.risk.AtrSizer(rule.riskFraction(), rule.atrMultiple(), ctx.instrument().lotSize(), rule.maxQuantity())
                    .size(ctx.equity(), a);
        }
    }
}
