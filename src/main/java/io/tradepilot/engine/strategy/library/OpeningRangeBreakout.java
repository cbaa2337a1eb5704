package io.tradepilot.engine.strategy.library;

import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.engine.domain.BarCursor;
import io.tradepilot.engine.domain.Side;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * {@code orb}: opening-range breakout on intraday bars.
 *
 * <p>Each local trading day (exchange zone), the opening range is the high and low of the bars starting
 * within {@code rangeMinutes} of the day's first bar. After it: a close strictly above the range high on
 * {@code confirmBars} consecutive bars confirms a long (below the low: a short, when allowed), entered at
 * market on the next bar; stop at the opposite side of the range; target at {@code minRewardRisk x R}. An
 * entry whose risk exceeds {@code maxRiskPercent} of the price, or whose decision bar starts at or after
 * {@code lastEntry}, is skipped; at most one trade per day, and none on a day the exchange calendar counts
 * as closed (a weekend special session such as NSE's drill on Saturday 2024-03-02 ends before the
 * square-off time, so a position opened there would be held over the weekend). The {@link ExitManager} squares off at
 * {@code squareOffAt} (exchange time). Defaults: 15-minute range, 1 confirming close, 1.8 reward:risk,
 * last entry 14:30, square-off 15:15 (NSE; AITRAPP squared off at 15:25 with exits allowed until then).
 */
public final class OpeningRangeBreakout implements Strategy {
    public static final String NAME = "orb";
    public static final ParameterSchema SCHEMA = new ParameterSchema(List.of(
            ParamSpec.integer("rangeMinutes", 15, 1, 240, "length of the opening range, minutes"),
            ParamSpec.integer("confirmBars", 1, 1, 20, "consecutive closes beyond the range that confirm a breakout"),
            ParamSpec.decimal("minRewardRisk", "1.8", "0.5", "20", "target in multiples of the risk"),
            ParamSpec.decimal("maxRiskPercent", "2", "0.05", "20", "skip entries whose stop is farther than this, percent of price"),
            ParamSpec.time("lastEntry", "14:30", "no entry decided at or after this exchange time"),
            ParamSpec.time("squareOffAt", "15:15", "close every position at this exchange time"),
            ParamSpec.choice("exchange", "NSE", List.of("NSE", "NYSE"), "exchange whose time zone the times are in"),
            ParamSpec.bool("allowShorts", true, "also sell downside breakouts short")),
            List.of(ParameterSchema.laterThan("squareOffAt", "lastEntry")));

    private final StrategyId id = new StrategyId(NAME);
    private final long rangeMillis;
    private final int confirmBars;
    private final BigDecimal maxRiskPercent;
    private final LocalTime lastEntry;
    private final ZoneId zone;
    private final ExchangeCalendar calendar;
    private boolean tradingDay;
    private final boolean shorts;
    private final PositionSizing sizing;
    private final TradeManager manager;
    private LocalDate day;
    private long rangeEnd;
    private long high, low;
    private boolean hasRange, traded;
    private int upCount, downCount;

    public OpeningRangeBreakout(Parameters p, PositionSizing sizing) {
        this.rangeMillis = p.integer("rangeMinutes") * 60_000L;
        this.confirmBars = p.integer("confirmBars");
        this.maxRiskPercent = p.decimal("maxRiskPercent");
        this.lastEntry = p.time("lastEntry");
        this.calendar = ExchangeCalendar.of(p.choice("exchange"));
        this.zone = calendar.zone();
        this.shorts = p.bool("allowShorts");
        this.sizing = sizing;
        this.manager = new TradeManager(new ExitManager(ExitManagerSettings.none(zone)
                .withTargetR(p.decimal("minRewardRisk")).withSquareOffAt(p.time("squareOffAt"))));
    }

    @Override
    public StrategyId id() {
        return id;
    }

    @Override
    public void onBar(BarCursor bar, StrategyContext ctx) {
        manager.onBar(bar, ctx);
        ZonedDateTime local = Instant.ofEpochMilli(bar.startMillis()).atZone(zone);
        if (!local.toLocalDate().equals(day)) {
            day = local.toLocalDate();
            rangeEnd = bar.startMillis() + rangeMillis;
            high = bar.high();
            low = bar.low();
            hasRange = true;
            traded = false;
            tradingDay = calendar.isTradingDay(day);
            upCount = 0;
            downCount = 0;
            return;
        }
        if (bar.startMillis() < rangeEnd) {
            high = Math.max(high, bar.high());
            low = Math.min(low, bar.low());
            return;
        }
        if (!hasRange) return;
        upCount = bar.close() > high ? upCount + 1 : 0;
        downCount = bar.close() < low ? downCount + 1 : 0;
        if (traded || !tradingDay || !manager.isFlat() || !local.toLocalTime().isBefore(lastEntry)) return;
        Side side = upCount >= confirmBars ? Side.BUY : (shorts && downCount >= confirmBars ? Side.SELL : null);
        if (side == null) return;
        BigDecimal entry = bar.closePrice();
        BigDecimal stop = BigDecimal.valueOf(side == Side.BUY ? low : high, bar.decimals());
        BigDecimal risk = entry.subtract(stop).abs();
        if (risk.signum() == 0 || risk.movePointRight(2).compareTo(entry.multiply(maxRiskPercent)) > 0) return;
        BigDecimal q = sizing.quantity(ctx, entry, stop);
        if (q.signum() <= 0) return;
        traded = true;
        manager.enter(ctx, NAME + "@" + bar.start(), side, q, stop);
    }

    public TradeManager trades() {
        return manager;
    }
}
