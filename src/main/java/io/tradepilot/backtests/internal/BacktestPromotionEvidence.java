package io.tradepilot.backtests.internal;

import io.tradepilot.backtests.BacktestRun;
import io.tradepilot.backtests.RunMonteCarlo;
import io.tradepilot.backtests.RunResult;
import io.tradepilot.backtests.RunState;
import io.tradepilot.backtests.SymbolResult;
import io.tradepilot.engine.research.MonteCarlo;
import io.tradepilot.strategies.BacktestEvidence;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;

import static io.tradepilot.db.Tables.BACKTEST_RUN;

/**
 * The strategies module's {@link BacktestEvidence}: the newest DONE run of a stored configuration version (runs record
 * the stored id and version they used), its trades over every symbol, the lowest per-symbol Sharpe ratio, and the 95th
 * percentile of the maximum drawdown (fraction of the running peak) of a {@link #MC_SIMULATIONS}-run reshuffle Monte
 * Carlo with the fixed seed {@link RunMonteCarlo#DEFAULT_SEED}.
 */
@Component
class BacktestPromotionEvidence implements BacktestEvidence {

    static final int MC_SIMULATIONS = RunMonteCarlo.MAX_SIMULATIONS;

    private final DSLContext db;
    private final JooqBacktestStore store;

    BacktestPromotionEvidence(DSLContext db, JooqBacktestStore store) {
        this.db = db;
        this.store = store;
    }

    @Override
    public Optional<Run> newestDoneRun(String strategyId, int version) {
        Optional<Long> id = db.select(BACKTEST_RUN.RUN_ID).from(BACKTEST_RUN)
                .where(BACKTEST_RUN.CONFIG_SOURCE.eq("STORED")).and(BACKTEST_RUN.CONFIG_KEY.eq(strategyId))
                .and(BACKTEST_RUN.CONFIG_VERSION.eq(version)).and(BACKTEST_RUN.STATE.eq(RunState.DONE.name()))
                .orderBy(BACKTEST_RUN.RUN_ID.desc()).limit(1).fetchOptional(BACKTEST_RUN.RUN_ID);
        return id.flatMap(store::run).map(this::evidence);
    }

    private Run evidence(BacktestRun run) {
        var symbols = store.symbols(run.id());
        var trades = store.trades(run.id());
        double sharpe = symbols.isEmpty() ? Double.NaN : symbols.stream().mapToDouble(SymbolResult::sharpe)
                .reduce(Double.POSITIVE_INFINITY, (a, b) -> Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.min(a, b));
        double p95 = Double.NaN;
        if (!trades.isEmpty()) {
            RunResult result = new RunResult(run, symbols, Map.of(), Map.of(), trades, null);
            p95 = RunMonteCarlo.of(result, MonteCarlo.Method.RESHUFFLE, MC_SIMULATIONS, RunMonteCarlo.DEFAULT_SEED).maxDrawdownFraction().p95();
        }
        return new Run(run.id(), run.finishedAt(), trades.size(), sharpe, p95, MonteCarlo.Method.RESHUFFLE.key(), MC_SIMULATIONS,
                RunMonteCarlo.DEFAULT_SEED);
    }
}
