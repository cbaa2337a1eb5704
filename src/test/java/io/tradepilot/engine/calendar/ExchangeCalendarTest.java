package io.tradepilot.engine.calendar;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ExchangeCalendarTest {

    private static final Path SHARED_DATA = Path.of(System.getProperty("tradepilot.shared.data", "../shared/data"));

    private final ExchangeCalendar nse = ExchangeCalendar.nse();
    private final ExchangeCalendar nyse = ExchangeCalendar.nyse();

    @Test
    void nse_session_runs_from_0915_to_1530_india_time() {
        Session s = nse.session(LocalDate.of(2024, 1, 23)).orElseThrow();
        assertThat(s.open().toInstant()).isEqualTo(Instant.parse("2024-01-23T03:45:00Z"));
        assertThat(s.close().toInstant()).isEqualTo(Instant.parse("2024-01-23T10:00:00Z"));
        assertThat(s.earlyClose()).isFalse();
    }

    @Test
    void nse_holidays_and_weekends_have_no_session() {
        assertThat(nse.session(LocalDate.of(2024, 1, 22))).isEmpty();
        assertThat(nse.holiday(LocalDate.of(2024, 1, 22))).contains("Ram Mandir Inauguration Day");
        assertThat(nse.isTradingDay(LocalDate.of(2024, 1, 27))).isFalse();
    }

    @Test
    void the_source_error_in_the_2020_list_is_corrected_to_holi_2021() {
        assertThat(nse.holiday(LocalDate.of(2021, 3, 29))).contains("Holi");
        assertThat(nse.holiday(LocalDate.of(2020, 3, 29))).isEmpty();
    }

    @Test
    void nyse_session_follows_daylight_saving_time() {
        assertThat(nyse.session(LocalDate.of(2024, 3, 8)).orElseThrow().open().toInstant())
                .isEqualTo(Instant.parse("2024-03-08T14:30:00Z"));
        assertThat(nyse.session(LocalDate.of(2024, 3, 11)).orElseThrow().open().toInstant())
                .isEqualTo(Instant.parse("2024-03-11T13:30:00Z"));
    }

    @Test
    void nyse_closes_at_1300_on_the_day_after_thanksgiving() {
        Session s = nyse.session(LocalDate.of(2025, 11, 28)).orElseThrow();
        assertThat(s.earlyClose()).isTrue();
        assertThat(s.close().toLocalTime()).isEqualTo(LocalTime.of(13, 0));
        assertThat(nyse.isOpen(Instant.parse("2025-11-28T17:59:59Z"))).isTrue();
        assertThat(nyse.isOpen(Instant.parse("2025-11-28T18:00:00Z"))).isFalse();
    }

    @Test
    void is_open_includes_the_open_and_excludes_the_close() {
        assertThat(nse.isOpen(Instant.parse("2024-01-23T03:44:59Z"))).isFalse();
        assertThat(nse.isOpen(Instant.parse("2024-01-23T03:45:00Z"))).isTrue();
        assertThat(nse.isOpen(Instant.parse("2024-01-23T09:59:59Z"))).isTrue();
        assertThat(nse.isOpen(Instant.parse("2024-01-23T10:00:00Z"))).isFalse();
    }

    @Test
    void next_session_after_a_friday_close_skips_the_weekend_and_a_monday_holiday() {
        // Friday 2024-01-19 after the close; Monday 2024-01-22 is a holiday.
        Session next = nse.currentOrNextSession(Instant.parse("2024-01-19T11:00:00Z"));
        assertThat(next.date()).isEqualTo(LocalDate.of(2024, 1, 23));
        Session current = nse.currentOrNextSession(Instant.parse("2024-01-23T05:00:00Z"));
        assertThat(current.date()).isEqualTo(LocalDate.of(2024, 1, 23));
    }

    @Test
    void next_and_previous_trading_days_skip_closures() {
        assertThat(nyse.nextTradingDay(LocalDate.of(2024, 12, 24))).isEqualTo(LocalDate.of(2024, 12, 26));
        assertThat(nyse.previousTradingDay(LocalDate.of(2024, 12, 26))).isEqualTo(LocalDate.of(2024, 12, 24));
        assertThat(nse.tradingDays(LocalDate.of(2024, 1, 19), LocalDate.of(2024, 1, 26)))
                .containsExactly(LocalDate.of(2024, 1, 19), LocalDate.of(2024, 1, 23), LocalDate.of(2024, 1, 24), LocalDate.of(2024, 1, 25));
    }

    @Test
    void coverage_is_the_years_the_data_file_lists() {
        assertThat(nse.covers(LocalDate.of(2000, 1, 3))).isTrue();
        assertThat(nse.covers(LocalDate.of(1999, 12, 31))).isFalse();
        assertThat(nse.covers(LocalDate.of(2018, 1, 1))).isTrue();
        assertThat(nse.covers(LocalDate.of(2026, 12, 31))).isTrue();
        assertThat(nse.covers(LocalDate.of(2027, 1, 4))).isFalse();
        assertThat(nse.isTradingDay(LocalDate.of(2027, 1, 4))).as("weekday rule outside coverage").isTrue();
        assertThat(nyse.covers(LocalDate.of(2027, 6, 1))).isTrue();
    }

    @Test
    void unknown_exchange_and_malformed_files_are_refused_with_their_line() {
        assertThatThrownBy(() -> ExchangeCalendar.of("LSE")).hasMessageContaining("LSE");
        String bad = "date,type,close_time,description\n2024-01-01,HOLIDAY,,New Year\n2024-13-01,HOLIDAY,,Bad\n";
        assertThatThrownBy(() -> load(bad)).hasMessageStartingWith("test.csv:3:");
        String early = "2024-07-03,EARLY_CLOSE,17:00,After the close\n";
        assertThatThrownBy(() -> load(early)).hasMessageContaining("not inside the regular session");
        String kind = "2024-07-03,HALF_DAY,13:00,x\n";
        assertThatThrownBy(() -> load(kind)).hasMessageContaining("unknown type 'HALF_DAY'");
    }

    @Test
    void nse_closed_weekdays_match_the_real_5_minute_sessions_of_2023_2024() throws IOException {
        Path file = SHARED_DATA.resolve("nse_intraday_5min_2023_2024/RELIANCE.csv");
        assumeTrue(Files.exists(file), "shared NSE intraday data not present at " + file);
        Set<LocalDate> traded = sessionDates(file);
        assertThat(closedWeekdays(nse, traded.stream().min(LocalDate::compareTo).orElseThrow(),
                traded.stream().max(LocalDate::compareTo).orElseThrow()))
                .isEqualTo(missingWeekdays(traded));
    }

    @Test
    void nyse_closed_weekdays_match_ten_years_of_real_spy_sessions() throws IOException {
        Path file = SHARED_DATA.resolve("us_daily_2016_2026/SPY.csv");
        assumeTrue(Files.exists(file), "shared US daily data not present at " + file);
        Set<LocalDate> traded = sessionDates(file);
        assertThat(closedWeekdays(nyse, traded.stream().min(LocalDate::compareTo).orElseThrow(),
                traded.stream().max(LocalDate::compareTo).orElseThrow()))
                .isEqualTo(missingWeekdays(traded));
    }

    @Test
    void nyse_early_closes_match_the_real_5_minute_sessions() throws IOException {
        Path file = SHARED_DATA.resolve("us_intraday_5min_2024_2026/SPY.csv");
        assumeTrue(Files.exists(file), "shared US intraday data not present at " + file);
        Map<LocalDate, LocalTime> lastBarStart = new TreeMap<>();
        try (Stream<String> lines = Files.lines(file)) {
            lines.skip(1).forEach(l -> {
                OffsetDateTime t = OffsetDateTime.parse(l.substring(0, l.indexOf(',')));
                lastBarStart.merge(t.toLocalDate(), t.toLocalTime(), (a, b) -> a.isAfter(b) ? a : b);
            });
        }
        lastBarStart.forEach((date, last) -> {
            Session s = nyse.session(date).orElseThrow(() -> new AssertionError("traded on a closed day " + date));
            assertThat(s.close().toLocalTime()).as("close on " + date).isEqualTo(last.plusMinutes(5));
        });
    }

    @Test
    void a_listed_weekend_special_session_is_a_session_day_but_not_a_trading_day() {
        LocalDate drill = LocalDate.of(2024, 1, 20); // Saturday live session from NSE's disaster-recovery site
        assertThat(nse.specialSession(drill)).contains("Saturday session");
        assertThat(nse.isSessionDay(drill)).isTrue();
        assertThat(nse.isTradingDay(drill)).as("hours not recorded: no regular session, no scheduled jobs").isFalse();
        assertThat(nse.session(drill)).isEmpty();
        assertThat(nse.nextSessionDay(LocalDate.of(2024, 1, 19))).isEqualTo(drill);
        assertThat(nse.nextTradingDay(LocalDate.of(2024, 1, 19))).isEqualTo(LocalDate.of(2024, 1, 23));
        assertThat(nse.nextSessionDay(drill)).as("Monday 2024-01-22 is a holiday").isEqualTo(LocalDate.of(2024, 1, 23));
        assertThat(nse.isSessionDay(LocalDate.of(2024, 1, 27))).as("an unlisted Saturday").isFalse();
        assertThat(nse.isSessionDay(LocalDate.of(2024, 1, 22))).as("a holiday").isFalse();
    }

    @Test
    void a_special_session_on_a_weekday_or_on_a_holiday_is_refused() {
        assertThatThrownBy(() -> load("2024-01-19,SPECIAL_SESSION,,Friday\n")).hasMessageStartingWith("test.csv:1:")
                .hasMessageContaining("not on a weekend");
        assertThatThrownBy(() -> load("2024-01-20,HOLIDAY,,x\n2024-01-20,SPECIAL_SESSION,,y\n"))
                .hasMessageContaining("2024-01-20 is both a holiday and a special session");
    }

    @Test
    void a_week_before_2018_whose_friday_was_a_holiday_completes_on_thursday() {
        // Friday 2003-03-14 (Holi) and Friday 2017-08-25 (Ganesh Chaturthi) were closed
        assertThat(nse.holiday(LocalDate.of(2003, 3, 14))).contains("Trading holiday");
        assertThat(nse.nextTradingDay(LocalDate.of(2003, 3, 13))).isEqualTo(LocalDate.of(2003, 3, 17));
        assertThat(nse.isTradingDay(LocalDate.of(2017, 8, 25))).isFalse();
        assertThat(nse.isTradingDay(LocalDate.of(2004, 1, 1))).as("BSE closed, NSE traded").isTrue();
    }

    /**
     * The 2000-2017 holidays are exactly the weekdays on which none of the 49 NIFTY-50 constituents of the
     * shared NSE bhavcopy set has a row (the rule calendars/NSE.csv states for those years).
     */
    @Test
    void nse_closed_weekdays_2000_2017_are_the_weekdays_no_nifty50_constituent_traded() throws IOException {
        Path dir = SHARED_DATA.resolve("nifty50_daily_2000_2021");
        assumeTrue(Files.isDirectory(dir), "shared NSE daily data not present at " + dir);
        Map<LocalDate, Integer> rows = rowsPerDate(dir);
        LocalDate from = LocalDate.of(2000, 1, 3), to = LocalDate.of(2017, 12, 31);
        Set<LocalDate> noRow = new TreeSet<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (!isWeekend(d) && !rows.containsKey(d)) noRow.add(d);
        }
        assertThat(noRow).hasSize(233);
        assertThat(closedWeekdays(nse, from, to)).isEqualTo(noRow);
    }

    /**
     * The listed special sessions are exactly the weekend dates on which most NIFTY-50 constituents have a
     * daily row, in both shared NSE daily sets (the derivation rule stated in calendars/NSE.csv).
     */
    @Test
    void nse_special_sessions_match_the_weekend_rows_of_the_nifty50_daily_sets() throws IOException {
        for (String folder : new String[]{"nifty50_daily_2000_2021", "nifty50_daily_2020_2025"}) {
            Path dir = SHARED_DATA.resolve(folder);
            assumeTrue(Files.isDirectory(dir), "shared NSE daily data not present at " + dir);
            Map<LocalDate, Integer> rows = rowsPerDate(dir);
            LocalDate first = rows.keySet().stream().min(LocalDate::compareTo).orElseThrow();
            LocalDate last = rows.keySet().stream().max(LocalDate::compareTo).orElseThrow();
            Set<LocalDate> weekendSessions = new TreeSet<>();
            rows.forEach((d, n) -> {
                if (isWeekend(d) && n >= 35) weekendSessions.add(d);
            });
            Set<LocalDate> listed = new TreeSet<>();
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                if (nse.specialSession(d).isPresent()) listed.add(d);
            }
            assertThat(listed).as(folder).isEqualTo(weekendSessions);
        }
    }

    private static ExchangeCalendar load(String csv) throws IOException {
        return ExchangeCalendar.load("TEST", ZoneId.of("UTC"), LocalTime.of(9, 30), LocalTime.of(16, 0),
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "test.csv");
    }

    private static Set<LocalDate> sessionDates(Path csv) throws IOException {
        try (Stream<String> lines = Files.lines(csv)) {
            return lines.skip(1).map(l -> LocalDate.parse(l.substring(0, 10))).collect(TreeSet::new, Set::add, Set::addAll);
        }
    }

    /** Per date, how many of the folder's daily series ({@code SYMBOL.csv}) have a row. */
    static Map<LocalDate, Integer> rowsPerDate(Path folder) throws IOException {
        Map<LocalDate, Integer> rows = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv") && !p.getFileName().toString().startsWith("_")).toList()) {
                for (LocalDate d : sessionDates(f)) rows.merge(d, 1, Integer::sum);
            }
        }
        return rows;
    }

    private static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static Set<LocalDate> missingWeekdays(Set<LocalDate> traded) {
        Set<LocalDate> missing = new TreeSet<>();
        LocalDate first = traded.stream().min(LocalDate::compareTo).orElseThrow();
        LocalDate last = traded.stream().max(LocalDate::compareTo).orElseThrow();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (!isWeekend(d) && !traded.contains(d)) missing.add(d);
        }
        return missing;
    }

    private static Set<LocalDate> closedWeekdays(ExchangeCalendar calendar, LocalDate from, LocalDate to) {
        Set<LocalDate> closed = new TreeSet<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (!isWeekend(d) && !calendar.isTradingDay(d)) closed.add(d);
        }
        return closed;
    }
}
