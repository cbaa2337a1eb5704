package io.tradepilot.engine.cli;

import io.tradepilot.engine.indicators.Indicators;
import io.tradepilot.engine.marketdata.BarSeries;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One indicator named on the command line. Grammar (case-insensitive):
 * <pre>
 *   name  := kind period [ "x" width ]        width only for bb, e.g. bb20x2.5 (default 2)
 *   kind  := sma | ema | wma | rsi | atr | std | bb | hh | ll | volratio
 * </pre>
 * Inputs: close for sma, ema, wma, rsi, std, bb; high for hh (highest high); low for ll (lowest low);
 * volume for volratio; high, low and close for atr. Each yields one column named as given (lower
 * case), except bb: {@code <name>_lower, <name>_middle, <name>_upper}.
 */
public record IndicatorSpec(String name, Kind kind, int period, double width) {

    /** The indicator kinds and their smallest period (TA-Lib's ranges). */
    public enum Kind {
        SMA(1), EMA(1), WMA(1), RSI(2), ATR(1), STD(2), BB(2), HH(1), LL(1), VOLRATIO(1);

        final int minPeriod;

        Kind(int minPeriod) {
            this.minPeriod = minPeriod;
        }
    }

    /** The default list of the {@code indicators} command. */
    public static final String DEFAULT_LIST = "rsi14,atr14,wma20,wma50,wma100,sma20,ema20,volratio20";

    private static final Pattern NAME = Pattern.compile("(sma|ema|wma|rsi|atr|std|bb|hh|ll|volratio)(\\d{1,6})(?:x(\\d{1,3}(?:\\.\\d{1,6})?))?");
    private static final String KNOWN = "sma, ema, wma, rsi, atr, std, bb, hh, ll, volratio followed by a period, e.g. rsi14, bb20 or bb20x2.5";

    /** Parses one name. */
    public static IndicatorSpec parse(String text) throws UsageException {
        String s = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = NAME.matcher(s);
        if (!m.matches()) throw new UsageException("unknown indicator '" + text.strip() + "' (known: " + KNOWN + ")");
        Kind kind = Kind.valueOf(m.group(1).toUpperCase(Locale.ROOT));
        int period = Integer.parseInt(m.group(2));
        if (period < kind.minPeriod || period > 100_000) {
            throw new UsageException("indicator '" + s + "': period must be " + kind.minPeriod + "..100000");
        }
        double width = 2.0;
        if (m.group(3) != null) {
            if (kind != Kind.BB) throw new UsageException("indicator '" + s + "': only bb takes a width (e.g. bb20x2.5)");
            width = Double.parseDouble(m.group(3));
        }
        return new IndicatorSpec(s, kind, period, width);
    }

    /** Parses a comma-separated list; refuses an empty list, empty entries and duplicates. */
    public static List<IndicatorSpec> parseList(String list) throws UsageException {
        List<IndicatorSpec> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String part : list.split(",", -1)) {
            if (part.isBlank()) throw new UsageException("empty indicator name in '" + list + "'");
            IndicatorSpec spec = parse(part);
            if (!seen.add(spec.name())) throw new UsageException("indicator '" + spec.name() + "' given twice");
            out.add(spec);
        }
        return out;
    }

    /** The output column names. */
    public List<String> columns() {
        return kind == Kind.BB ? List.of(name + "_lower", name + "_middle", name + "_upper") : List.of(name);
    }

    /** Computes the columns over {@code s} ({@code NaN} during warm-up and where undefined). */
    public List<double[]> compute(BarSeries s) {
        return switch (kind) {
            case SMA -> List.of(Indicators.sma(s.closes(), period));
            case EMA -> List.of(Indicators.ema(s.closes(), period));
            case WMA -> List.of(Indicators.wma(s.closes(), period));
            case RSI -> List.of(Indicators.rsi(s.closes(), period));
            case STD -> List.of(Indicators.stdDev(s.closes(), period));
            case HH -> List.of(Indicators.highest(s.highs(), period));
            case LL -> List.of(Indicators.lowest(s.lows(), period));
            case VOLRATIO -> List.of(Indicators.volumeRatio(s.volumesAsDouble(), period));
            case ATR -> List.of(Indicators.atr(s.highs(), s.lows(), s.closes(), period));
            case BB -> {
                Indicators.Bands b = Indicators.bollinger(s.closes(), period, width);
                yield List.of(b.lower(), b.middle(), b.upper());
            }
        };
    }
}
