package io.tradepilot.marketdata.internal;

import io.tradepilot.engine.marketdata.BarDataException;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.marketdata.CsvBarReader;
import io.tradepilot.engine.marketdata.TimeStamping;
import io.tradepilot.marketdata.QualityIssue;
import io.tradepilot.marketdata.QualityIssue.Kind;
import io.tradepilot.marketdata.QualityIssue.Severity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a CSV file of bars in the engine's normalized format and reports every problem, line by line, instead of
 * stopping at the first as {@link CsvBarReader} does: each row is read by {@link CsvBarReader} itself (so a file
 * accepted here reads the same in the engine), the rows are then checked against each other (stamping, order,
 * duplicates). An identical repeated row is a warning and dropped; the same time with other values is an error.
 * The accepted rows become one {@link BarSeries} at the largest price scale seen, with each bar's line number.
 */
final class CsvBarCheck {

    /** At most this many problems of each severity are listed (all are counted). */
    static final int MAX_LISTED = 1000;

    private static final String SOURCE = "csv";
    private static final byte[] HEADER = (CsvBarReader.HEADER + "\n").getBytes(StandardCharsets.US_ASCII);

    /**
     * The outcome: the series (null when there is any error), the line of each of its bars, and the problems.
     * {@code errorCount} and {@code warningCount} count all, the lists hold the first {@link #MAX_LISTED}.
     */
    record Result(BarSeries series, long[] lines, List<QualityIssue> errors, long errorCount,
                  List<QualityIssue> warnings, long warningCount, int duplicates) {
        boolean ok() {
            return errorCount == 0;
        }
    }

    private final List<QualityIssue> errors = new ArrayList<>();
    private final List<QualityIssue> warnings = new ArrayList<>();
    private long errorCount;
    private long warningCount;

    private CsvBarCheck() {
    }

    /**
     * Checks {@code data}, whose bars belong to {@code symbol}, dates read in {@code zone}; {@code intraday} bars need
     * date-times.
     */
    static Result check(byte[] data, String symbol, ZoneId zone, boolean intraday) {
        return new CsvBarCheck().run(data, symbol, zone, intraday);
    }

