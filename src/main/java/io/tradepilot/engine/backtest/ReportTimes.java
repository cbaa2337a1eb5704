package io.tradepilot.engine.backtest;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * How report files write times: ISO dates ({@code 2021-03-04}) when every bar of the series starts at
 * midnight in the market's zone (daily data), otherwise ISO date-times with the zone's offset
 * ({@code 2021-03-04T09:15:00+05:30}).
 */
public final class ReportTimes {
    private final ZoneId zone;
    private final boolean dateOnly;

    public ReportTimes(BarArrays data) {
        this(data.zone(), data.startMillis());
    }

    /** For bars starting at {@code startMillis} in {@code zone}. */
    public ReportTimes(ZoneId zone, long[] startMillis) {
        this.zone = zone;
        boolean midnight = true;
        for (long t : startMillis) {
            if (Instant.ofEpochMilli(t).atZone(zone).toLocalTime().toSecondOfDay() != 0) { midnight = false; break; }
        }
        this.dateOnly = midnight;
    }

    public String format(Instant time) {
        var z = time.atZone(zone);
        return dateOnly ? z.toLocalDate().toString() : z.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
