package io.tradepilot.engine.marketdata;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Writes a series in the format {@link CsvBarReader} reads: the header, then one line per bar with the
 * time per {@link BarSeries#stamping()} and prices at the series' scale. Reading the output back gives an
 * equal series (same values; the scale may shrink when every price has trailing zeros).
 */
public final class CsvBarWriter {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    private CsvBarWriter() {
    }

    public static void write(BarSeries s, Writer out) throws IOException {
        StringBuilder line = new StringBuilder(64);
        out.write(CsvBarReader.HEADER);
        out.write('\n');
        for (int i = 0; i < s.size(); i++) {
            line.setLength(0);
            appendTime(s, i, line);
            line.append(',');
            appendScaled(line, s.open(i), s.priceScale()).append(',');
            appendScaled(line, s.high(i), s.priceScale()).append(',');
            appendScaled(line, s.low(i), s.priceScale()).append(',');
            appendScaled(line, s.close(i), s.priceScale()).append(',').append(s.volume(i)).append('\n');
            out.append(line);
        }
    }

    /** The whole file as UTF-8 bytes. */
    public static byte[] toBytes(BarSeries s) {
        var w = new java.io.StringWriter(s.size() * 48 + 64);
        try {
            write(s, w);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return w.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Appends bar {@code i}'s start as written in files: an ISO date or date-time with offset, in the series' zone. */
    public static StringBuilder appendTime(BarSeries s, int i, StringBuilder sb) {
        var zoned = Instant.ofEpochMilli(s.startMillis(i)).atZone(s.zone());
        if (s.stamping() == TimeStamping.DATE) sb.append(zoned.toLocalDate());
        else sb.append(DATE_TIME.format(zoned));
        return sb;
    }

    /** Appends {@code scaled * 10^-scale} as a plain decimal with exactly {@code scale} decimals. */
    public static StringBuilder appendScaled(StringBuilder sb, long scaled, int scale) {
        if (scale == 0) return sb.append(scaled);
        if (scaled < 0) {
            sb.append('-');
            scaled = -scaled;
        }
        long pow = BarSeries.POW10[scale];
        sb.append(scaled / pow).append('.');
        String frac = Long.toString(scaled % pow);
        for (int k = frac.length(); k < scale; k++) sb.append('0');
        return sb.append(frac);
    }
}
