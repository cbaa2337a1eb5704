package io.tradepilot.backtests.internal;

import io.tradepilot.backtests.FeeModel;
import io.tradepilot.backtests.FillModel;
import io.tradepilot.backtests.RunState;
import io.tradepilot.backtests.SlippageModel;
import io.tradepilot.backtests.SweepInfo;
import io.tradepilot.engine.backtest.Metrics;
import io.tradepilot.engine.research.Cell;
import io.tradepilot.engine.research.CellResult;
import io.tradepilot.engine.research.ParameterAxis;
import io.tradepilot.engine.research.SeriesOutcome;
import io.tradepilot.engine.research.SweepChunk;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sweeps, their chunks and cells in PostgreSQL (V134). A chunk leaves a state only from the state it is in; its
 * cells are written with its DONE in one transaction after deleting any cell of its range an earlier attempt left,
 * so a redone chunk replaces and never double counts; the sweep turns DONE in the transaction of its last chunk.
 */
class SweepStore {

    /** A sweep as validated: the run's fields and the swept axes. */
    record NewSweep(JooqBacktestStore.NewRun run, List<ParameterAxis> axes, Integer samples, Long seed, int cells, int chunkSize) {
    }

    /** What a sweep's chunk job needs. */
    record Stored(long id, RunState state, boolean cancelRequested, String strategyType, String document, List<String> symbols,
                  LocalDate from, LocalDate to, BigDecimal cash, BigDecimal quantity, FillModel fill, FeeModel fee, BigDecimal feeValue,
                  SlippageModel slippage, BigDecimal slippageValue, boolean closeAtEnd, boolean cashOnly, List<ParameterAxis> axes,
                  Integer samples, Long seed) {
    }

    /** A chunk's claim: run cells [from, to) as attempt {@code attempt}; null from {@link #claim} when there is nothing to do. */
    record Claim(Stored sweep, int chunk, int from, int to, int attempt) {
    }

    private final DSLContext db;

    SweepStore(DSLContext db) {
        this.db = db;
    }

