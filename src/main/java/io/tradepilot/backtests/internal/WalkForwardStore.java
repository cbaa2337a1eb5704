package io.tradepilot.backtests.internal;

import io.tradepilot.backtests.RunState;
import io.tradepilot.backtests.WalkForwardInfo;
import io.tradepilot.engine.research.ParameterAxis;
import io.tradepilot.engine.research.SeriesOutcome;
import io.tradepilot.engine.research.WalkForward;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.tradepilot.backtests.internal.SweepStore.instant;
import static io.tradepilot.backtests.internal.SweepStore.utc;

/**
 * Walk-forwards and their windows in PostgreSQL (V163). A window leaves a state only from the state it is in; its result
 * is written into its own row with its DONE in one transaction, only by its current attempt of a walk-forward not
 * cancelled, so a redone window replaces and never counts twice; the walk-forward turns DONE in the transaction of its
 * last window.
 */
class WalkForwardStore {

    /** A walk-forward as validated: the run's fields, the optimised axes, the windows of each symbol. */
    record NewWalkForward(JooqBacktestStore.NewRun run, List<ParameterAxis> axes, int cells, int isBars, int oosBars, boolean anchored,
                          String metric, List<NewWindow> windows) {
    }

    /** One symbol's window: its bar indices and the start of its first and last bars. */
    record NewWindow(String symbol, WalkForward.Window window, Instant isFirst, Instant isLast, Instant oosFirst, Instant oosLast) {
    }

    /** What a window job needs: the run (as a sweep's, without sample) and the walk-forward's settings. */
    record Stored(SweepStore.Stored run, int isBars, int oosBars, boolean anchored, String metric) {
    }

    /** A window's claim: compute {@code window} of {@code symbol} as attempt {@code attempt}; null when there is nothing to do. */
    record Claim(Stored walkForward, int job, String symbol, WalkForward.Window window, int attempt) {
    }

    /** A DONE window's stored result. */
    record WindowRow(String symbol, WalkForward.Window window, Instant isFirst, Instant isLast, Instant oosFirst, Instant oosLast,
                     Map<String, String> params, int cellIndex, double isObjective, BigDecimal isPnlNet, SeriesOutcome isOutcome,
                     BigDecimal oosPnlNet, SeriesOutcome oosOutcome, int runFrom, List<WalkForward.EquityPoint> oosEquity) {

        WalkForward.WindowFigures figures() {
            return new WalkForward.WindowFigures(window.isTo() - window.isFrom(), window.oosTo() - window.oosFrom(), isPnlNet, oosPnlNet, oosEquity);
        }
    }

    private final DSLContext db;

    WalkForwardStore(DSLContext db) {
        this.db = db;
    }

