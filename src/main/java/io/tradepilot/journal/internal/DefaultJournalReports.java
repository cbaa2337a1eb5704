package io.tradepilot.journal.internal;

import io.tradepilot.journal.JournalQueries;
import io.tradepilot.journal.JournalRefusal;
import io.tradepilot.journal.JournalReports;
import io.tradepilot.journal.PerformanceReport;
import io.tradepilot.journal.ReportPeriod;
import io.tradepilot.journal.TradeFilter;
import io.tradepilot.journal.TradeSort;
import io.tradepilot.trading.LivePortfolio;
import io.tradepilot.trading.TradingQueries;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link JournalReports} over the journal's trades and the trading read side: a period's closed trades by exit date,
 * the portfolio now (the engine's, with marks and open risk; on an instance without the engine, the ledger's
 * positions marked at the bar cache where it can, open risk unknown).
 */
class DefaultJournalReports implements JournalReports {

    static final int MAX_LIMIT = 500;

    private final JournalQueries queries;
    private final JooqReportStore store;
    private final Supplier<TradingQueries> trading;
    private final Clock clock;

    DefaultJournalReports(JournalQueries queries, JooqReportStore store, Supplier<TradingQueries> trading, Clock clock) {
        this.queries = queries;
        this.store = store;
        this.trading = trading;
        this.clock = clock;
    }

    @Override
    public List<PerformanceReport> stored(ReportPeriod period, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) throw JournalRefusal.badParameter("limit", "limit must be 1.." + MAX_LIMIT);
        return store.newest(period, limit);
    }

    @Override
    public Optional<PerformanceReport> stored(ReportPeriod period, LocalDate start) {
        return store.find(period, start);
    }

    @Override
    public PerformanceReport now(ReportPeriod period, LocalDate day) {
        TradeFilter filter = new TradeFilter(period.start(day), period.end(day), null, null, null, null, null, null);
        return PerformanceReport.of(period, day, clock.instant(), queries.allTrades(filter, TradeSort.EXIT_TIME, false),
                queries.zone(), portfolio());
    }

    /** Makes and stores the report of the period holding {@code day} (replacing a stored one). */
    PerformanceReport store(ReportPeriod period, LocalDate day) {
        PerformanceReport report = now(period, day);
        store.save(report);
        return report;
    }

    private PerformanceReport.Portfolio portfolio() {
        TradingQueries t = trading.get();
        if (t == null) return PerformanceReport.Portfolio.UNKNOWN;
        Optional<LivePortfolio> live = t.livePortfolio();
        if (live.isPresent()) {
            LivePortfolio p = live.get();
            return new PerformanceReport.Portfolio(p.equity(), p.openRisk(), p.positions().stream()
                    .map(x -> new PerformanceReport.PositionLine(x.symbol(), x.quantity(), x.averagePrice(), x.mark(), x.unrealizedPnl()))
                    .toList());
        }
        return new PerformanceReport.Portfolio(null, null, t.openPositions().stream()
                .map(x -> new PerformanceReport.PositionLine(x.symbol(), x.quantity(), x.averagePrice(), null, null)).toList());
    }
}