    /** Inserts the sweep and its chunks ({@code ranges} of {@code SweepChunk.ranges}), all QUEUED. */
    long insert(NewSweep s, List<int[]> ranges, Instant now) {
        return db.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            JooqBacktestStore.NewRun r = s.run();
            long id = tx.fetchOne("""
                    insert into backtest_sweep (submitted_by, submitted_at, label, config_source, config_key, config_version, strategy_type,
                      document, symbols, date_from, date_to, cash, quantity, fill_model, fee_model, fee_value, slippage_model, slippage_value,
                      close_at_end, cash_only, axes, samples, seed, cells, chunk_size, chunks, state)
                    values (?, ?::timestamptz, ?, ?, ?, ?, ?, ?, ?, ?::date, ?::date, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED') returning sweep_id""",
                    r.submittedBy(), r.submittedAt().atOffset(java.time.ZoneOffset.UTC), r.label(), r.configSource(), r.configKey(), r.configVersion(),
                    r.strategyType(), r.document(), String.join(",", r.symbols()), r.from(), r.to(), r.cash(), r.quantity(), r.fill().name(),
                    r.fee().name(), r.feeValue(), r.slippage().name(), r.slippageValue(), r.closeAtEnd(), r.cashOnly(), axes(s.axes()),
                    s.samples(), s.seed(), s.cells(), s.chunkSize(), ranges.size()).get(0, Long.class);
            for (int k = 0; k < ranges.size(); k++) {
                tx.execute("insert into backtest_sweep_chunk (sweep_id, chunk_no, cell_from, cell_to, state) values (?, ?, ?, ?, 'QUEUED')",
                        id, k, ranges.get(k)[0], ranges.get(k)[1]);
            }
            return id;
        });
    }

    Optional<SweepInfo> info(long id) {
        return db.fetch("select * from backtest_sweep where sweep_id = ?", id).stream().findFirst().map(this::view);
    }

    List<SweepInfo> latest(int limit) {
        return db.fetch("select * from backtest_sweep order by sweep_id desc limit ?", limit).map(this::view);
    }

    Optional<Stored> stored(long id) {
        return stored(db, id);
    }

    /** Chunk numbers not DONE of sweeps QUEUED or RUNNING (to queue again when their jobs are missing). */
    List<long[]> unfinishedChunks() {
        return db.fetch("""
                select c.sweep_id, c.chunk_no from backtest_sweep_chunk c join backtest_sweep s on s.sweep_id = c.sweep_id
                where s.state in ('QUEUED', 'RUNNING') and c.state in ('QUEUED', 'RUNNING') order by c.sweep_id, c.chunk_no""")
                .map(r -> new long[]{r.get(0, Long.class), r.get(1, Integer.class)});
    }

    /**
     * Claims chunk {@code chunk} of sweep {@code id}: a QUEUED chunk of a sweep not finished, or a RUNNING one when Quartz
     * recovers it after its worker died ({@code recovering}). Null when there is nothing to do; a cancelled sweep's chunk
     * ends CANCELLED.
     */
    Claim claim(long id, int chunk, boolean recovering, String worker, Instant now) {
        return db.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            Record c = tx.fetchOne("select * from backtest_sweep_chunk where sweep_id = ? and chunk_no = ? for update", id, chunk);
            if (c == null) return null;
            Stored s = stored(tx, id).orElseThrow();
            String state = c.get("state", String.class);
            if (s.state().terminal() || s.cancelRequested()) {
                if (!state.equals("DONE")) {
                    tx.execute("update backtest_sweep_chunk set state = 'CANCELLED', finished_at = ?::timestamptz where sweep_id = ? and chunk_no = ?",
                            utc(now), id, chunk);
                }
                return null;
            }
            if (!state.equals("QUEUED") && !(state.equals("RUNNING") && recovering)) return null;
            int attempt = c.get("attempt", Integer.class) + 1;
            tx.execute("update backtest_sweep_chunk set state = 'RUNNING', attempt = ?, worker = ?, started_at = ?::timestamptz where sweep_id = ? and chunk_no = ?",
                    attempt, worker, utc(now), id, chunk);
            tx.execute("update backtest_sweep set state = 'RUNNING', started_at = coalesce(started_at, ?::timestamptz) where sweep_id = ? and state = 'QUEUED'",
                    utc(now), id);
            return new Claim(s, chunk, c.get("cell_from", Integer.class), c.get("cell_to", Integer.class), attempt);
        });
    }

    /**
     * Writes the chunk's cells and its DONE in one transaction (replacing any cell of its range), and the sweep's DONE
     * when it was the last; nothing unless this attempt still runs the chunk of a sweep not cancelled. Answers whether
     * it wrote.
     */
    boolean complete(long id, int chunk, int attempt, SweepChunk result, Instant now) {
        return db.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            Record s = tx.fetchOne("select state, cancel_requested from backtest_sweep where sweep_id = ? for update", id);
            Record c = tx.fetchOne("select state, attempt from backtest_sweep_chunk where sweep_id = ? and chunk_no = ? for update", id, chunk);
            if (s == null || c == null || !"RUNNING".equals(s.get(0, String.class)) || s.get(1, Boolean.class)
                    || !"RUNNING".equals(c.get(0, String.class)) || c.get(1, Integer.class) != attempt) {
                return false;
            }
            tx.execute("delete from backtest_sweep_cell where sweep_id = ? and cell_index >= ? and cell_index < ?", id, result.from(), result.to());
            var insert = tx.insertInto(DSL.table("backtest_sweep_cell"), DSL.field("sweep_id"), DSL.field("cell_index"), DSL.field("chunk_no"),
                    DSL.field("attempt"), DSL.field("params"), DSL.field("kernel"), DSL.field("outcomes"), DSL.field("returns"));
            for (CellResult r : result.cells()) {
                insert = insert.values(id, r.cell().index(), chunk, attempt, params(r.cell().params()), r.kernel(), outcomes(r.series()),
                        r.returns() == null ? null : bytes(r.returns()));
            }
            if (!result.cells().isEmpty()) insert.execute();
            tx.execute("update backtest_sweep_chunk set state = 'DONE', finished_at = ?::timestamptz where sweep_id = ? and chunk_no = ?", utc(now), id, chunk);
            int open = tx.fetchOne("select count(*) from backtest_sweep_chunk where sweep_id = ? and state <> 'DONE'", id).get(0, Integer.class);
            if (open == 0) tx.execute("update backtest_sweep set state = 'DONE', finished_at = ?::timestamptz where sweep_id = ?", utc(now), id);
            return true;
        });
    }

    /** Ends chunk and sweep FAILED with {@code error} (when this attempt still runs the chunk). */
    void fail(long id, int chunk, int attempt, String error, Instant now) {
        db.transaction(cfg -> {
            DSLContext tx = DSL.using(cfg);
            if (tx.execute("update backtest_sweep_chunk set state = 'FAILED', error = ?, finished_at = ?::timestamptz where sweep_id = ? and chunk_no = ? "
                    + "and state = 'RUNNING' and attempt = ?", error, utc(now), id, chunk, attempt) == 1) {
                tx.execute("update backtest_sweep set state = 'FAILED', error = ?, finished_at = ?::timestamptz where sweep_id = ? and state in ('QUEUED', 'RUNNING')",
                        "chunk " + chunk + ": " + error, utc(now), id);
            }
        });
    }

    /** Marks a QUEUED or RUNNING sweep CANCELLED (its chunks skip when they fire); answers whether it did. */
    boolean cancel(long id, Instant now) {
        return db.transactionResult(cfg -> {
            DSLContext tx = DSL.using(cfg);
            if (tx.execute("update backtest_sweep set cancel_requested = true, state = 'CANCELLED', finished_at = ?::timestamptz where sweep_id = ? "
                    + "and state in ('QUEUED', 'RUNNING')", utc(now), id) != 1) return false;
            tx.execute("update backtest_sweep_chunk set state = 'CANCELLED', finished_at = ?::timestamptz where sweep_id = ? and state = 'QUEUED'", utc(now), id);
            return true;
        });
    }

    /** The DONE chunks' cells as chunks, in order. */
    List<SweepChunk> chunks(long id) {
        Map<Integer, List<CellResult>> byChunk = new LinkedHashMap<>();
        Map<Integer, int[]> ranges = new LinkedHashMap<>();
        db.fetch("select chunk_no, cell_from, cell_to from backtest_sweep_chunk where sweep_id = ? and state = 'DONE' order by chunk_no", id)
                .forEach(r -> {
                    ranges.put(r.get(0, Integer.class), new int[]{r.get(1, Integer.class), r.get(2, Integer.class)});
                    byChunk.put(r.get(0, Integer.class), new ArrayList<>());
                });
        db.fetch("select cell_index, chunk_no, params, kernel, outcomes, returns from backtest_sweep_cell where sweep_id = ? order by cell_index", id)
                .forEach(r -> {
                    List<CellResult> into = byChunk.get(r.get(1, Integer.class));
                    if (into == null) return;
                    byte[] returns = r.get(5, byte[].class);
                    into.add(new CellResult(new Cell(r.get(0, Integer.class), params(r.get(2, String.class))), r.get(3, Boolean.class),
                            outcomes(r.get(4, String.class)), null, returns == null ? null : doubles(returns)));
                });
        List<SweepChunk> out = new ArrayList<>();
        byChunk.forEach((k, cells) -> out.add(new SweepChunk(ranges.get(k)[0], ranges.get(k)[1], cells)));
        return out;
    }

    private Optional<Stored> stored(DSLContext tx, long id) {
        return tx.fetch("select * from backtest_sweep where sweep_id = ?", id).stream().findFirst().map(r -> stored(r, id));
    }

    /**
     * The run's fields of a row of {@code backtest_sweep} or of a table with the same run columns
     * ({@code backtest_walkforward}); {@code samples} and {@code seed} are null where the table has none.
     */
    static Stored stored(Record r, long id) {
        return new Stored(id,
                RunState.valueOf(r.get("state", String.class)), r.get("cancel_requested", Boolean.class), r.get("strategy_type", String.class),
                r.get("document", String.class), Arrays.asList(r.get("symbols", String.class).split(",")), r.get("date_from", LocalDate.class),
                r.get("date_to", LocalDate.class), r.get("cash", BigDecimal.class), r.get("quantity", BigDecimal.class),
                FillModel.valueOf(r.get("fill_model", String.class)), FeeModel.valueOf(r.get("fee_model", String.class)),
                r.get("fee_value", BigDecimal.class), SlippageModel.valueOf(r.get("slippage_model", String.class)),
                r.get("slippage_value", BigDecimal.class), r.get("close_at_end", Boolean.class), r.get("cash_only", Boolean.class),
                axes(r.get("axes", String.class)), r.field("samples") == null ? null : r.get("samples", Integer.class),
                r.field("seed") == null ? null : r.get("seed", Long.class));
    }

    private SweepInfo view(Record r) {
        long id = r.get("sweep_id", Long.class);
        Map<String, Integer> workers = new LinkedHashMap<>();
        db.fetch("select worker, count(*) from backtest_sweep_chunk where sweep_id = ? and state = 'DONE' group by worker order by worker", id)
                .forEach(w -> workers.put(w.get(0, String.class), w.get(1, Integer.class)));
        Map<String, List<String>> axes = new LinkedHashMap<>();
        for (ParameterAxis a : axes(r.get("axes", String.class))) axes.put(a.name(), a.values());
        return new SweepInfo(id, r.get("label", String.class), r.get("submitted_by", String.class), instant(r, "submitted_at"),
                RunState.valueOf(r.get("state", String.class)), r.get("strategy_type", String.class), r.get("config_key", String.class),
                r.get("config_version", Integer.class), Arrays.asList(r.get("symbols", String.class).split(",")), r.get("date_from", LocalDate.class),
                r.get("date_to", LocalDate.class), r.get("cash", BigDecimal.class), r.get("quantity", BigDecimal.class), axes,
                r.get("samples", Integer.class), r.get("seed", Long.class), r.get("cells", Integer.class), r.get("chunk_size", Integer.class),
                r.get("chunks", Integer.class), workers.values().stream().mapToInt(Integer::intValue).sum(), r.get("cancel_requested", Boolean.class),
                instant(r, "started_at"), instant(r, "finished_at"), r.get("error", String.class), workers);
    }

    static Instant instant(Record r, String column) {
        OffsetDateTime t = r.get(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant t) {
        return t.atOffset(java.time.ZoneOffset.UTC);
    }

    static String axes(List<ParameterAxis> axes) {
        StringBuilder b = new StringBuilder();
        for (ParameterAxis a : axes) b.append(a.name()).append('=').append(String.join(",", a.values())).append('\n');
        return b.toString();
    }

    static List<ParameterAxis> axes(String text) {
        return text.lines().filter(l -> !l.isBlank()).map(ParameterAxis::parse).toList();
    }

    static String params(Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        return b.toString();
    }

    static Map<String, String> params(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        text.lines().filter(l -> !l.isBlank()).forEach(l -> out.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        return out;
    }

    /**
     * Per series one line: symbol, final equity, net P&L, fees (exact decimals), trades, wins, then the 13 figures of
     * {@link Metrics} in record order (doubles as {@link Double#toString}, which reads back to the same double).
     */
    static String outcomes(List<SeriesOutcome> series) {
        StringBuilder b = new StringBuilder();
        for (SeriesOutcome s : series) {
            Metrics m = s.metrics();
            b.append(String.join("|", s.symbol(), s.finalEquity().toString(), s.pnlNet().toString(), s.fees().toString(),
                    String.valueOf(s.trades()), String.valueOf(s.wins()), d(m.totalReturn()), d(m.cagr()), d(m.sharpe()), d(m.sortino()),
                    d(m.maxDrawdown()), String.valueOf(m.maxDrawdownDurationBars()), d(m.maxDrawdownDurationDays()), d(m.winRate()),
                    d(m.profitFactor()), d(m.expectancy()), d(m.averageR()), d(m.exposureTime()), String.valueOf(m.tradeCount()))).append('\n');
        }
        return b.toString();
    }

    static List<SeriesOutcome> outcomes(String text) {
        return text.lines().filter(l -> !l.isBlank()).map(l -> {
            String[] f = l.split("\\|", -1);
            Metrics m = new Metrics(p(f[6]), p(f[7]), p(f[8]), p(f[9]), p(f[10]), Integer.parseInt(f[11]), p(f[12]), p(f[13]), p(f[14]), p(f[15]),
                    p(f[16]), p(f[17]), Integer.parseInt(f[18]));
            return new SeriesOutcome(f[0], m, new BigDecimal(f[1]), new BigDecimal(f[2]), new BigDecimal(f[3]), Integer.parseInt(f[4]),
                    Integer.parseInt(f[5]));
        }).toList();
    }

    private static String d(double v) {
        return Double.toString(v);
    }

    private static double p(String v) {
        return Double.parseDouble(v);
    }

    static byte[] bytes(double[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8);
        for (double v : values) b.putDouble(v);
        return b.array();
    }

    static double[] doubles(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        double[] out = new double[bytes.length / 8];
        for (int i = 0; i < out.length; i++) out[i] = b.getDouble();
        return out;
    }
}
