package io.tradepilot.backtests.internal;

import io.tradepilot.backtests.BacktestMode;
import io.tradepilot.backtests.BacktestRun;
import io.tradepilot.backtests.CorrelationGroups;
import io.tradepilot.backtests.BacktestTrade;
import io.tradepilot.backtests.FeeModel;
import io.tradepilot.backtests.FillModel;
import io.tradepilot.backtests.RunResult;
import io.tradepilot.backtests.RunState;
import io.tradepilot.backtests.SlippageModel;
import io.tradepilot.backtests.SymbolResult;
import io.tradepilot.db.tables.records.BacktestRunRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.tradepilot.db.Tables.BACKTEST_CONTRIBUTION;
import static io.tradepilot.db.Tables.BACKTEST_EQUITY;
import static io.tradepilot.db.Tables.BACKTEST_REFUSAL;
import static io.tradepilot.db.Tables.BACKTEST_RUN;
import static io.tradepilot.db.Tables.BACKTEST_SYMBOL;
import static io.tradepilot.db.Tables.BACKTEST_TRADE;

/**
 * The runs and their results in PostgreSQL. State changes are conditional updates (a run leaves a state only from
 * the state it is in), so a stale worker or a second attempt cannot overwrite a newer outcome; a result is written
 * with its DONE state in one transaction, replacing whatever an earlier attempt left.
 */
class JooqBacktestStore {

    /** The run's fields as {@link DefaultBacktests} validated them. */
    record NewRun(String submittedBy, Instant submittedAt, String label, String configSource, String configKey, Integer configVersion,
                  String strategyType, String document, List<String> symbols, java.time.LocalDate from, java.time.LocalDate to,
                  BigDecimal cash, BigDecimal quantity, FillModel fill, FeeModel fee, BigDecimal feeValue, SlippageModel slippage,
                  BigDecimal slippageValue, boolean closeAtEnd, boolean cashOnly, String runner, BacktestMode mode, Integer maxPositions,
                  BigDecimal heatCap, boolean buyingPower, BigDecimal misLeverage, Map<String, List<String>> correlationGroups,
                  Integer maxPositionsPerGroup, String universe) {
    }

    /** What a worker's claim decided. */
    sealed interface Claim {
        /** Run it: this is attempt {@code attempt}. */
        record Run(BacktestRun run, int attempt) implements Claim {
        }

        /** Not now: the submitter has as many runs as allowed running, or an older run queued. */
        record Defer() implements Claim {
        }

        /** Nothing to do: finished, cancelled, or being run by another worker. */
        record Skip(String why) implements Claim {
        }
    }

    /** One symbol's result to write. */
    record SymbolRows(SymbolResult figures, List<RunResult.Point> equity, List<BacktestTrade> trades) {
    }

    private final DSLContext db;

    JooqBacktestStore(DSLContext db) {
        this.db = db;
    }

    long insert(NewRun r) {
        return db.insertInto(BACKTEST_RUN)
                .set(BACKTEST_RUN.SUBMITTED_BY, r.submittedBy()).set(BACKTEST_RUN.SUBMITTED_AT, r.submittedAt())
                .set(BACKTEST_RUN.LABEL, r.label()).set(BACKTEST_RUN.CONFIG_SOURCE, r.configSource())
                .set(BACKTEST_RUN.CONFIG_KEY, r.configKey()).set(BACKTEST_RUN.CONFIG_VERSION, r.configVersion())
                .set(BACKTEST_RUN.STRATEGY_TYPE, r.strategyType()).set(BACKTEST_RUN.DOCUMENT, r.document())
                .set(BACKTEST_RUN.SYMBOLS, String.join(",", r.symbols()))
                .set(BACKTEST_RUN.DATE_FROM, r.from()).set(BACKTEST_RUN.DATE_TO, r.to())
                .set(BACKTEST_RUN.CASH, r.cash()).set(BACKTEST_RUN.QUANTITY, r.quantity())
                .set(BACKTEST_RUN.FILL_MODEL, r.fill().name()).set(BACKTEST_RUN.FEE_MODEL, r.fee().name())
                .set(BACKTEST_RUN.FEE_VALUE, r.feeValue()).set(BACKTEST_RUN.SLIPPAGE_MODEL, r.slippage().name())
                .set(BACKTEST_RUN.SLIPPAGE_VALUE, r.slippageValue())
                .set(BACKTEST_RUN.CLOSE_AT_END, r.closeAtEnd()).set(BACKTEST_RUN.CASH_ONLY, r.cashOnly())
                .set(BACKTEST_RUN.RUNNER, r.runner()).set(BACKTEST_RUN.STATE, RunState.QUEUED.name())
                .set(BACKTEST_RUN.MODE, r.mode().name()).set(BACKTEST_RUN.MAX_POSITIONS, r.maxPositions())
                .set(BACKTEST_RUN.HEAT_CAP, r.heatCap()).set(BACKTEST_RUN.BUYING_POWER, r.buyingPower())
                .set(BACKTEST_RUN.MIS_LEVERAGE, r.misLeverage())
                .set(BACKTEST_RUN.CORRELATION_GROUPS, CorrelationGroups.format(r.correlationGroups()))
                .set(BACKTEST_RUN.MAX_POSITIONS_PER_GROUP, r.maxPositionsPerGroup())
                .set(BACKTEST_RUN.UNIVERSE, r.universe())
                .returning(BACKTEST_RUN.RUN_ID).fetchOne().getRunId();
    }

