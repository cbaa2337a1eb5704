package io.tradepilot.marketdata.internal;

import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.marketdata.TimeStamping;
import io.tradepilot.marketdata.QualityIssue;
import io.tradepilot.marketdata.StoredSeries;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.tradepilot.db.Tables.MARKET_SERIES;
import static io.tradepilot.db.Tables.MARKET_SERIES_ISSUE;

/**
 * The stored series (jOOQ) and their bars (JDBC on the transaction's connection: written with PostgreSQL's COPY,
 * read back with one scan of the primary key's index, prices scaled to longs by the database). Callers run the
 * writes of one import in one transaction.
 */
final class SeriesStore {

    /** A stored series with what loading its bars needs. */
    record Row(long id, StoredSeries series, TimeStamping stamping, int priceScale) {
    }

    private static final int COPY_CHUNK = 1 << 16;

    private final DSLContext db;
    private final DataSource dataSource;

    SeriesStore(DSLContext db, DataSource dataSource) {
        this.db = db;
        this.dataSource = dataSource;
    }

    List<StoredSeries> catalog() {
        return db.selectFrom(MARKET_SERIES).orderBy(MARKET_SERIES.SYMBOL, MARKET_SERIES.BAR_INTERVAL).fetch(r -> row(r).series());
    }

    Optional<Row> find(String symbol, String interval) {
        return db.selectFrom(MARKET_SERIES).where(MARKET_SERIES.SYMBOL.eq(symbol), MARKET_SERIES.BAR_INTERVAL.eq(interval))
                .fetchOptional(SeriesStore::row);
    }

    /** Locks the series' row for the rest of the transaction (imports of one series run one after the other). */
    Optional<Row> findForUpdate(String symbol, String interval) {
        return db.selectFrom(MARKET_SERIES).where(MARKET_SERIES.SYMBOL.eq(symbol), MARKET_SERIES.BAR_INTERVAL.eq(interval))
                .forUpdate().fetchOptional(SeriesStore::row);
    }

    private static Row row(Record r) {
        StoredSeries s = new StoredSeries(r.get(MARKET_SERIES.SYMBOL), r.get(MARKET_SERIES.EXCHANGE), r.get(MARKET_SERIES.BAR_INTERVAL),
                r.get(MARKET_SERIES.FIRST_BAR), r.get(MARKET_SERIES.LAST_BAR), r.get(MARKET_SERIES.BAR_COUNT),
                StoredSeries.Source.valueOf(r.get(MARKET_SERIES.SOURCE)), r.get(MARKET_SERIES.SOURCE_DETAIL),
                r.get(MARKET_SERIES.IMPORTED_BY), r.get(MARKET_SERIES.IMPORTED_AT), r.get(MARKET_SERIES.GAPS),
                r.get(MARKET_SERIES.MISSING_BARS), r.get(MARKET_SERIES.DUPLICATES), r.get(MARKET_SERIES.OUTLIERS),
                r.get(MARKET_SERIES.OFF_SESSION));
        return new Row(r.get(MARKET_SERIES.ID), s, TimeStamping.valueOf(r.get(MARKET_SERIES.STAMPING)), r.get(MARKET_SERIES.PRICE_SCALE));
    }

