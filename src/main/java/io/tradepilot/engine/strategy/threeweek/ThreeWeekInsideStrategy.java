package io.tradepilot.engine.strategy.threeweek;

import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.engine.domain.BarCursor;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.strategy.Strategy;
import io.tradepilot.engine.strategy.StrategyContext;
import io.tradepilot.engine.strategy.exits.AlertLog;
import io.tradepilot.engine.strategy.exits.ExitPolicy;
import io.tradepilot.engine.strategy.exits.PositionTracker;
import io.tradepilot.engine.strategy.exits.TradeManager;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * {@code 3wi}: Three-Week-Inside on weekly bars built from the daily bars it is fed.
 *
 * <p>Per daily bar: first the {@link TradeManager} applies the exit policy (default: the 3WI {@link
 * PositionTracker}) to an open trade; then the bar joins its week ({@link WeeklyAggregator}); when the
 * bar completes its week (the calendar's last trading day of the ISO week), the week goes to the {@link
 * ThreeWeekInsideDetector}. A BREAKOUT whose filters pass (unless {@code requireFilters} is off) and
 * whose direction is allowed opens a trade when flat: market entry at the next open, sized on the breakout
 * week's close as the planned entry, stop at the mother low (long) or high (short), targets 1.5R and
 * 3R reported in {@link #entries()}. The total open risk after the entry must stay within {@code
 * maxOpenRisk x capital}, else the entry is skipped ({@link Entry#skipped()} says why).
 *
 * <p>Not in the seed: real WMAs, breakout on the weeks after the pattern, correct short targets/sizing,
 * a holiday calendar for week ends. One instance serves one instrument for one run.
 */
public final class ThreeWeekInsideStrategy implements Strategy {
    public static final String NAME = "3wi";

    private final StrategyId id;
    private final ThreeWeekInsideParameters params;
    private final WeeklyAggregator weeks;
    private final TradeManager manager;
    private final ExitPolicy exits;
    private ThreeWeekInsideDetector detector;
    private final List<Entry> entries = new ArrayList<>();

    /** A breakout the strategy considered: the plan, and the reason it was skipped (null when entered). */
    public record Entry(Setup setup, TradePlan plan, String skipped) {
    }

    public ThreeWeekInsideStrategy(ThreeWeekInsideParameters params, ExchangeCalendar calendar, ExitPolicy exits) {
        this.id = new StrategyId(NAME);
        this.params = params;
        this.weeks = new WeeklyAggregator(calendar);
        this.exits = exits;
        this.manager = new TradeManager(exits);
    }

    /** Seed defaults, NSE calendar, the seed tracker. */
    public ThreeWeekInsideStrategy() {
        this(ThreeWeekInsideParameters.defaults(), ExchangeCalendar.nse(), PositionTracker.seedDefaults(new AlertLog()));
    }

    @Override
    public StrategyId id() {
        return id;
    }

    @Override
    public void onBar(BarCursor bar, StrategyContext ctx) {
        manager.onBar(bar, ctx);
        if (detector == null) detector = new ThreeWeekInsideDetector(ctx.instrument().symbol(), params.maxWeeksActive());
        WeeklyAggregator.Completed c = weeks.onDay(bar.startMillis(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume(), bar.decimals());
        for (WeekBar w : c.weeks()) onWeek(w, ctx);
    }

    private void onWeek(WeekBar w, StrategyContext ctx) {
        for (SetupEvent e : detector.onWeek(w)) {
            if (e.kind() != SetupEvent.Kind.BREAKOUT) continue;
            Setup s = e.setup();
            Direction d = s.direction();
            Side side = d == Direction.UP ? Side.BUY : Side.SELL;
            BigDecimal entry = s.lastClose();
            BigDecimal stop = d == Direction.UP ? s.motherLow() : s.motherHigh();
            TradePlan plan = ThreeWeekInsideRules.plan(side, entry, stop, params.capital(), params.riskFraction(), ctx.instrument().lotSize());
            String skip = null;
            if (d == Direction.DOWN && !params.allowShorts()) skip = "shorts not allowed";
            else if (params.requireFilters() && !s.filters().passed()) skip = "filters failed: " + s.filters().failed();
            else if (!manager.isFlat()) skip = "a trade is already open";
            else if (plan.quantity().signum() == 0) skip = "risk budget buys no lot";
            else {
                BigDecimal openRisk = ctx.portfolio().openRisk();
                BigDecimal cap = params.capital().multiply(params.maxOpenRisk());
                if (openRisk.add(plan.risk()).compareTo(cap) > 0) skip = "open risk cap " + cap.toPlainString() + " reached";
            }
            entries.add(new Entry(s, plan, skip));
            if (skip == null) manager.enter(ctx, s.id(), side, plan.quantity(), stop);
        }
    }

    /** Every setup seen so far (empty before the first bar). */
    public Collection<Setup> setups() {
        return detector == null ? List.of() : detector.setups();
    }

    /** Every breakout considered, entered or skipped, in order. */
    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    public TradeManager trades() {
        return manager;
    }

    public ExitPolicy exitPolicy() {
        return exits;
    }

    public ThreeWeekInsideParameters parameters() {
        return params;
    }
}