    Optional<BacktestRun> run(long id) {
        return db.selectFrom(BACKTEST_RUN).where(BACKTEST_RUN.RUN_ID.eq(id)).fetchOptional().map(JooqBacktestStore::view);
    }

    List<BacktestRun> latest(int limit) {
        return db.selectFrom(BACKTEST_RUN).orderBy(BACKTEST_RUN.RUN_ID.desc()).limit(limit).fetch(JooqBacktestStore::view);
    }

    /** Runs not finished, oldest first (for re-scheduling after a start). */
    List<Long> unfinished() {
        return db.select(BACKTEST_RUN.RUN_ID).from(BACKTEST_RUN)
                .where(BACKTEST_RUN.STATE.in(RunState.QUEUED.name(), RunState.RUNNING.name()))
                .orderBy(BACKTEST_RUN.RUN_ID).fetch(BACKTEST_RUN.RUN_ID);
    }

    String reportHtml(long id) {
        return db.select(BACKTEST_RUN.REPORT_HTML).from(BACKTEST_RUN).where(BACKTEST_RUN.RUN_ID.eq(id)).fetchOne(BACKTEST_RUN.REPORT_HTML);
    }

    /**
     * Decides, under one transaction-scoped lock shared by every worker, whether run {@code id} starts now: a QUEUED run
     * starts when its submitter has fewer than {@code maxRunningPerUser} RUNNING and no older QUEUED run; a RUNNING
     * run is taken over only when Quartz recovers it after a worker's crash ({@code recovering}).
     */
    Claim claim(long id, boolean recovering, int maxRunningPerUser, String worker, Instant now) {
        return db.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            tx.select(DSL.field("pg_advisory_xact_lock(hashtext('tradepilot-backtests-claim'))")).fetch();
            BacktestRunRecord r = tx.selectFrom(BACKTEST_RUN).where(BACKTEST_RUN.RUN_ID.eq(id)).forUpdate().fetchOne();
            if (r == null) return new Claim.Skip("no such run");
            RunState state = RunState.valueOf(r.getState());
            if (state.terminal()) return new Claim.Skip("already " + state);
            if (r.getCancelRequested()) {
                finish(tx, id, state, RunState.CANCELLED, null, now);
                return new Claim.Skip("cancelled");
            }
            if (state == RunState.RUNNING && !recovering) return new Claim.Skip("being run by " + r.getWorker());
            if (state == RunState.QUEUED) {
                int running = tx.fetchCount(BACKTEST_RUN, BACKTEST_RUN.SUBMITTED_BY.eq(r.getSubmittedBy())
                        .and(BACKTEST_RUN.STATE.eq(RunState.RUNNING.name())));
                boolean olderQueued = tx.fetchExists(BACKTEST_RUN, BACKTEST_RUN.SUBMITTED_BY.eq(r.getSubmittedBy())
                        .and(BACKTEST_RUN.STATE.eq(RunState.QUEUED.name())).and(BACKTEST_RUN.RUN_ID.lt(id)));
                if (running >= maxRunningPerUser || olderQueued) return new Claim.Defer();
            }
            int attempt = r.getAttempts() + 1;
            tx.update(BACKTEST_RUN).set(BACKTEST_RUN.STATE, RunState.RUNNING.name()).set(BACKTEST_RUN.ATTEMPTS, attempt)
                    .set(BACKTEST_RUN.WORKER, worker).set(BACKTEST_RUN.STARTED_AT, now).set(BACKTEST_RUN.PROGRESS_AT, now)
                    .set(BACKTEST_RUN.BARS_DONE, 0L).where(BACKTEST_RUN.RUN_ID.eq(id)).execute();
            return new Claim.Run(run(tx, id), attempt);
        });
    }

    private static BacktestRun run(DSLContext tx, long id) {
        return view(tx.selectFrom(BACKTEST_RUN).where(BACKTEST_RUN.RUN_ID.eq(id)).fetchOne());
    }

    /** Records the loaded data: total bars and fingerprint (only while this attempt runs it). */
    void dataLoaded(long id, int attempt, long barsTotal, String fingerprint) {
        db.update(BACKTEST_RUN).set(BACKTEST_RUN.BARS_TOTAL, barsTotal).set(BACKTEST_RUN.DATA_FINGERPRINT, fingerprint)
                .where(BACKTEST_RUN.RUN_ID.eq(id), BACKTEST_RUN.ATTEMPTS.eq(attempt), BACKTEST_RUN.STATE.eq(RunState.RUNNING.name())).execute();
    }

    /** Records progress; answers whether the run should stop (cancel requested, or no longer this attempt's). */
    boolean progress(long id, int attempt, long barsDone, Instant now) {
        db.update(BACKTEST_RUN).set(BACKTEST_RUN.BARS_DONE, barsDone).set(BACKTEST_RUN.PROGRESS_AT, now)
                .where(BACKTEST_RUN.RUN_ID.eq(id), BACKTEST_RUN.ATTEMPTS.eq(attempt), BACKTEST_RUN.STATE.eq(RunState.RUNNING.name())).execute();
        var r = db.select(BACKTEST_RUN.CANCEL_REQUESTED, BACKTEST_RUN.STATE, BACKTEST_RUN.ATTEMPTS).from(BACKTEST_RUN)
                .where(BACKTEST_RUN.RUN_ID.eq(id)).fetchOne();
        Boolean stop = r == null ? null : r.value1() || !RunState.RUNNING.name().equals(r.value2()) || r.value3() != attempt;
        return stop == null || stop;
    }

    /**
     * Writes the result and DONE in one transaction, replacing rows an earlier attempt left; nothing is written
     * unless this attempt still runs the run. {@code portfolio}: a portfolio's account-only figures (null for
     * independent runs). Answers whether it was written.
     */
    boolean complete(long id, int attempt, long barsTotal, List<SymbolRows> rows, RunResult.Portfolio portfolio, String reportHtml, Instant now) {
        return db.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            BacktestRunRecord r = tx.selectFrom(BACKTEST_RUN).where(BACKTEST_RUN.RUN_ID.eq(id)).forUpdate().fetchOne();
            if (r == null || !RunState.RUNNING.name().equals(r.getState()) || r.getAttempts() != attempt || r.getCancelRequested()) return false;
            tx.deleteFrom(BACKTEST_TRADE).where(BACKTEST_TRADE.RUN_ID.eq(id)).execute();
            tx.deleteFrom(BACKTEST_EQUITY).where(BACKTEST_EQUITY.RUN_ID.eq(id)).execute();
            tx.deleteFrom(BACKTEST_SYMBOL).where(BACKTEST_SYMBOL.RUN_ID.eq(id)).execute();
            tx.deleteFrom(BACKTEST_REFUSAL).where(BACKTEST_REFUSAL.RUN_ID.eq(id)).execute();
            tx.deleteFrom(BACKTEST_CONTRIBUTION).where(BACKTEST_CONTRIBUTION.RUN_ID.eq(id)).execute();
            if (portfolio != null) writePortfolio(tx, id, portfolio);
            for (SymbolRows s : rows) {
                SymbolResult f = s.figures();
                tx.insertInto(BACKTEST_SYMBOL).set(BACKTEST_SYMBOL.RUN_ID, id).set(BACKTEST_SYMBOL.SYMBOL, f.symbol())
                        .set(BACKTEST_SYMBOL.BARS, f.bars()).set(BACKTEST_SYMBOL.FIRST_BAR, f.firstBar()).set(BACKTEST_SYMBOL.LAST_BAR, f.lastBar())
                        .set(BACKTEST_SYMBOL.DATA_SHA256, f.dataSha256()).set(BACKTEST_SYMBOL.TRADES, f.trades())
                        .set(BACKTEST_SYMBOL.INITIAL_CASH, f.initialCash()).set(BACKTEST_SYMBOL.FINAL_EQUITY, f.finalEquity())
                        .set(BACKTEST_SYMBOL.FINAL_CASH, f.finalCash()).set(BACKTEST_SYMBOL.OPEN_QUANTITY, f.openQuantity())
                        .set(BACKTEST_SYMBOL.FEES, f.fees()).set(BACKTEST_SYMBOL.REALIZED_PNL_GROSS, f.realizedPnlGross())
                        .set(BACKTEST_SYMBOL.TRADES_PNL_GROSS, f.tradesPnlGross()).set(BACKTEST_SYMBOL.TRADES_PNL_NET, f.tradesPnlNet())
                        .set(BACKTEST_SYMBOL.TOTAL_RETURN, num(f.totalReturn())).set(BACKTEST_SYMBOL.CAGR, num(f.cagr()))
                        .set(BACKTEST_SYMBOL.SHARPE, num(f.sharpe())).set(BACKTEST_SYMBOL.SORTINO, num(f.sortino()))
                        .set(BACKTEST_SYMBOL.MAX_DRAWDOWN, num(f.maxDrawdown())).set(BACKTEST_SYMBOL.WIN_RATE, num(f.winRate()))
                        .set(BACKTEST_SYMBOL.PROFIT_FACTOR, num(f.profitFactor())).set(BACKTEST_SYMBOL.EXPECTANCY, num(f.expectancy()))
                        .set(BACKTEST_SYMBOL.AVERAGE_R, num(f.averageR())).set(BACKTEST_SYMBOL.EXPOSURE_TIME, num(f.exposureTime()))
                        .execute();
                var equity = tx.insertInto(BACKTEST_EQUITY, BACKTEST_EQUITY.RUN_ID, BACKTEST_EQUITY.SYMBOL, BACKTEST_EQUITY.SEQ,
                        BACKTEST_EQUITY.BAR_TIME, BACKTEST_EQUITY.EQUITY);
                for (int i = 0; i < s.equity().size(); i++) {
                    RunResult.Point p = s.equity().get(i);
                    equity = equity.values(id, f.symbol(), i, p.time(), p.equity());
                }
                if (!s.equity().isEmpty()) equity.execute();
                if (!s.trades().isEmpty()) {
                    var trades = tx.insertInto(BACKTEST_TRADE, BACKTEST_TRADE.RUN_ID, BACKTEST_TRADE.SYMBOL, BACKTEST_TRADE.SEQ,
                            BACKTEST_TRADE.SIDE, BACKTEST_TRADE.ENTRY_TIME, BACKTEST_TRADE.ENTRY_PRICE, BACKTEST_TRADE.EXIT_TIME,
                            BACKTEST_TRADE.EXIT_PRICE, BACKTEST_TRADE.QUANTITY, BACKTEST_TRADE.GROSS_PNL, BACKTEST_TRADE.FEES,
                            BACKTEST_TRADE.NET_PNL, BACKTEST_TRADE.R_MULTIPLE);
                    for (BacktestTrade t : s.trades()) {
                        trades = trades.values(id, t.symbol(), t.seq(), t.side(), t.entryTime(), t.entryPrice(), t.exitTime(), t.exitPrice(),
                                t.quantity(), t.grossPnl(), t.fees(), t.netPnl(), t.rMultiple());
                    }
                    trades.execute();
                }
            }
            tx.update(BACKTEST_RUN).set(BACKTEST_RUN.STATE, RunState.DONE.name()).set(BACKTEST_RUN.BARS_DONE, barsTotal)
                    .set(BACKTEST_RUN.BARS_TOTAL, barsTotal).set(BACKTEST_RUN.FINISHED_AT, now).set(BACKTEST_RUN.PROGRESS_AT, now)
                    .set(BACKTEST_RUN.REPORT_HTML, reportHtml).where(BACKTEST_RUN.RUN_ID.eq(id)).execute();
            return true;
        });
    }

    private static void writePortfolio(DSLContext tx, long id, RunResult.Portfolio p) {
        tx.update(BACKTEST_RUN).set(BACKTEST_RUN.OPEN_PNL_NET, p.openPnlNet()).set(BACKTEST_RUN.RECONCILIATION_DIFFERENCE, p.reconciliationDifference())
                .set(BACKTEST_RUN.MIN_CASH, p.minCash()).set(BACKTEST_RUN.MAX_OPEN_POSITIONS, p.maxOpenPositions())
                .where(BACKTEST_RUN.RUN_ID.eq(id)).execute();
        p.refusalsByReason().forEach((reason, orders) -> tx.insertInto(BACKTEST_REFUSAL).set(BACKTEST_REFUSAL.RUN_ID, id)
                .set(BACKTEST_REFUSAL.REASON, reason).set(BACKTEST_REFUSAL.ORDERS, orders).execute());
        for (RunResult.Contribution c : p.contributions()) {
            tx.insertInto(BACKTEST_CONTRIBUTION).set(BACKTEST_CONTRIBUTION.RUN_ID, id).set(BACKTEST_CONTRIBUTION.SYMBOL, c.symbol())
                    .set(BACKTEST_CONTRIBUTION.BARS, c.bars()).set(BACKTEST_CONTRIBUTION.FIRST_BAR, c.firstBar())
                    .set(BACKTEST_CONTRIBUTION.LAST_BAR, c.lastBar()).set(BACKTEST_CONTRIBUTION.DATA_SHA256, c.dataSha256())
                    .set(BACKTEST_CONTRIBUTION.TRADES, c.trades()).set(BACKTEST_CONTRIBUTION.TRADES_PNL_GROSS, c.tradesPnlGross())
                    .set(BACKTEST_CONTRIBUTION.TRADES_FEES, c.tradesFees()).set(BACKTEST_CONTRIBUTION.TRADES_PNL_NET, c.tradesPnlNet())
                    .set(BACKTEST_CONTRIBUTION.OPEN_QUANTITY, c.openQuantity()).set(BACKTEST_CONTRIBUTION.OPEN_PNL_NET, c.openPnlNet())
                    .set(BACKTEST_CONTRIBUTION.CONTRIBUTION, c.contribution()).set(BACKTEST_CONTRIBUTION.REFUSALS, c.refusals()).execute();
        }
    }

    /** A portfolio run's account-only figures (null for an independent run or one not DONE). */
    RunResult.Portfolio portfolio(long id) {
        BacktestRunRecord r = db.selectFrom(BACKTEST_RUN).where(BACKTEST_RUN.RUN_ID.eq(id)).fetchOne();
        if (r == null || !BacktestMode.PORTFOLIO.name().equals(r.getMode()) || r.getOpenPnlNet() == null) return null;
        Map<String, Long> refusals = new LinkedHashMap<>();
        db.selectFrom(BACKTEST_REFUSAL).where(BACKTEST_REFUSAL.RUN_ID.eq(id)).orderBy(BACKTEST_REFUSAL.REASON)
                .forEach(f -> refusals.put(f.getReason(), f.getOrders()));
        List<RunResult.Contribution> contributions = db.selectFrom(BACKTEST_CONTRIBUTION).where(BACKTEST_CONTRIBUTION.RUN_ID.eq(id))
                .orderBy(BACKTEST_CONTRIBUTION.SYMBOL).fetch(c -> new RunResult.Contribution(c.getSymbol(), c.getBars(), c.getFirstBar(),
                        c.getLastBar(), c.getDataSha256(), c.getTrades(), c.getTradesPnlGross(), c.getTradesFees(), c.getTradesPnlNet(),
                        c.getOpenQuantity(), c.getOpenPnlNet(), c.getContribution(), c.getRefusals()));
        return new RunResult.Portfolio(r.getOpenPnlNet(), r.getReconciliationDifference(), r.getMinCash(),
                r.getMaxOpenPositions() == null ? 0 : r.getMaxOpenPositions(), refusals, contributions);
    }

    /** Ends the run in {@code to} when it is still in {@code from}; answers whether it did. */
    boolean finish(long id, RunState from, RunState to, String error, Instant now) {
        return finish(db, id, from, to, error, now);
    }

    private static boolean finish(DSLContext tx, long id, RunState from, RunState to, String error, Instant now) {
        return tx.update(BACKTEST_RUN).set(BACKTEST_RUN.STATE, to.name()).set(BACKTEST_RUN.ERROR, error)
                .set(BACKTEST_RUN.FINISHED_AT, now).where(BACKTEST_RUN.RUN_ID.eq(id), BACKTEST_RUN.STATE.eq(from.name())).execute() == 1;
    }

    /** Marks a cancel request on a RUNNING run; answers whether it did. */
    boolean requestCancel(long id) {
        return db.update(BACKTEST_RUN).set(BACKTEST_RUN.CANCEL_REQUESTED, true)
                .where(BACKTEST_RUN.RUN_ID.eq(id), BACKTEST_RUN.STATE.in(RunState.QUEUED.name(), RunState.RUNNING.name())).execute() == 1;
    }

    List<SymbolResult> symbols(long id) {
        return db.selectFrom(BACKTEST_SYMBOL).where(BACKTEST_SYMBOL.RUN_ID.eq(id)).orderBy(BACKTEST_SYMBOL.SYMBOL).fetch(s ->
                new SymbolResult(s.getSymbol(), s.getBars(), s.getFirstBar(), s.getLastBar(), s.getDataSha256(), s.getTrades(),
                        s.getInitialCash(), s.getFinalEquity(), s.getFinalCash(), s.getOpenQuantity(), s.getFees(), s.getRealizedPnlGross(),
                        s.getTradesPnlGross(), s.getTradesPnlNet(), dbl(s.getTotalReturn()), dbl(s.getCagr()), dbl(s.getSharpe()),
                        dbl(s.getSortino()), dbl(s.getMaxDrawdown()), dbl(s.getWinRate()), dbl(s.getProfitFactor()),
                        dbl(s.getExpectancy()), dbl(s.getAverageR()), dbl(s.getExposureTime())));
    }

    Map<String, List<RunResult.Point>> equity(long id) {
        Map<String, List<RunResult.Point>> out = new LinkedHashMap<>();
        db.selectFrom(BACKTEST_EQUITY).where(BACKTEST_EQUITY.RUN_ID.eq(id)).orderBy(BACKTEST_EQUITY.SYMBOL, BACKTEST_EQUITY.SEQ)
                .forEach(r -> out.computeIfAbsent(r.getSymbol(), k -> new ArrayList<>()).add(new RunResult.Point(r.getBarTime(), r.getEquity())));
        return out;
    }

    List<BacktestTrade> trades(long id) {
        return db.selectFrom(BACKTEST_TRADE).where(BACKTEST_TRADE.RUN_ID.eq(id))
                .orderBy(BACKTEST_TRADE.EXIT_TIME, BACKTEST_TRADE.SYMBOL, BACKTEST_TRADE.SEQ).fetch(t ->
                        new BacktestTrade(t.getSymbol(), t.getSeq(), t.getSide(), t.getEntryTime(), t.getEntryPrice(), t.getExitTime(),
                                t.getExitPrice(), t.getQuantity(), t.getGrossPnl(), t.getFees(), t.getNetPnl(), t.getRMultiple()));
    }

    private static Double num(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }

    private static double dbl(Double v) {
        return v == null ? Double.NaN : v;
    }

    static BacktestRun view(BacktestRunRecord r) {
        RunState state = RunState.valueOf(r.getState());
        Instant eta = null;
        if (state == RunState.RUNNING && r.getStartedAt() != null && r.getProgressAt() != null && r.getBarsDone() > 0 && r.getBarsTotal() > 0) {
            long elapsed = Duration.between(r.getStartedAt(), r.getProgressAt()).toMillis();
            eta = r.getProgressAt().plusMillis(Math.round(elapsed * ((double) (r.getBarsTotal() - r.getBarsDone()) / r.getBarsDone())));
        }
        return new BacktestRun(r.getRunId(), r.getLabel(), r.getSubmittedBy(), r.getSubmittedAt(), state, r.getConfigSource(),
                r.getConfigKey(), r.getConfigVersion(), r.getStrategyType(), r.getDocument(),
                Arrays.asList(r.getSymbols().split(",")), r.getDateFrom(), r.getDateTo(), r.getCash(), r.getQuantity(),
                FillModel.valueOf(r.getFillModel()), FeeModel.valueOf(r.getFeeModel()), r.getFeeValue(),
                SlippageModel.valueOf(r.getSlippageModel()), r.getSlippageValue(), r.getCloseAtEnd(), r.getCashOnly(), r.getRunner(),
                r.getCancelRequested(), r.getBarsDone(), r.getBarsTotal(), r.getStartedAt(), r.getFinishedAt(), eta, r.getAttempts(),
                r.getError(), r.getDataFingerprint(), BacktestMode.valueOf(r.getMode()), r.getMaxPositions(), r.getHeatCap(), r.getBuyingPower(),
                r.getMisLeverage(), CorrelationGroups.parse(r.getCorrelationGroups()), r.getMaxPositionsPerGroup(), r.getUniverse());
    }
}
