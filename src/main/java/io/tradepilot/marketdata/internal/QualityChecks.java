package io.tradepilot.marketdata.internal;

import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.engine.calendar.Session;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.marketdata.QualityIssue;
import io.tradepilot.marketdata.QualityIssue.Kind;
import io.tradepilot.marketdata.QualityIssue.Severity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The warnings of a valid series against its exchange calendar: gaps (bars the calendar expects between two
 * consecutive bars, one warning per run, on the line of the bar after it), bars outside the sessions, outliers
 * (a close-to-close move beyond {@code outlierMove}, e.g. 0.2 for 20 %; computed in double, as a flag only) and,
 * once per year, a year the calendar file does not cover (its holidays are unknown, so its gaps are not checked).
 * Daily bars are expected on every trading day; intraday bars at every multiple of the interval from each regular
 * session's open to its close (early closes included).
 */
final class QualityChecks {

    /** The warnings (the first {@link CsvBarCheck#MAX_LISTED}) and the counts. */
    record Report(List<QualityIssue> warnings, long warningCount, int gaps, long missingBars, int outliers, int offSession) {
    }

    private final List<QualityIssue> warnings = new ArrayList<>();
    private long warningCount;
    private int gaps;
    private long missingBars;
    private int outliers;
    private int offSession;
    private final Set<Integer> uncoveredYears = new HashSet<>();

    private QualityChecks() {
    }

    /** Checks {@code series}, whose bar {@code i} came from line {@code lines[i]}. */
    static Report check(BarSeries series, long[] lines, ExchangeCalendar calendar, BarInterval interval, double outlierMove) {
        QualityChecks c = new QualityChecks();
        c.run(series, lines, calendar, interval, outlierMove);
        return new Report(List.copyOf(c.warnings), c.warningCount, c.gaps, c.missingBars, c.outliers, c.offSession);
    }

    private void run(BarSeries s, long[] lines, ExchangeCalendar calendar, BarInterval interval, double outlierMove) {
        long step = interval.length().toMillis();
        for (int i = 0; i < s.size(); i++) {
            long t = s.startMillis(i);
            LocalDate day = Instant.ofEpochMilli(t).atZone(calendar.zone()).toLocalDate();
            if (!calendar.covers(day)) {
                if (uncoveredYears.add(day.getYear())) {
                    warn(lines[i], Kind.CALENDAR, "the " + calendar.exchange() + " calendar does not cover " + day.getYear()
                            + ": gaps and sessions in that year are not checked");
                }
            } else if (interval.daily() ? !calendar.isSessionDay(day) : !calendar.isOpen(Instant.ofEpochMilli(t))) {
                offSession++;
                warn(lines[i], Kind.OFF_SESSION, interval.daily() ? day + " is not a session day of " + calendar.exchange()
                        : Instant.ofEpochMilli(t).atZone(calendar.zone()).toLocalDateTime() + " is outside " + calendar.exchange() + "'s session");
            }
            if (i == 0) continue;
            long prev = s.startMillis(i - 1);
            if (!(!interval.daily() && t - prev == step)) {
                long missing = interval.daily() ? missingDays(calendar, prev, t) : missingSlots(calendar, prev, t, step);
                if (missing > 0) {
                    gaps++;
                    missingBars += missing;
                    warn(lines[i], Kind.GAP, missing + (missing == 1 ? " bar" : " bars") + " missing between "
                            + local(calendar, prev, interval) + " and " + local(calendar, t, interval));
                }
            }
            long pc = s.close(i - 1);
            if (pc > 0) {
                double move = (double) s.close(i) / pc - 1;
                if (Math.abs(move) > outlierMove) {
                    outliers++;
                    warn(lines[i], Kind.OUTLIER, String.format(java.util.Locale.ROOT, "close moved %+.1f %% from %s to %s", move * 100,
                            s.decimal(pc).toPlainString(), s.decimal(s.close(i)).toPlainString()));
                }
            }
        }
    }

    /** Trading days strictly between the days of two daily bars (covered years only). */
    private static long missingDays(ExchangeCalendar calendar, long prev, long next) {
        LocalDate a = Instant.ofEpochMilli(prev).atZone(calendar.zone()).toLocalDate();
        LocalDate b = Instant.ofEpochMilli(next).atZone(calendar.zone()).toLocalDate();
        long missing = 0;
        for (LocalDate d = a.plusDays(1); d.isBefore(b); d = d.plusDays(1)) {
            if (calendar.covers(d) && calendar.isTradingDay(d)) missing++;
        }
        return missing;
    }

    /** Intraday slots of the sessions strictly between two bars (covered years only). */
    private static long missingSlots(ExchangeCalendar calendar, long prev, long next, long step) {
        LocalDate a = Instant.ofEpochMilli(prev).atZone(calendar.zone()).toLocalDate();
        LocalDate b = Instant.ofEpochMilli(next).atZone(calendar.zone()).toLocalDate();
        long missing = 0;
        for (LocalDate d = a; !d.isAfter(b); d = d.plusDays(1)) {
            if (!calendar.covers(d)) continue;
            Optional<Session> session = calendar.session(d);
            if (session.isEmpty()) continue;
            long open = session.get().open().toInstant().toEpochMilli();
            long close = session.get().close().toInstant().toEpochMilli();
            // slots open + k*step in (prev, next) and before close
            long lo = Math.max(open, prev + 1);
            long hi = Math.min(close, next); // exclusive
            if (lo >= hi) continue;
            long firstK = Math.ceilDiv(lo - open, step);
            long lastK = Math.ceilDiv(hi - open, step) - 1;
            if (lastK >= firstK) missing += lastK - firstK + 1;
        }
        return missing;
    }

    private static String local(ExchangeCalendar calendar, long t, BarInterval interval) {
        var z = Instant.ofEpochMilli(t).atZone(calendar.zone());
        return interval.daily() ? z.toLocalDate().toString() : z.toLocalDateTime().toString();
    }

    private void warn(long line, Kind kind, String message) {
        if (warnings.size() < CsvBarCheck.MAX_LISTED) warnings.add(new QualityIssue(line, Severity.WARNING, kind, message));
        warningCount++;
    }
}
