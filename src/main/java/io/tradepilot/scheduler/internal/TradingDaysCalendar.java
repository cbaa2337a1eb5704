package io.tradepilot.scheduler.internal;

import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.engine.calendar.Session;
import org.quartz.impl.calendar.BaseCalendar;

import java.io.Serial;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * A Quartz calendar built from an {@link ExchangeCalendar}: it includes the exchange's trading days
 * (in its time zone) and excludes weekends and holidays. With a {@code close} it narrows further, for jobs
 * timed relative to the close: {@link Days#REGULAR_CLOSE} keeps the days with a regular close,
 * {@link Days#EARLY_CLOSE_AT} only the early-close days closing at {@code close} (NYSE 13:00). A
 * close-relative job gets one trigger per kind of day, each at its own time.
 *
 * <p>Quartz's JDBC store keeps calendars serialized: this one stores only the exchange's name and its
 * selection, and reloads the exchange calendar from the classpath data file after deserialization, so an
 * updated calendar file takes effect at the next start. {@link #fingerprint} tells whether the stored
 * copy still matches the data file.
 */
public final class TradingDaysCalendar extends BaseCalendar {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Which trading days are included. */
    public enum Days { ALL, REGULAR_CLOSE, EARLY_CLOSE_AT }

    private final String exchange;
    private final Days days;
    private final LocalTime close;
    private final String fingerprint;
    private transient ExchangeCalendar calendar;
    /** The clustered job store deserializes a calendar for every trigger it fires: read each data file once. */
    private static final java.util.Map<String, ExchangeCalendar> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param close the early close time, required for {@link Days#EARLY_CLOSE_AT}, else null
     */
    public TradingDaysCalendar(ExchangeCalendar calendar, Days days, LocalTime close) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.exchange = calendar.exchange();
        this.days = Objects.requireNonNull(days, "days");
        if ((days == Days.EARLY_CLOSE_AT) != (close != null)) throw new IllegalArgumentException("a close time goes with EARLY_CLOSE_AT only");
        this.close = close;
        this.fingerprint = fingerprint(calendar);
        setTimeZone(java.util.TimeZone.getTimeZone(calendar.zone()));
        setDescription(exchange + " " + (days == Days.EARLY_CLOSE_AT ? "early closes at " + close : days == Days.ALL ? "trading days" : "regular-close trading days"));
    }

    private ExchangeCalendar calendar() {
        if (calendar == null) calendar = LOADED.computeIfAbsent(exchange, ExchangeCalendar::of);
        return calendar;
    }

    public String exchange() {
        return exchange;
    }

    /** True when {@code date} (exchange local) is a day this calendar includes. */
    public boolean includes(LocalDate date) {
        Optional<Session> s = calendar().session(date);
        if (s.isEmpty()) return false;
        return switch (days) {
            case ALL -> true;
            case REGULAR_CLOSE -> !s.get().earlyClose();
            case EARLY_CLOSE_AT -> s.get().earlyClose() && s.get().close().toLocalTime().equals(close);
        };
    }

    private LocalDate localDate(long millis) {
        return Instant.ofEpochMilli(millis).atZone(calendar().zone()).toLocalDate();
    }

    @Override
    public boolean isTimeIncluded(long timeStamp) {
        if (!super.isTimeIncluded(timeStamp)) return false;
        return includes(localDate(timeStamp));
    }

    @Override
    public long getNextIncludedTime(long timeStamp) {
        long t = super.getNextIncludedTime(timeStamp);
        if (t <= timeStamp) t = timeStamp + 1;
        ZoneId zone = calendar().zone();
        LocalDate day = localDate(t);
        for (int i = 0; i < 3660; i++) {
            if (includes(day)) {
                long start = day.atStartOfDay(zone).toInstant().toEpochMilli();
                long candidate = Math.max(start, t);
                if (super.isTimeIncluded(candidate)) return candidate;
            }
            day = day.plusDays(1);
        }
        return 0;
    }

    /**
     * A digest of the exchange calendar's content (its holidays and early closes over the years its file
     * covers): different after the data file changed.
     */
    public String fingerprint() {
        return fingerprint;
    }

    static String fingerprint(ExchangeCalendar calendar) {
        StringBuilder b = new StringBuilder(calendar.toString());
        int hash = 1;
        LocalDate from = LocalDate.of(1990, 1, 1);
        for (LocalDate d = from; d.getYear() < 2100; d = d.plusDays(1)) {
            if (!calendar.covers(d)) continue;
            Optional<Session> s = calendar.session(d);
            hash = 31 * hash + (s.isEmpty() ? 0 : s.get().close().toLocalTime().toSecondOfDay() + 1);
        }
        return b.append('#').append(Integer.toHexString(hash)).toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TradingDaysCalendar c && exchange.equals(c.exchange) && days == c.days
                && Objects.equals(close, c.close) && fingerprint.equals(c.fingerprint);
    }

    @Override
    public int hashCode() {
        return Objects.hash(exchange, days, close, fingerprint);
    }

    @Override
    public Object clone() {
        return super.clone();
    }
}
