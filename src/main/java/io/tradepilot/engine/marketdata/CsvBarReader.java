package io.tradepilot.engine.marketdata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads bar files in Tradepilot's normalized CSV format, fast and strictly.
 *
 * <h2>Format</h2>
 * UTF-8 (an optional BOM is skipped), LF or CRLF line ends, header exactly
 * {@code date,open,high,low,close,volume} (case-insensitive), then one bar per line:
 * <ul>
 *   <li>{@code date}: either an ISO date {@code yyyy-MM-dd} (a daily bar starting at midnight in the
 *   exchange zone given to the reader) or an ISO date-time with UTC offset
 *   {@code yyyy-MM-ddTHH:mm[:ss](Z|±HH:MM)} (the bar's start instant; a space may replace the
 *   {@code T}). One file uses one kind throughout. A date-time without offset is refused: it names no
 *   instant.</li>
 *   <li>{@code open,high,low,close}: non-negative plain decimals ({@code 1234}, {@code 1234.5},
 *   {@code .5}) with at most {@value BarSeries#MAX_SCALE} decimals and 18 digits; no sign, no exponent.
 *   They are stored exactly; the series' price scale is the largest number of decimals seen. Some
 *   shared files carry binary-float artefacts from a second feed ({@code 309.92999267578125} for
 *   309.93: us_intraday_5min_2024_2026, india_indices_daily); they are refused unless the caller asks
 *   for {@link Options#roundingTo rounding} to a stated number of decimals (half-even), in which case
 *   the number of rounded prices is reported in {@link Result#roundedPrices()}.</li>
 *   <li>{@code volume}: a non-negative integer ({@code 123.0}, with only zeros after the point, is
 *   accepted as 123; a fractional volume is refused).</li>
 * </ul>
 * Blank lines are ignored.
 *
 * <h2>What is refused</h2>
 * A {@link BarDataException} naming the file and line is thrown for: a wrong header, a missing or extra
 * column, a bad date or number, a mix of dates and date-times, a bar that does not start strictly
 * after the previous one (duplicates included), and, under {@link InconsistentBars#REJECT} (the
 * default), a bar whose open or close lies outside [low, high]. The shared data sets contain a few
 * such bars (e.g. NSE 5-minute files, 2024-06-25 09:15, "open_outside_low_high"); they are real source
 * errors, so the reader refuses them by default and, with {@link InconsistentBars#SKIP}, drops them and
 * reports each one as a {@link DataIssue}. Nothing is ever repaired silently. Zero volumes (indices)
 * and zero prices are accepted; corporate-action jumps are not the reader's business.
 *
 * <h2>Speed</h2>
 * The file is read whole and parsed byte by byte into scaled longs: no regex, no per-line strings, no
 * per-row allocation. Daily starts in a zone with a fixed offset (Asia/Kolkata) are pure arithmetic;
 * other zones consult the zone rules per row.
 */
public final class CsvBarReader {

    /** What to do with a well-formed row whose open or close lies outside its [low, high]. */
    public enum InconsistentBars {
        /** Refuse the file (default). */
        REJECT,
        /** Drop the row and report it in {@link Result#skipped()}. */
        SKIP
    }

    /**
     * How strictly to read.
     *
     * @param inconsistentBars what to do with a bar whose open or close lies outside [low, high]
     * @param roundToDecimals  -1 to refuse prices with more than {@value BarSeries#MAX_SCALE} decimals
     *                         (default); otherwise round prices with more decimals than this, half-even,
     *                         to this many (0..{@value BarSeries#MAX_SCALE}), counting them
     */
    public record Options(InconsistentBars inconsistentBars, int roundToDecimals) {
        /** Refuse inconsistent bars and over-long prices. */
        public static final Options STRICT = new Options(InconsistentBars.REJECT, -1);

        public Options {
            Objects.requireNonNull(inconsistentBars, "inconsistentBars");
            if (roundToDecimals < -1 || roundToDecimals > BarSeries.MAX_SCALE) {
                throw new IllegalArgumentException("decimals must be -1 (no rounding) or 0.." + BarSeries.MAX_SCALE);
            }
        }

        public Options skippingInconsistentBars() {
            return new Options(InconsistentBars.SKIP, roundToDecimals);
        }

        public Options roundingTo(int decimals) {
            return new Options(inconsistentBars, decimals);
        }
    }

    /**
     * A parsed series, the rows skipped under {@link InconsistentBars#SKIP} (empty otherwise) and how many
     * prices were rounded under {@link Options#roundingTo} (0 otherwise).
     */
    public record Result(BarSeries series, List<DataIssue> skipped, long roundedPrices) {
        public Result {
            skipped = List.copyOf(skipped);
        }
    }

    /** The header every file must start with. */
    public static final String HEADER = "date,open,high,low,close,volume";

    private static final String[] COLUMNS = {"date", "open", "high", "low", "close", "volume"};
    private static final int MAX_DIGITS = 18;
    /** Largest value that can be multiplied by {@code 10^k} without overflow. */
    private static final long[] MAX_BEFORE_SCALING = new long[BarSeries.MAX_SCALE + 1];

    static {
        for (int k = 0; k < MAX_BEFORE_SCALING.length; k++) MAX_BEFORE_SCALING[k] = Long.MAX_VALUE / BarSeries.POW10[k];
    }

    private CsvBarReader() {
    }

    /**
     * Reads {@code file} strictly; the symbol is the file name without {@code .csv}.
     *
     * @throws BarDataException for any refused row (see class doc)
     * @throws IOException      when the file cannot be read (e.g. {@link java.nio.file.NoSuchFileException})
     */
    public static BarSeries read(Path file, ZoneId zone) throws IOException {
        return read(file, symbolOf(file), zone, InconsistentBars.REJECT).series();
    }

    /** Reads {@code file} with the given policy for inconsistent bars. */
    public static Result read(Path file, String symbol, ZoneId zone, InconsistentBars policy) throws IOException {
        return read(file, symbol, zone, new Options(policy, -1));
    }

    /** Reads {@code file} with the given options. */
    public static Result read(Path file, String symbol, ZoneId zone, Options options) throws IOException {
        byte[] data = Files.readAllBytes(file);
        return parse(data, file.getFileName().toString(), symbol, zone, options);
    }

    /** The file name without a trailing {@code .csv} (any case). */
    public static String symbolOf(Path file) {
        String name = file.getFileName().toString();
        return name.regionMatches(true, Math.max(0, name.length() - 4), ".csv", 0, 4) ? name.substring(0, name.length() - 4) : name;
    }

    /** Parses a whole file's bytes strictly. {@code source} names the data in error messages. */
    public static BarSeries parse(byte[] data, String source, String symbol, ZoneId zone) throws BarDataException {
        return parse(data, source, symbol, zone, InconsistentBars.REJECT).series();
    }

    /** Parses a whole file's bytes. {@code source} names the data in error messages. */
    public static Result parse(byte[] data, String source, String symbol, ZoneId zone, InconsistentBars policy)
            throws BarDataException {
        return parse(data, source, symbol, zone, new Options(policy, -1));
    }

    /** Parses a whole file's bytes with the given options. */
    public static Result parse(byte[] data, String source, String symbol, ZoneId zone, Options options) throws BarDataException {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(options, "options");
        return new Parser(data, source, symbol, zone, options.inconsistentBars(), options.roundToDecimals()).run();
    }

    /** True when {@code firstLine} (without line end) is the expected header. */
    public static boolean isHeader(String firstLine) {
        String s = firstLine.startsWith("\uFEFF") ? firstLine.substring(1) : firstLine;
        return s.strip().equalsIgnoreCase(HEADER);
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
    static long epochDay(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = (y >= 0 ? y : y - 399) / 400;
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    private static final class Parser {
        private final byte[] b;
        private final String source;
        private final String symbol;
        private final ZoneId zone;
        private final InconsistentBars policy;
        private final boolean fixedZone;
        private final long fixedOffsetSeconds;
        private final List<DataIssue> skipped = new ArrayList<>();

        private int p;          // read position
        private int lineStart;  // start of the current line
        private long line;      // 1-based number of the current line
        private int stampKind;  // 0 unknown, 1 date, 2 date-time
        private BarSeries.Builder out;

        // per-number results
        private long num;
        private int numScale;

        private final int roundTo;      // -1: refuse over-long prices
        private final int keepDecimals; // fraction digits accumulated before dropping
        private long rounded;

        Parser(byte[] data, String source, String symbol, ZoneId zone, InconsistentBars policy, int roundTo) {
            this.roundTo = roundTo;
            this.keepDecimals = roundTo >= 0 ? roundTo : BarSeries.MAX_SCALE;
            this.b = data;
            this.source = source;
            this.symbol = symbol;
            this.zone = zone;
            this.policy = policy;
            var rules = zone.getRules();
            this.fixedZone = rules.isFixedOffset();
            this.fixedOffsetSeconds = fixedZone ? rules.getOffset(java.time.Instant.EPOCH).getTotalSeconds() : 0;
        }

        Result run() throws BarDataException {
            int n = b.length;
            p = 0;
            if (n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) p = 3;
            line = 1;
            lineStart = p;
            int eol = p;
            while (eol < n && b[eol] != '\n') eol++;
            String header = new String(b, p, eol - p, StandardCharsets.UTF_8);
            if (n == 0 || !header.strip().equalsIgnoreCase(HEADER)) {
                throw new BarDataException(source, 1, n == 0 ? "empty file, expected header '" + HEADER + "'"
                        : "expected header '" + HEADER + "' but found '" + abbreviate(header.strip()) + "'");
            }
            p = Math.min(n, eol + 1);
            out = new BarSeries.Builder(symbol, zone, TimeStamping.DATE, 0, Math.max(16, n / 40));
            long prevStart = Long.MIN_VALUE;
            while (p < n) {
                line++;
                lineStart = p;
                byte c0 = b[p];
                if (c0 == '\n') { p++; continue; }
                if (c0 == '\r' && (p + 1 == n || b[p + 1] == '\n')) { p += 2; continue; }

                long start = parseTime();
                expectComma(1);
                long open = parsePrice(1);
                expectComma(2);
                long high = parsePrice(2);
                expectComma(3);
                long low = parsePrice(3);
                expectComma(4);
                long close = parsePrice(4);
                expectComma(5);
                long volume = parseVolume();
                // line end
                if (p < n) {
                    byte e = b[p];
                    if (e == '\r') { p++; if (p < n && b[p] == '\n') p++; else if (p < n) fail("unexpected character after volume"); }
                    else if (e == '\n') p++;
                    else if (e == ',') fail("too many columns: expected 6");
                    else fail("bad number in column 'volume': '" + fieldText(5) + "'");
                }
                if (start <= prevStart) {
                    fail("bar time " + describeTime(start) + " is not after the previous bar's " + describeTime(prevStart));
                }
                // open, close, high and low were each scaled to the scale current when parsed; bring them
                // to one scale (a later column may have raised it).
                int sc = out.scale();
                if (rowScaleChanged) {
                    open = rescaleValue(open, openScale, sc);
                    high = rescaleValue(high, highScale, sc);
                    low = rescaleValue(low, lowScale, sc);
                    rowScaleChanged = false;
                }
                if (low > high || open > high || open < low || close > high || close < low) {
                    String problem = inconsistency(open, high, low, close, sc);
                    if (policy == InconsistentBars.REJECT) fail(problem);
                    skipped.add(new DataIssue(source, line, problem));
                    continue;
                }
                out.addUnchecked(start, open, high, low, close, volume);
                prevStart = start;
            }
            if (stampKind == 2) out.stamping(TimeStamping.DATE_TIME);
            return new Result(out.build(), skipped, rounded);
        }

        // consecutive rows mostly share year and month: remember the month's first epoch day
        private int cachedYear = -1, cachedMonth = -1, cachedMonthLength;
        private long cachedFirstDay;

        // scale bookkeeping within one row
        private boolean rowScaleChanged;
        private int openScale, highScale, lowScale;

        private long rescaleValue(long v, int from, int to) throws BarDataException {
            if (from == to) return v;
            try {
                return Math.multiplyExact(v, BarSeries.POW10[to - from]);
            } catch (ArithmeticException e) {
                fail("price too large at scale " + to);
                return 0;
            }
        }

        private long parseTime() throws BarDataException {
            int n = b.length;
            int q = p;
            if (q + 10 > n) fail("bad date: '" + fieldText(0) + "'");
            int y = d4(q);
            int mo = d2(q + 5);
            int d = d2(q + 8);
            if (y < 0 || mo < 0 || d < 0 || b[q + 4] != '-' || b[q + 7] != '-') fail("bad date: '" + fieldText(0) + "'");
            if (y != cachedYear || mo != cachedMonth) {
                if (mo < 1 || mo > 12) fail("no such date: '" + fieldText(0) + "'");
                cachedYear = y;
                cachedMonth = mo;
                cachedMonthLength = monthLength(y, mo);
                cachedFirstDay = epochDay(y, mo, 1);
            }
            if (d < 1 || d > cachedMonthLength) fail("no such date: '" + fieldText(0) + "'");
            long day = cachedFirstDay + d - 1;
            q += 10;
            if (q < n && (b[q] == 'T' || b[q] == ' ')) {
                if (stampKind == 1) fail("a date-time in a file of dates: '" + fieldText(0) + "'");
                stampKind = 2;
                q++;
                if (q + 5 > n || b[q + 2] != ':') fail("bad date-time: '" + fieldText(0) + "'");
                int hh = d2(q), mi = d2(q + 3), ss = 0;
                q += 5;
                if (q + 3 <= n && b[q] == ':') {
                    ss = d2(q + 1);
                    q += 3;
                }
                if (hh < 0 || mi < 0 || ss < 0 || hh > 23 || mi > 59 || ss > 59) fail("bad date-time: '" + fieldText(0) + "'");
                long offset;
                if (q < n && b[q] == 'Z') {
                    offset = 0;
                    q++;
                } else if (q + 6 <= n && (b[q] == '+' || b[q] == '-') && b[q + 3] == ':') {
                    int oh = d2(q + 1), om = d2(q + 4);
                    if (oh < 0 || om < 0 || oh > 18 || om > 59) fail("bad UTC offset: '" + fieldText(0) + "'");
                    offset = (oh * 3600L + om * 60L) * (b[q] == '-' ? -1 : 1);
                    q += 6;
                } else {
                    fail("date-time without UTC offset (expected e.g. 2023-07-03T09:15:00+05:30): '" + fieldText(0) + "'");
                    return 0;
                }
                p = q;
                return (day * 86400 + hh * 3600L + mi * 60L + ss - offset) * 1000;
            }
            if (stampKind == 2) fail("a date in a file of date-times: '" + fieldText(0) + "'");
            stampKind = 1;
            p = q;
            if (fixedZone) return (day * 86400 - fixedOffsetSeconds) * 1000;
            if (day >= fastFromDay && day < fastToDay) return (day * 86400 - cachedOffsetSeconds) * 1000;
            return slowMidnight(day);
        }

        // Zones with transitions: days well inside a transition-free window share one offset, so their
        // local midnight is plain arithmetic; days within two days of a transition take the exact path.
        private long cachedOffsetSeconds;
        private long fastFromDay = 1, fastToDay = 0;

        private long slowMidnight(long day) {
            var zdt = LocalDate.ofEpochDay(day).atStartOfDay(zone);
            long secs = zdt.toEpochSecond();
            var rules = zone.getRules();
            var instant = zdt.toInstant();
            var prev = rules.previousTransition(instant);
            var next = rules.nextTransition(instant);
            cachedOffsetSeconds = zdt.getOffset().getTotalSeconds();
            fastFromDay = prev == null ? Long.MIN_VALUE / 86400 : Math.floorDiv(prev.toEpochSecond(), 86400) + 2;
            fastToDay = next == null ? Long.MAX_VALUE / 86400 : Math.floorDiv(next.toEpochSecond(), 86400) - 2;
            return secs * 1000;
        }

        private int d2(int q) {
            int a = b[q] - '0', c = b[q + 1] - '0';
            if (a < 0 || a > 9 || c < 0 || c > 9) return -1;
            return a * 10 + c;
        }

        private int d4(int q) {
            int h = d2(q), l = d2(q + 2);
            return h < 0 || l < 0 ? -1 : h * 100 + l;
        }

        private static int monthLength(int y, int m) {
            return switch (m) {
                case 2 -> (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
                case 4, 6, 9, 11 -> 30;
                default -> 31;
            };
        }

        private void expectComma(int column) throws BarDataException {
            if (p < b.length && b[p] == ',') {
                p++;
                return;
            }
            if (p >= b.length || b[p] == '\n' || b[p] == '\r') {
                fail("missing column '" + COLUMNS[column] + "': expected 6 columns");
            }
            fail("bad " + (column == 1 ? "date" : "number") + " in column '" + COLUMNS[column - 1] + "': '" + fieldText(column - 1) + "'");
        }

        /** Parses a price at p into the builder's scale, raising the scale when needed. */
        private long parsePrice(int column) throws BarDataException {
            parseDecimal(column);
            int sc = out.scale();
            if (numScale > sc) {
                if (numScale > BarSeries.MAX_SCALE) {
                    fail("more than " + BarSeries.MAX_SCALE + " decimals in column '" + COLUMNS[column] + "': '" + fieldText(column) + "'");
                }
                try {
                    out.rescale(numScale);
                } catch (ArithmeticException e) {
                    fail("price too large at scale " + numScale + " in column '" + COLUMNS[column] + "'");
                }
                rowScaleChanged = true;
                sc = numScale;
            }
            int k = sc - numScale;
            if (num > MAX_BEFORE_SCALING[k]) fail("price too large in column '" + COLUMNS[column] + "': '" + fieldText(column) + "'");
            long v = num * BarSeries.POW10[k];
            switch (column) {
                case 1 -> openScale = sc;
                case 2 -> highScale = sc;
                case 3 -> lowScale = sc;
                default -> { }
            }
            return v;
        }

        private void parseDecimal(int column) throws BarDataException {
            byte[] a = b;
            int n = a.length;
            int q = p;
            long m = 0;
            int digits = 0;
            int c;
            while (q < n && (c = a[q] - '0') >= 0 && c <= 9) {
                m = m * 10 + c;
                q++;
                digits++;
            }
            int frac = 0;
            int firstDropped = -1;
            boolean sticky = false;
            if (q < n && a[q] == '.') {
                q++;
                int keep = keepDecimals;
                while (q < n && (c = a[q] - '0') >= 0 && c <= 9) {
                    if (frac < keep) {
                        m = m * 10 + c;
                        frac++;
                        digits++;
                    } else if (firstDropped < 0) {
                        firstDropped = c;
                    } else if (c != 0) {
                        sticky = true;
                    }
                    q++;
                }
            }
            if (digits == 0 || digits > MAX_DIGITS || (q < n && a[q] != ',' && a[q] != '\n' && a[q] != '\r')) {
                String text = fieldText(column);
                if (text.isEmpty()) fail("empty value in column '" + COLUMNS[column] + "'");
                if (text.startsWith("-")) fail("negative value in column '" + COLUMNS[column] + "': '" + text + "'");
                if (digits > MAX_DIGITS) fail("more than " + MAX_DIGITS + " digits in column '" + COLUMNS[column] + "': '" + text + "'");
                fail("bad number in column '" + COLUMNS[column] + "': '" + text + "'");
            }
            if (firstDropped >= 0) {
                if (roundTo < 0) {
                    fail("more than " + BarSeries.MAX_SCALE + " decimals in column '" + COLUMNS[column] + "': '" + fieldText(column) + "'");
                }
                if (firstDropped != 0 || sticky) {
                    rounded++;
                    if (firstDropped > 5 || (firstDropped == 5 && (sticky || (m & 1) == 1))) m++;
                }
            }
            num = m;
            numScale = frac;
            p = q;
        }

        private long parseVolume() throws BarDataException {
            byte[] a = b;
            int n = a.length;
            int q = p;
            long m = 0;
            int digits = 0;
            int c;
            while (q < n && (c = a[q] - '0') >= 0 && c <= 9) {
                m = m * 10 + c;
                q++;
                digits++;
            }
            if (q < n && a[q] == '.') {
                q++;
                while (q < n && a[q] == '0') q++;
                if (q < n && a[q] >= '1' && a[q] <= '9') fail("fractional volume: '" + fieldText(5) + "'");
            }
            if (digits == 0) {
                String text = fieldText(5);
                fail(text.isEmpty() ? "empty value in column 'volume'" : "bad number in column 'volume': '" + text + "'");
            }
            if (digits > MAX_DIGITS) fail("more than " + MAX_DIGITS + " digits in column 'volume': '" + fieldText(5) + "'");
            p = q;
            return m;
        }

        private String inconsistency(long o, long h, long l, long c, int scale) {
            String O = dec(o, scale), H = dec(h, scale), L = dec(l, scale), C = dec(c, scale);
            if (l > h) return "high " + H + " is below low " + L;
            if (o > h || o < l) return "open " + O + " is outside [low " + L + ", high " + H + "]";
            return "close " + C + " is outside [low " + L + ", high " + H + "]";
        }

        private static String dec(long v, int scale) {
            return java.math.BigDecimal.valueOf(v, scale).stripTrailingZeros().toPlainString();
        }

        private String describeTime(long millis) {
            if (stampKind == 2) {
                return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(java.time.Instant.ofEpochMilli(millis).atZone(zone));
            }
            return java.time.Instant.ofEpochMilli(millis).atZone(zone).toLocalDate().toString();
        }

        /** The text of field {@code index} (0-based) of the current line, for messages. */
        private String fieldText(int index) {
            int n = b.length;
            int q = lineStart;
            for (int f = 0; f < index && q < n; q++) {
                if (b[q] == '\n') return "";
                if (b[q] == ',') f++;
            }
            int e = q;
            while (e < n && b[e] != ',' && b[e] != '\n' && b[e] != '\r') e++;
            return abbreviate(new String(b, q, e - q, StandardCharsets.UTF_8));
        }

        private static String abbreviate(String s) {
            return s.length() > 60 ? s.substring(0, 57) + "..." : s;
        }

        private void fail(String problem) throws BarDataException {
            throw new BarDataException(source, line, problem);
        }
    }

}
