package io.tradepilot.scheduler.internal;

import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.trading.LivePortfolio;
import io.tradepilot.trading.TradingQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hourly position tracker during the session: every open position of the live engine is checked
 * against the 3WI tracker's thresholds (BEHAVIOUR.md "Tracker"), its favourable move measured from the
 * average price to the mark (shorts mirrored): ≤ −6 % {@code exit}, ≤ −3 % {@code caution}, ≥ +10 %
 * {@code book50}, ≥ +6 % {@code book25}, ≥ +3 % {@code breakeven}. Findings are logged and stored once per
 * position, hour and rule (the alerts module raises TRACKER_EXIT / TRACKER_CAUTION for them).
 *
 * <p>It acts on the trades the 3WI scan entered: an {@code exit} finding (and a {@code caution} one when
 * {@code tracker.on-caution=ACT}) on a position held by an open scan trade places that trade's exit through
 * {@link SetupTrades} (strategy {@code 3wi}, the live order path, once per trade: a rerun of the hour, a restart or
 * another instance places nothing more). With {@code tracker.on-exit=ALERT} it only alerts. Positions of other
 * strategies or manual ones are only alerted on: their exits belong to their own exit policy. What it did is stored
 * with the finding ({@code action}).
 *
 * <p>Skipped, saying why, when the session is not open at the run (an early close) or this instance
 * does not run the engine.
 */
final class PositionTrackerTask implements ScheduledTask {

    static final String NAME = "position-tracker";
    private static final Logger log = LoggerFactory.getLogger(PositionTrackerTask.class);
    static final BigDecimal EXIT = new BigDecimal("-0.06");
    static final BigDecimal CAUTION = new BigDecimal("-0.03");
    static final BigDecimal BOOK50 = new BigDecimal("0.10");
    static final BigDecimal BOOK25 = new BigDecimal("0.06");
    static final BigDecimal BREAKEVEN = new BigDecimal("0.03");

    private final TradingQueries trading;
    private final SchedulerStore store;
    private final Clock clock;
    private final SchedulerProperties.Tracker settings;
    private final SetupTrades trades;

    PositionTrackerTask(TradingQueries trading, SchedulerStore store, Clock clock, SchedulerProperties.Tracker settings, SetupTrades trades) {
        this.trading = trading;
        this.store = store;
        this.clock = clock;
        this.settings = settings;
        this.trades = trades;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Result run(Run run) {
        ExchangeCalendar calendar = ExchangeCalendar.of(run.exchange());
        if (!calendar.isOpen(run.scheduledAt())) return Result.skipped("the " + run.exchange() + " session is not open at " + run.scheduledAt());
        Optional<LivePortfolio> live = trading.livePortfolio();
        if (live.isEmpty()) return Result.skipped("this instance does not run the engine: no live positions to check");
        Instant hour = run.scheduledAt().truncatedTo(ChronoUnit.HOURS);
        Instant now = clock.instant();
        List<String> findings = new ArrayList<>();
        for (LivePortfolio.Position p : live.get().positions()) {
            BigDecimal move = move(p.quantity(), p.averagePrice(), p.mark());
            String rule = rule(move);
            if (rule == null) continue;
            String pct = move.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " %";
            String action = rule.equals("exit") || rule.equals("caution") ? act(p, rule, pct) : null;
            boolean fresh = store.savePositionCheck(hour, p.symbol(), rule, p.quantity(), p.averagePrice(), p.mark(), move, now, action);
            findings.add(p.symbol() + " " + rule + " (" + pct + ")" + (action == null ? "" : ": " + action));
            if (fresh) {
                if (rule.equals("exit") || rule.equals("caution")) {
                    log.warn("Position tracker: {} {} at {} moved {} from {}: {}", p.symbol(), p.quantity().toPlainString(),
                            p.mark().toPlainString(), pct, p.averagePrice().toPlainString(), rule);
                } else {
                    log.info("Position tracker: {} moved {}: {}", p.symbol(), pct, rule);
                }
            }
        }
        return Result.done("checked " + live.get().positions().size() + " positions" + (findings.isEmpty() ? "" : ": " + String.join(", ", findings)));
    }

    /** What the tracker does with an exit or caution finding on {@code p}: places the 3WI trade's exit, or alerts only. */
    String act(LivePortfolio.Position p, String rule, String pct) {
        SchedulerProperties.TrackerAction configured = rule.equals("exit") ? settings.onExit() : settings.onCaution();
        if (configured == SchedulerProperties.TrackerAction.ALERT) {
            return "alert only (tradepilot.scheduler.tracker.on-" + rule + "=ALERT)";
        }
        var trade = trades.tradeOf(p);
        if (trade.isEmpty()) return "alert only: not a trade the 3WI scan entered";
        return trades.exit(trade.get(), SetupExitRule.Trigger.TRACKER, "tracker " + rule + " at mark "
                + p.mark().toPlainString() + " (" + pct + " from " + p.averagePrice().toPlainString() + ")");
    }

    /** The favourable move of a position, a fraction of its average price (long: up is favourable; short: down). */
    static BigDecimal move(BigDecimal quantity, BigDecimal averagePrice, BigDecimal mark) {
        BigDecimal m = mark.subtract(averagePrice).divide(averagePrice, MathContext.DECIMAL64);
        return quantity.signum() < 0 ? m.negate() : m;
    }

    /** The tracker rule a move triggers, null for none. */
    static String rule(BigDecimal move) {
        if (move.compareTo(EXIT) <= 0) return "exit";
        if (move.compareTo(CAUTION) <= 0) return "caution";
        if (move.compareTo(BOOK50) >= 0) return "book50";
        if (move.compareTo(BOOK25) >= 0) return "book25";
        if (move.compareTo(BREAKEVEN) >= 0) return "breakeven";
        return null;
    }
}