    /** Inserts the walk-forward and its windows, all QUEUED; job numbers follow {@code w.windows()}'s order. */
    long insert(NewWalkForward w, Instant now) {
        return db.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            JooqBacktestStore.NewRun r = w.run();
            long id = tx.fetchOne("""
                    insert into backtest_walkforward (submitted_by, submitted_at, label, config_source, config_key, config_version, strategy_type,
                      document, symbols, date_from, date_to, cash, quantity, fill_model, fee_model, fee_value, slippage_model, slippage_value,
                      close_at_end, cash_only, axes, cells, is_bars, oos_bars, anchored, metric, windows, state)
                    values (?, ?::timestamptz, ?, ?, ?, ?, ?, ?, ?, ?::date, ?::date, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED')
                    returning walkforward_id""",
                    r.submittedBy(), utc(r.submittedAt()), r.label(), r.configSource(), r.configKey(), r.configVersion(), r.strategyType(),
                    r.document(), String.join(",", r.symbols()), r.from(), r.to(), r.cash(), r.quantity(), r.fill().name(), r.fee().name(),
                    r.feeValue(), r.slippage().name(), r.slippageValue(), r.closeAtEnd(), r.cashOnly(), SweepStore.axes(w.axes()), w.cells(),
                    w.isBars(), w.oosBars(), w.anchored(), w.metric(), w.windows().size()).get(0, Long.class);
            var insert = tx.insertInto(DSL.table("backtest_walkforward_window"), DSL.field("walkforward_id"), DSL.field("job_no"), DSL.field("symbol"),
                    DSL.field("window_no"), DSL.field("is_from"), DSL.field("is_to"), DSL.field("oos_from"), DSL.field("oos_to"), DSL.field("is_first"),
                    DSL.field("is_last"), DSL.field("oos_first"), DSL.field("oos_last"), DSL.field("state"));
            for (int k = 0; k < w.windows().size(); k++) {
                NewWindow n = w.windows().get(k);
                WalkForward.Window x = n.window();
                insert = insert.values(id, k, n.symbol(), x.index(), x.isFrom(), x.isTo(), x.oosFrom(), x.oosTo(), utc(n.isFirst()), utc(n.isLast()),
                        utc(n.oosFirst()), utc(n.oosLast()), "QUEUED");
            }
            insert.execute();
            return id;
        });
    }

    Optional<WalkForwardInfo> info(long id) {
        return db.fetch("select * from backtest_walkforward where walkforward_id = ?", id).stream().findFirst().map(this::view);
    }

    List<WalkForwardInfo> latest(int limit) {
        return db.fetch("select * from backtest_walkforward order by walkforward_id desc limit ?", limit).map(this::view);
    }

    Optional<Stored> stored(long id) {
        return stored(db, id);
    }

    /** Job numbers not DONE of walk-forwards QUEUED or RUNNING (to queue again when their jobs are missing). */
    List<long[]> unfinishedWindows() {
        return db.fetch("""
                select w.walkforward_id, w.job_no from backtest_walkforward_window w join backtest_walkforward f on f.walkforward_id = w.walkforward_id
                where f.state in ('QUEUED', 'RUNNING') and w.state in ('QUEUED', 'RUNNING') order by w.walkforward_id, w.job_no""")
                .map(r -> new long[]{r.get(0, Long.class), r.get(1, Integer.class)});
    }

    /**
     * Claims window job {@code job} of walk-forward {@code id}: a QUEUED window of a walk-forward not finished, or a
     * RUNNING one when Quartz recovers it after its worker died ({@code recovering}). Null when there is nothing to do;
     * a cancelled walk-forward's window ends CANCELLED.
     */
    Claim claim(long id, int job, boolean recovering, String worker, Instant now) {
        return db.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            Record w = tx.fetchOne("select * from backtest_walkforward_window where walkforward_id = ? and job_no = ? for update", id, job);
            if (w == null) return null;
            Stored s = stored(tx, id).orElseThrow();
            String state = w.get("state", String.class);
            if (s.run().state().terminal() || s.run().cancelRequested()) {
                if (!state.equals("DONE")) {
                    tx.execute("update backtest_walkforward_window set state = 'CANCELLED', finished_at = ?::timestamptz where walkforward_id = ? and job_no = ?",
                            utc(now), id, job);
                }
                return null;
            }
            if (!state.equals("QUEUED") && !(state.equals("RUNNING") && recovering)) return null;
            int attempt = w.get("attempt", Integer.class) + 1;
            tx.execute("update backtest_walkforward_window set state = 'RUNNING', attempt = ?, worker = ?, started_at = ?::timestamptz "
                    + "where walkforward_id = ? and job_no = ?", attempt, worker, utc(now), id, job);
            tx.execute("update backtest_walkforward set state = 'RUNNING', started_at = coalesce(started_at, ?::timestamptz) where walkforward_id = ? "
                    + "and state = 'QUEUED'", utc(now), id);
            return new Claim(s, job, w.get("symbol", String.class), window(w), attempt);
        });
    }

    /**
     * Writes the window's result with its DONE in one transaction, and the walk-forward's DONE when it was the last;
     * nothing unless this attempt still runs the window of a walk-forward not cancelled. Answers whether it wrote.
     */
    boolean complete(long id, int job, int attempt, WalkForward.WindowResult r, Instant now) {
        return db.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            Record f = tx.fetchOne("select state, cancel_requested from backtest_walkforward where walkforward_id = ? for update", id);
            Record w = tx.fetchOne("select state, attempt from backtest_walkforward_window where walkforward_id = ? and job_no = ? for update", id, job);
            if (f == null || w == null || !"RUNNING".equals(f.get(0, String.class)) || f.get(1, Boolean.class)
                    || !"RUNNING".equals(w.get(0, String.class)) || w.get(1, Integer.class) != attempt) {
                return false;
            }
            SeriesOutcome oos = SeriesOutcome.of(r.oos());
            StringBuilder equity = new StringBuilder();
            for (WalkForward.EquityPoint p : WalkForward.oosEquity(r)) equity.append(p.time().toEpochMilli()).append(',').append(p.equity().toPlainString()).append('\n');
            tx.execute("""
                    update backtest_walkforward_window set state = 'DONE', finished_at = ?::timestamptz, params = ?, cell_index = ?, is_objective = ?,
                      is_pnl_net = ?, is_outcome = ?, oos_pnl_net = ?, oos_outcome = ?, run_from = ?, oos_equity = ? where walkforward_id = ? and job_no = ?""",
                    utc(now), SweepStore.params(r.chosen().params()), r.chosen().index(), Double.isNaN(r.isObjective()) ? null : r.isObjective(),
                    r.isPnlNet(), SweepStore.outcomes(List.of(r.isOutcome())), r.oosPnlNet(), SweepStore.outcomes(List.of(oos)), r.runFrom(), equity.toString(), id, job);
            int open = tx.fetchOne("select count(*) from backtest_walkforward_window where walkforward_id = ? and state <> 'DONE'", id).get(0, Integer.class);
            if (open == 0) tx.execute("update backtest_walkforward set state = 'DONE', finished_at = ?::timestamptz where walkforward_id = ?", utc(now), id);
            return true;
        });
    }

    /** Ends window and walk-forward FAILED with {@code error} (when this attempt still runs the window). */
    void fail(long id, int job, int attempt, String error, Instant now) {
        db.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            if (tx.execute("update backtest_walkforward_window set state = 'FAILED', error = ?, finished_at = ?::timestamptz where walkforward_id = ? "
                    + "and job_no = ? and state = 'RUNNING' and attempt = ?", error, utc(now), id, job, attempt) == 1) {
                tx.execute("update backtest_walkforward set state = 'FAILED', error = ?, finished_at = ?::timestamptz where walkforward_id = ? "
                        + "and state in ('QUEUED', 'RUNNING')", "window " + job + ": " + error, utc(now), id);
            }
        });
    }

    /** Marks a QUEUED or RUNNING walk-forward CANCELLED (its windows skip when they fire); answers whether it did. */
    boolean cancel(long id, Instant now) {
        return db.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            if (tx.execute("update backtest_walkforward set cancel_requested = true, state = 'CANCELLED', finished_at = ?::timestamptz "
                    + "where walkforward_id = ? and state in ('QUEUED', 'RUNNING')", utc(now), id) != 1) return false;
            tx.execute("update backtest_walkforward_window set state = 'CANCELLED', finished_at = ?::timestamptz where walkforward_id = ? and state = 'QUEUED'",
                    utc(now), id);
            return true;
        });
    }

    /** The DONE windows' results, in job order (symbol order, then window order). */
    List<WindowRow> windows(long id) {
        return db.fetch("select * from backtest_walkforward_window where walkforward_id = ? and state = 'DONE' order by job_no", id).map(w -> {
            List<WalkForward.EquityPoint> equity = new ArrayList<>();
            w.get("oos_equity", String.class).lines().filter(l -> !l.isBlank()).forEach(l -> {
                int comma = l.indexOf(',');
                equity.add(new WalkForward.EquityPoint(Instant.ofEpochMilli(Long.parseLong(l.substring(0, comma))), new BigDecimal(l.substring(comma + 1))));
            });
            Double objective = w.get("is_objective", Double.class);
            return new WindowRow(w.get("symbol", String.class), window(w), instant(w, "is_first"), instant(w, "is_last"), instant(w, "oos_first"),
                    instant(w, "oos_last"), SweepStore.params(w.get("params", String.class)), w.get("cell_index", Integer.class),
                    objective == null ? Double.NaN : objective, w.get("is_pnl_net", BigDecimal.class),
                    SweepStore.outcomes(w.get("is_outcome", String.class)).getFirst(), w.get("oos_pnl_net", BigDecimal.class),
                    SweepStore.outcomes(w.get("oos_outcome", String.class)).getFirst(), w.get("run_from", Integer.class), equity);
        });
    }

    private static WalkForward.Window window(Record w) {
        return new WalkForward.Window(w.get("window_no", Integer.class), w.get("is_from", Integer.class), w.get("is_to", Integer.class),
                w.get("oos_from", Integer.class), w.get("oos_to", Integer.class));
    }

    private Optional<Stored> stored(DSLContext tx, long id) {
        return tx.fetch("select * from backtest_walkforward where walkforward_id = ?", id).stream().findFirst().map(r -> new Stored(
                SweepStore.stored(r, id), r.get("is_bars", Integer.class), r.get("oos_bars", Integer.class), r.get("anchored", Boolean.class),
                r.get("metric", String.class)));
    }

    private WalkForwardInfo view(Record r) {
        long id = r.get("walkforward_id", Long.class);
        Map<String, Integer> workers = new LinkedHashMap<>();
        db.fetch("select worker, count(*) from backtest_walkforward_window where walkforward_id = ? and state = 'DONE' group by worker order by worker", id)
                .forEach(w -> workers.put(w.get(0, String.class), w.get(1, Integer.class)));
        Map<String, List<String>> axes = new LinkedHashMap<>();
        for (ParameterAxis a : SweepStore.axes(r.get("axes", String.class))) axes.put(a.name(), a.values());
        return new WalkForwardInfo(id, r.get("label", String.class), r.get("submitted_by", String.class), instant(r, "submitted_at"),
                RunState.valueOf(r.get("state", String.class)), r.get("strategy_type", String.class), r.get("config_key", String.class),
                r.get("config_version", Integer.class), Arrays.asList(r.get("symbols", String.class).split(",")), r.get("date_from", LocalDate.class),
                r.get("date_to", LocalDate.class), r.get("cash", BigDecimal.class), r.get("quantity", BigDecimal.class), axes,
                r.get("cells", Integer.class), r.get("is_bars", Integer.class), r.get("oos_bars", Integer.class), r.get("anchored", Boolean.class),
                r.get("metric", String.class), r.get("windows", Integer.class), workers.values().stream().mapToInt(Integer::intValue).sum(),
                r.get("cancel_requested", Boolean.class), instant(r, "started_at"), instant(r, "finished_at"), r.get("error", String.class), workers);
    }
}
