package io.tradepilot.engine.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The trading calendar of one exchange: which days it trades, and from when to when.
 *
 * <p>Holidays and early closes come from a data file; the calendar covers exactly the calendar years
 * that file lists. Outside them it still answers, treating every weekday as a regular session, and
 * {@link #covers(LocalDate)} says so, so that a scheduler can warn that the file needs next year's
 * dates. Weekend special sessions the file lists ({@code SPECIAL_SESSION}: NSE's Saturday sessions, a
 * Sunday Muhurat) are session days ({@link #isSessionDay}) but not trading days: their hours are not
 * recorded, so {@link #isTradingDay}, {@link #session}, {@link #tradingDays} and the scheduler built on
 * them leave them out, and intraday rules never act on them. Consumers that only need to know whether
 * the exchange held any session that day (the weekly bars of the 3WI strategy and scanner) use
 * {@link #isSessionDay} and {@link #nextSessionDay}.
 */
public final class ExchangeCalendar {

    private static final int SEARCH_LIMIT_DAYS = 3660;

    private final String exchange;
    private final ZoneId zone;
    private final LocalTime regularOpen;
    private final LocalTime regularClose;
    private final Map<LocalDate, String> holidays;
    private final Map<LocalDate, LocalTime> earlyCloses;
    private final Map<LocalDate, String> earlyCloseReasons;
    private final Map<LocalDate, String> specialSessions;
    private final int firstYear;
    private final int lastYear;

    private ExchangeCalendar(String exchange, ZoneId zone, LocalTime regularOpen, LocalTime regularClose,
                             Map<LocalDate, String> holidays, Map<LocalDate, LocalTime> earlyCloses,
                             Map<LocalDate, String> earlyCloseReasons, Map<LocalDate, String> specialSessions) {
        this.exchange = exchange;
        this.zone = zone;
        this.regularOpen = regularOpen;
        this.regularClose = regularClose;
        this.holidays = Collections.unmodifiableMap(holidays);
        this.earlyCloses = Collections.unmodifiableMap(earlyCloses);
        this.earlyCloseReasons = Collections.unmodifiableMap(earlyCloseReasons);
        this.specialSessions = Collections.unmodifiableMap(specialSessions);
        TreeMap<LocalDate, Object> all = new TreeMap<>(holidays);
        all.putAll(earlyCloses);
        this.firstYear = all.isEmpty() ? Integer.MAX_VALUE : all.firstKey().getYear();
        this.lastYear = all.isEmpty() ? Integer.MIN_VALUE : all.lastKey().getYear();
    }

    /** NSE equities: Asia/Kolkata, 09:15–15:30, holidays from {@code calendars/NSE.csv}. */
    public static ExchangeCalendar nse() {
        return fromClasspath("NSE", ZoneId.of("Asia/Kolkata"), LocalTime.of(9, 15), LocalTime.of(15, 30));
    }

    /** NYSE equities: America/New_York, 09:30–16:00, holidays and early closes from {@code calendars/NYSE.csv}. */
    public static ExchangeCalendar nyse() {
        return fromClasspath("NYSE", ZoneId.of("America/New_York"), LocalTime.of(9, 30), LocalTime.of(16, 0));
    }

    /** The calendar of {@code exchange} ("NSE" or "NYSE", case-insensitive); refuses any other name. */
    public static ExchangeCalendar of(String exchange) {
        return switch (exchange.toUpperCase(java.util.Locale.ROOT)) {
            case "NSE" -> nse();
            case "NYSE" -> nyse();
            default -> throw new IllegalArgumentException("no calendar for exchange '" + exchange + "' (known: NSE, NYSE)");
        };
    }

    private static ExchangeCalendar fromClasspath(String exchange, ZoneId zone, LocalTime open, LocalTime close) {
        String resource = "/calendars/" + exchange + ".csv";
        try (InputStream in = ExchangeCalendar.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("calendar data file missing from the classpath: " + resource);
            return load(exchange, zone, open, close, in, resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * Reads a calendar file: lines {@code date,type,close_time,description} with type HOLIDAY,
     * EARLY_CLOSE (close_time HH:mm local, required for EARLY_CLOSE) or SPECIAL_SESSION (a Saturday or
     * Sunday on which the exchange trades); '#' lines and the header are skipped. Refuses a malformed line,
     * naming the source and line number, and a special session on a weekday or on a listed holiday.
     */
    public static ExchangeCalendar load(String exchange, ZoneId zone, LocalTime open, LocalTime close,
                                        InputStream csv, String sourceName) throws IOException {
        Objects.requireNonNull(zone, "zone");
        if (!open.isBefore(close)) throw new IllegalArgumentException("open must be before close");
        Map<LocalDate, String> holidays = new TreeMap<>();
        Map<LocalDate, LocalTime> earlyCloses = new TreeMap<>();
        Map<LocalDate, String> earlyCloseReasons = new TreeMap<>();
        Map<LocalDate, String> specialSessions = new TreeMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#") || line.startsWith("date,")) continue;
            String[] f = line.split(",", 4);
            try {
                if (f.length < 3) throw new IllegalArgumentException("expected date,type,close_time,description");
                LocalDate date = LocalDate.parse(f[0].trim());
                String description = f.length == 4 ? f[3].trim() : "";
                switch (f[1].trim()) {
                    case "HOLIDAY" -> holidays.put(date, description);
                    case "EARLY_CLOSE" -> {
                        LocalTime earlyClose = LocalTime.parse(f[2].trim());
                        if (!earlyClose.isAfter(open) || !earlyClose.isBefore(close)) {
                            throw new IllegalArgumentException("early close " + earlyClose + " is not inside the regular session");
                        }
                        earlyCloses.put(date, earlyClose);
                        earlyCloseReasons.put(date, description);
                    }
                    case "SPECIAL_SESSION" -> {
                        DayOfWeek dow = date.getDayOfWeek();
                        if (dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY) {
                            throw new IllegalArgumentException("special session " + date + " is not on a weekend");
                        }
                        specialSessions.put(date, description);
                    }
                    default -> throw new IllegalArgumentException("unknown type '" + f[1].trim() + "' (HOLIDAY, EARLY_CLOSE or SPECIAL_SESSION)");
                }
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new IllegalArgumentException(sourceName + ":" + number + ": " + e.getMessage(), e);
            }
        }
        for (LocalDate d : earlyCloses.keySet()) {
            if (holidays.containsKey(d)) throw new IllegalArgumentException(sourceName + ": " + d + " is both a holiday and an early close");
        }
        for (LocalDate d : specialSessions.keySet()) {
            if (holidays.containsKey(d)) throw new IllegalArgumentException(sourceName + ": " + d + " is both a holiday and a special session");
        }
        return new ExchangeCalendar(exchange, zone, open, close, holidays, earlyCloses, earlyCloseReasons, specialSessions);
    }

    public String exchange() {
        return exchange;
    }

    public ZoneId zone() {
        return zone;
    }

    /** True when the data file covers {@code date}'s calendar year; outside it, holidays are unknown. */
    public boolean covers(LocalDate date) {
        return date.getYear() >= firstYear && date.getYear() <= lastYear;
    }

    /** The holiday's name when the exchange is closed on this (week)day for a holiday. */
    public Optional<String> holiday(LocalDate date) {
        return Optional.ofNullable(holidays.get(date));
    }

    /** Why the session of {@code date} closes early (the data file's description), empty on a regular day. */
    public Optional<String> earlyCloseReason(LocalDate date) {
        return Optional.ofNullable(earlyCloseReasons.get(date));
    }

    /** The description of the weekend special session held on {@code date}, empty when none is listed. */
    public Optional<String> specialSession(LocalDate date) {
        return Optional.ofNullable(specialSessions.get(date));
    }

    /** True on weekdays that are not holidays (regular sessions only; see {@link #isSessionDay}). */
    public boolean isTradingDay(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !holidays.containsKey(date);
    }

    /** The session held on {@code date}, empty when the exchange does not trade that day. */
    public Optional<Session> session(LocalDate date) {
        if (!isTradingDay(date)) return Optional.empty();
        LocalTime early = earlyCloses.get(date);
        LocalTime close = early != null ? early : regularClose;
        return Optional.of(new Session(date, date.atTime(regularOpen).atZone(zone), date.atTime(close).atZone(zone), early != null));
    }

    /** True when a session is in progress at {@code instant} (open inclusive, close exclusive). */
    public boolean isOpen(Instant instant) {
        return session(instant.atZone(zone).toLocalDate()).map(s -> s.contains(instant)).orElse(false);
    }

    /** The session in progress at {@code instant}, or else the next one to open. */
    public Session currentOrNextSession(Instant instant) {
        LocalDate date = instant.atZone(zone).toLocalDate();
        for (int i = 0; i < SEARCH_LIMIT_DAYS; i++, date = date.plusDays(1)) {
            Optional<Session> s = session(date);
            if (s.isPresent() && instant.isBefore(s.get().close().toInstant())) return s.get();
        }
        throw new IllegalStateException(exchange + ": no session within ten years of " + instant);
    }

    /** True when the exchange holds a session on {@code date}: a trading day or a listed weekend special session. */
    public boolean isSessionDay(LocalDate date) {
        return isTradingDay(date) || specialSessions.containsKey(date);
    }

    /** The first trading day strictly after {@code date}. */
    public LocalDate nextTradingDay(LocalDate date) {
        return step(date, 1);
    }

    /** The first session day ({@link #isSessionDay}) strictly after {@code date}. */
    public LocalDate nextSessionDay(LocalDate date) {
        LocalDate d = date;
        for (int i = 0; i < SEARCH_LIMIT_DAYS; i++) {
            d = d.plusDays(1);
            if (isSessionDay(d)) return d;
        }
        throw new IllegalStateException(exchange + ": no session within ten years of " + date);
    }

    /** The last trading day strictly before {@code date}. */
    public LocalDate previousTradingDay(LocalDate date) {
        return step(date, -1);
    }

    /** Trading days from {@code from} to {@code to}, both inclusive, in order. */
    public List<LocalDate> tradingDays(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (isTradingDay(d)) days.add(d);
        }
        return days;
    }

    private LocalDate step(LocalDate date, int direction) {
        LocalDate d = date;
        for (int i = 0; i < SEARCH_LIMIT_DAYS; i++) {
            d = d.plusDays(direction);
            if (isTradingDay(d)) return d;
        }
        throw new IllegalStateException(exchange + ": no trading day within ten years of " + date);
    }

    @Override
    public String toString() {
        return exchange + " calendar (" + zone + ", " + regularOpen + "-" + regularClose + ", covers " + firstYear + "-" + lastYear + ")";
    }
}
