package io.tradepilot.scheduler.internal;

import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.scheduler.EodReport;
import io.tradepilot.trading.EquityPoint;
import io.tradepilot.trading.LedgerPosition;
import io.tradepilot.trading.StrategyDay;
import io.tradepilot.trading.TradingQueries;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The end-of-day report after the close: per strategy the day's closed trades, winners, net P&L and
 * fees (the ledger's {@code strategy_day}), the equity change over the day (last equity point before the
 * day's start to the last one before its end, market time), and the open positions; stored per day and
 * exchange (a re-run replaces it). The day is the one the run was scheduled for, so a late run (misfire)
 * reports the missed day, not the day it ran.
 */
final class EodReportTask implements ScheduledTask {

    static final String NAME = "eod-report";

    private final TradingQueries trading;
    private final SchedulerStore store;
    private final Clock clock;
    private final SessionTime reportTime;

    /** @param reportTime when the report runs on a trading day (it decides which day a late run reports) */
    EodReportTask(TradingQueries trading, SchedulerStore store, Clock clock, SessionTime reportTime) {
        this.trading = trading;
        this.store = store;
        this.clock = clock;
        this.reportTime = reportTime;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Result run(Run run) {
        ExchangeCalendar calendar = ExchangeCalendar.of(run.exchange());
        LocalDate day = reportedDay(calendar, reportTime, run.scheduledAt());
        EodReport report = build(calendar, day);
        store.saveEodReport(report);
        int trades = report.strategies().stream().mapToInt(EodReport.StrategyLine::trades).sum();
        return Result.done("report for " + day + ": " + report.strategies().size() + " strategies, " + trades + " trades, equity change "
                + (report.equityChange() == null ? "unknown" : report.equityChange().toPlainString()) + ", "
                + report.openPositions().size() + " open positions");
    }

    /**
     * The trading day a run at {@code at} reports: the latest trading day whose report time is not after
     * {@code at}. A run on time reports its own day; a misfire run the next morning still reports the
     * missed day (Quartz's fire-once-now replaces the missed fire time with the actual one). When the app was
     * down over several report times only the latest missed day is reported.
     */
    static LocalDate reportedDay(ExchangeCalendar calendar, SessionTime reportTime, Instant at) {
        LocalDate d = at.atZone(calendar.zone()).toLocalDate();
        for (int i = 0; i < 30; i++, d = d.minusDays(1)) {
            var t = reportTime.on(calendar, d);
            if (t.isPresent() && !d.atTime(t.get()).atZone(calendar.zone()).toInstant().isAfter(at.plusSeconds(60))) return d;
        }
        return at.atZone(calendar.zone()).toLocalDate();
    }

    EodReport build(ExchangeCalendar calendar, LocalDate day) {
        List<EodReport.StrategyLine> lines = trading.strategyDays(day, day).stream()
                .map((StrategyDay d) -> new EodReport.StrategyLine(d.strategy(), d.trades(), d.wins(), d.netPnl(), d.fees()))
                .toList();
        Instant dayStart = day.atStartOfDay(calendar.zone()).toInstant();
        Instant dayEnd = day.plusDays(1).atStartOfDay(calendar.zone()).toInstant().minusNanos(1);
        Optional<EquityPoint> start = trading.equityAt(dayStart.minusNanos(1));
        Optional<EquityPoint> end = trading.equityAt(dayEnd).filter(p -> !p.at().isBefore(dayStart));
        BigDecimal from = start.map(EquityPoint::equity).orElse(null);
        BigDecimal to = end.map(EquityPoint::equity).orElse(null);
        BigDecimal change = from != null && to != null ? to.subtract(from) : null;
        List<EodReport.PositionLine> positions = trading.openPositions().stream()
                .map((LedgerPosition p) -> new EodReport.PositionLine(p.symbol(), p.quantity(), p.averagePrice()))
                .toList();
        return new EodReport(day, calendar.exchange(), clock.instant(), from, to, change, lines, positions);
    }
}
