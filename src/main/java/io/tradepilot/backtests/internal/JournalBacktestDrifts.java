package io.tradepilot.backtests.internal;

import io.tradepilot.backtests.BacktestDrift;
import io.tradepilot.backtests.BacktestDrifts;
import io.tradepilot.backtests.BacktestRefusal;
import io.tradepilot.backtests.BacktestRun;
import io.tradepilot.backtests.Backtests;
import io.tradepilot.backtests.RunResult;
import io.tradepilot.journal.JournalQueries;
import io.tradepilot.journal.Trade;
import io.tradepilot.journal.TradeFilter;
import io.tradepilot.journal.TradeSort;
import io.tradepilot.journal.TradeStatus;
import io.tradepilot.journal.TradingMode;
import io.tradepilot.strategies.PaperTradingDays;
import io.tradepilot.strategies.PromotionGate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * {@link BacktestDrifts} over the run's result ({@link Backtests}) and the journal's PAPER trades ({@link JournalQueries})
 * entered while the run's version was the applied one ({@link PromotionGate#appliedPeriods}).
 */
@Component
class JournalBacktestDrifts implements BacktestDrifts {

    private final Backtests backtests;
    private final JournalQueries journal;
    private final PromotionGate gate;

    JournalBacktestDrifts(Backtests backtests, JournalQueries journal, PromotionGate gate) {
        this.backtests = backtests;
        this.journal = journal;
        this.gate = gate;
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public BacktestDrift drift(long runId, Duration tolerance) {
        if (tolerance == null || tolerance.isNegative() || tolerance.compareTo(BacktestDrift.MAX_TOLERANCE) > 0) {
            throw BacktestRefusal.badParameter("tolerance", "The tolerance must be from 0 to " + BacktestDrift.MAX_TOLERANCE.toDays() + " days.");
        }
        BacktestRun run = backtests.run(runId);
        if (!"STORED".equals(run.configSource()) || run.configKey() == null) {
            throw new BacktestRefusal(409, "NOT_STORED_VERSION", "id", "Run " + runId + " ran a draft document: only a run of a stored "
                    + "strategy configuration version can be compared with paper trading.");
        }
        RunResult result = backtests.result(runId);
        List<Trade> trades = journal.allTrades(new TradeFilter(run.from(), run.to(), null, null, run.configKey(), null, null, TradingMode.PAPER),
                TradeSort.ENTRY_TIME, false);
        List<PaperTradingDays.Period> periods = gate.appliedPeriods(run.configKey(), run.configVersion());
        List<BacktestDrift.PaperTrade> paper = trades.stream().filter(t -> within(t.entryTime(), periods)).map(t -> new BacktestDrift.PaperTrade(t.id(), t.symbol(), t.side().name(),
                t.status() == TradeStatus.OPEN, t.entryTime(), t.entryPrice(), t.exitTime(), t.exitPrice(), t.quantity(), t.fees(), t.netPnl())).toList();
        return BacktestDrift.compare(run, result.trades(), paper, tolerance);
    }

    /** Whether {@code entry} lies in one of {@code periods} (half-open). */
    static boolean within(java.time.Instant entry, List<PaperTradingDays.Period> periods) {
        return periods.stream().anyMatch(p -> !entry.isBefore(p.from()) && (p.until() == null || entry.isBefore(p.until())));
    }
}