    /** Inserts or (same symbol and interval) overwrites the series' row; answers its id. */
    long upsert(StoredSeries s, TimeStamping stamping, int priceScale) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(MARKET_SERIES.EXCHANGE, s.exchange());
        values.put(MARKET_SERIES.STAMPING, stamping.name());
        values.put(MARKET_SERIES.PRICE_SCALE, priceScale);
        values.put(MARKET_SERIES.FIRST_BAR, s.first());
        values.put(MARKET_SERIES.LAST_BAR, s.last());
        values.put(MARKET_SERIES.BAR_COUNT, s.barCount());
        values.put(MARKET_SERIES.SOURCE, s.source().name());
        values.put(MARKET_SERIES.SOURCE_DETAIL, cut(s.sourceDetail(), 200));
        values.put(MARKET_SERIES.IMPORTED_BY, cut(s.importedBy(), 100));
        values.put(MARKET_SERIES.IMPORTED_AT, s.importedAt());
        values.put(MARKET_SERIES.GAPS, s.gaps());
        values.put(MARKET_SERIES.MISSING_BARS, s.missingBars());
        values.put(MARKET_SERIES.DUPLICATES, s.duplicates());
        values.put(MARKET_SERIES.OUTLIERS, s.outliers());
        values.put(MARKET_SERIES.OFF_SESSION, s.offSession());
        return db.insertInto(MARKET_SERIES).set(MARKET_SERIES.SYMBOL, s.symbol()).set(MARKET_SERIES.BAR_INTERVAL, s.interval()).set(values)
                .onConflict(MARKET_SERIES.SYMBOL, MARKET_SERIES.BAR_INTERVAL).doUpdate().set(values)
                .returning(MARKET_SERIES.ID).fetchOne(MARKET_SERIES.ID);
    }

    /** Serializes the writes of one series until the transaction ends (a transaction-scoped advisory lock). */
    void lock(String symbol, String interval) {
        db.fetch("SELECT pg_advisory_xact_lock(hashtext(?))", "market_series:" + symbol + "/" + interval);
    }

    /** Removes a series' bars and report (its row stays). */
    void clear(long id) {
        db.deleteFrom(MARKET_SERIES_ISSUE).where(MARKET_SERIES_ISSUE.SERIES_ID.eq(id)).execute();
        db.execute("DELETE FROM market_bar WHERE series_id = ?", id);
    }

    /** Deletes a series with its bars and report; false when none is stored. */
    boolean delete(String symbol, String interval) {
        return db.deleteFrom(MARKET_SERIES).where(MARKET_SERIES.SYMBOL.eq(symbol), MARKET_SERIES.BAR_INTERVAL.eq(interval)).execute() > 0;
    }

    void addIssues(long id, List<QualityIssue> issues) {
        if (issues.isEmpty()) return;
        var insert = db.insertInto(MARKET_SERIES_ISSUE, MARKET_SERIES_ISSUE.SERIES_ID, MARKET_SERIES_ISSUE.LINE,
                MARKET_SERIES_ISSUE.KIND, MARKET_SERIES_ISSUE.MESSAGE);
        for (QualityIssue i : issues) insert = insert.values(id, i.line(), i.kind().name(), cut(i.message(), 500));
        insert.execute();
    }

    List<QualityIssue> issues(long id) {
        return db.selectFrom(MARKET_SERIES_ISSUE).where(MARKET_SERIES_ISSUE.SERIES_ID.eq(id))
                .orderBy(MARKET_SERIES_ISSUE.LINE, MARKET_SERIES_ISSUE.ID)
                .fetch(r -> new QualityIssue(r.getLine(), QualityIssue.Severity.WARNING, QualityIssue.Kind.valueOf(r.getKind()), r.getMessage()));
    }

    /** Writes every bar of {@code bars} to series {@code id} with COPY, on the current transaction's connection. */
    void copyBars(long id, BarSeries bars) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY market_bar (series_id, bar_time, open, high, low, close, volume) FROM STDIN");
            try {
                StringBuilder text = new StringBuilder(COPY_CHUNK + 256);
                String prefix = id + "\t";
                int scale = bars.priceScale();
                for (int i = 0; i < bars.size(); i++) {
                    text.append(prefix).append(Instant.ofEpochMilli(bars.startMillis(i))).append('\t');
                    decimal(text, bars.open(i), scale).append('\t');
                    decimal(text, bars.high(i), scale).append('\t');
                    decimal(text, bars.low(i), scale).append('\t');
                    decimal(text, bars.close(i), scale).append('\t').append(bars.volume(i)).append('\n');
                    if (text.length() >= COPY_CHUNK) flush(copy, text);
                }
                flush(copy, text);
                copy.endCopy();
            } finally {
                if (copy.isActive()) copy.cancelCopy();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the bars: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void flush(CopyIn copy, StringBuilder text) throws SQLException {
        byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
        copy.writeToCopy(bytes, 0, bytes.length);
        text.setLength(0);
    }

    /** Appends {@code unscaled * 10^-scale} as a plain decimal (prices are never negative). */
    static StringBuilder decimal(StringBuilder out, long unscaled, int scale) {
        if (scale == 0) return out.append(unscaled);
        String digits = Long.toString(unscaled);
        if (digits.length() <= scale) {
            out.append("0.");
            for (int k = digits.length(); k < scale; k++) out.append('0');
            return out.append(digits);
        }
        int point = digits.length() - scale;
        return out.append(digits, 0, point).append('.').append(digits, point, digits.length());
    }

    /** Every bar of series {@code row}, in time order, as stored (one ordered scan, streamed). */
    BarSeries load(Row row, ZoneId zone) {
        StoredSeries s = row.series();
        BarSeries.Builder out = new BarSeries.Builder(s.symbol(), zone, row.stamping(), row.priceScale(), (int) Math.min(s.barCount(), 50_000_000));
        long factor = CsvBarCheck.pow10(row.priceScale());
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement q = connection.prepareStatement(
                "SELECT (extract(epoch FROM bar_time) * 1000)::bigint, (open * ?)::bigint, (high * ?)::bigint, (low * ?)::bigint,"
                        + " (close * ?)::bigint, volume FROM market_bar WHERE series_id = ? ORDER BY bar_time")) {
            for (int k = 1; k <= 4; k++) q.setLong(k, factor);
            q.setLong(5, row.id());
            q.setFetchSize(20_000);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) out.add(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot load the bars of " + s.symbol() + " " + s.interval() + ": " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        return out.build();
    }

    private static String cut(String s, int max) {
        return s == null ? "" : s.length() > max ? s.substring(0, max) : s;
    }
}