    private Result run(byte[] b, String symbol, ZoneId zone, boolean intraday) {
        int n = b.length;
        int p = n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
        int eol = lineEnd(b, p);
        String header = new String(b, p, contentEnd(b, p, eol) - p, StandardCharsets.UTF_8).strip();
        if (!header.equalsIgnoreCase(CsvBarReader.HEADER)) {
            error(1, Kind.HEADER, n == 0 ? "empty file: expected the header '" + CsvBarReader.HEADER + "'"
                    : "expected the header '" + CsvBarReader.HEADER + "' but found '" + abbreviate(header) + "'");
            return result(null, new long[0], 0);
        }
        BarSeries.Builder out = null;
        long[] lines = new long[Math.max(16, n / 40)];
        int count = 0;
        long prevStart = Long.MIN_VALUE, prevOpen = 0, prevHigh = 0, prevLow = 0, prevClose = 0, prevVolume = 0;
        int prevScale = 0;
        boolean tooLarge = false;
        int duplicates = 0;
        TimeStamping stamping = null;
        long stampingLine = 0;
        long line = 1;
        p = Math.min(n, eol + 1);
        byte[] one = new byte[256];
        while (p < n) {
            line++;
            eol = lineEnd(b, p);
            int end = contentEnd(b, p, eol);
            int from = p;
            p = Math.min(n, eol + 1);
            if (end == from) continue; // blank line
            int len = HEADER.length + end - from;
            if (one.length < len) one = new byte[len * 2];
            System.arraycopy(HEADER, 0, one, 0, HEADER.length);
            System.arraycopy(b, from, one, HEADER.length, end - from);
            BarSeries row;
            try {
                CsvBarReader.Result r = CsvBarReader.parse(Arrays.copyOf(one, len), SOURCE, symbol, zone, CsvBarReader.InconsistentBars.SKIP);
                if (!r.skipped().isEmpty()) {
                    error(line, Kind.INCONSISTENT, r.skipped().getFirst().problem());
                    continue;
                }
                row = r.series();
            } catch (BarDataException e) {
                String message = e.getMessage();
                String prefix = SOURCE + " line 2: ";
                error(line, Kind.FORMAT, message.startsWith(prefix) ? message.substring(prefix.length()) : message);
                continue;
            }
            if (row.isEmpty()) continue;
            if (stamping == null) {
                stamping = row.stamping();
                stampingLine = line;
                if (intraday && stamping == TimeStamping.DATE) {
                    error(line, Kind.FORMAT, "an intraday series needs date-times with a UTC offset (e.g. 2024-01-02T09:15:00+05:30), not dates");
                }
            } else if (row.stamping() != stamping) {
                error(line, Kind.FORMAT, (row.stamping() == TimeStamping.DATE ? "a date" : "a date-time")
                        + " in a file of " + (stamping == TimeStamping.DATE ? "dates" : "date-times") + " (line " + stampingLine + ")");
                continue;
            }
            long t = row.startMillis(0);
            if (count > 0 && t <= prevStart) {
                long prevLine = lines[count - 1];
                if (t == prevStart) {
                    if (sameValues(row, prevOpen, prevHigh, prevLow, prevClose, prevVolume, prevScale)) {
                        duplicates++;
                        warning(line, Kind.DUPLICATE, "repeats line " + prevLine + " exactly: dropped");
                    } else {
                        error(line, Kind.DUPLICATE, "the same time " + describe(t, zone) + " as line " + prevLine + " with other values");
                    }
                } else {
                    error(line, Kind.OUT_OF_ORDER, "time " + describe(t, zone) + " is before line " + prevLine + "'s " + describe(prevStart, zone));
                }
                continue;
            }
            prevStart = t;
            prevOpen = row.open(0);
            prevHigh = row.high(0);
            prevLow = row.low(0);
            prevClose = row.close(0);
            prevVolume = row.volume(0);
            prevScale = row.priceScale();
            if (count == lines.length) lines = Arrays.copyOf(lines, count * 2);
            lines[count++] = line;
            if (errorCount > 0 || tooLarge) continue; // only checking from here on
            // one series at the largest scale seen: the builder raises the scale of what it holds
            try {
                if (out == null) out = new BarSeries.Builder(symbol, zone, stamping, prevScale, lines.length);
                if (prevScale > out.scale()) out.rescale(prevScale);
                long f = pow10(out.scale() - prevScale);
                out.add(t, Math.multiplyExact(prevOpen, f), Math.multiplyExact(prevHigh, f), Math.multiplyExact(prevLow, f),
                        Math.multiplyExact(prevClose, f), prevVolume);
            } catch (ArithmeticException e) {
                tooLarge = true;
                error(line, Kind.FORMAT, "prices too large for one price scale of " + prevScale + " decimals with the file's other prices");
            }
        }
        if (count == 0 && errorCount == 0) error(line, Kind.FORMAT, "no bars: the file has a header only");
        if (errorCount > 0) return result(null, new long[0], duplicates);
        return result(out.build(), Arrays.copyOf(lines, count), duplicates);
    }

    private Result result(BarSeries series, long[] lines, int duplicates) {
        return new Result(series, lines, List.copyOf(errors), errorCount, List.copyOf(warnings), warningCount, duplicates);
    }

    private static boolean sameValues(BarSeries row, long o, long h, long l, long c, long v, int scale) {
        int s = Math.max(scale, row.priceScale());
        long fa = pow10(s - row.priceScale()), fb = pow10(s - scale);
        return row.volume(0) == v && row.open(0) * fa == o * fb && row.high(0) * fa == h * fb
                && row.low(0) * fa == l * fb && row.close(0) * fa == c * fb;
    }

    static long pow10(int k) {
        long f = 1;
        for (int i = 0; i < k; i++) f *= 10;
        return f;
    }

    private void error(long line, Kind kind, String message) {
        if (errors.size() < MAX_LISTED) errors.add(new QualityIssue(line, Severity.ERROR, kind, message));
        errorCount++;
    }

    private void warning(long line, Kind kind, String message) {
        if (warnings.size() < MAX_LISTED) warnings.add(new QualityIssue(line, Severity.WARNING, kind, message));
        warningCount++;
    }

    private static int lineEnd(byte[] b, int from) {
        int e = from;
        while (e < b.length && b[e] != '\n') e++;
        return e;
    }

    /** The end of the line's content: before a trailing CR. */
    private static int contentEnd(byte[] b, int from, int eol) {
        return eol > from && b[eol - 1] == '\r' ? eol - 1 : eol;
    }

    private static String describe(long millis, ZoneId zone) {
        return Instant.ofEpochMilli(millis).atZone(zone).toOffsetDateTime().toString();
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
