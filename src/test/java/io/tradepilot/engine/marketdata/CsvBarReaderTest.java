package io.tradepilot.engine.marketdata;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvBarReaderTest {

    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    static final String H = "date,open,high,low,close,volume\n";

    static BarSeries parse(String text) throws BarDataException {
        return CsvBarReader.parse(text.getBytes(StandardCharsets.UTF_8), "t.csv", "T", IST);
    }

    static Path resource(String name) throws Exception {
        return Path.of(CsvBarReaderTest.class.getResource("/marketdata/" + name).toURI());
    }

    @Test
    void daily_rows_start_at_exchange_local_midnight_with_exact_prices() throws Exception {
        BarSeries s = CsvBarReader.read(resource("daily_sample.csv"), IST);
        assertThat(s.symbol()).isEqualTo("daily_sample");
        assertThat(s.size()).isEqualTo(20);
        assertThat(s.stamping()).isEqualTo(TimeStamping.DATE);
        assertThat(s.priceScale()).isEqualTo(2);
        assertThat(s.start(0)).isEqualTo(LocalDate.of(2021, 4, 26).atStartOfDay(IST).toInstant());
        assertThat(s.start(0)).isEqualTo(Instant.parse("2021-04-25T18:30:00Z"));
        assertThat(s.bar(2).close().value()).isEqualByComparingTo("101.05");
        assertThat(s.open(0)).isEqualTo(10000);
        assertThat(s.volume(19)).isEqualTo(15500);
    }

    @Test
    void intraday_rows_use_the_offset_in_the_file() throws Exception {
        BarSeries s = CsvBarReader.read(resource("intraday_sample.csv"), IST);
        assertThat(s.stamping()).isEqualTo(TimeStamping.DATE_TIME);
        assertThat(s.start(0)).isEqualTo(OffsetDateTime.parse("2023-07-03T09:15:00+05:30").toInstant());
        assertThat(s.start(3)).isEqualTo(Instant.parse("2023-07-03T09:55:00Z"));
        BarSeries z = parse(H + "2024-03-11T13:30:00Z,1,1,1,1,0\n2024-03-11 09:35-04:00,1,2,1,2,5\n");
        assertThat(z.start(0)).isEqualTo(Instant.parse("2024-03-11T13:30:00Z"));
        assertThat(z.start(1)).isEqualTo(Instant.parse("2024-03-11T13:35:00Z"));
    }

    @Test
    void the_price_scale_grows_to_the_most_decimals_seen_without_losing_earlier_rows() throws Exception {
        BarSeries s = parse(H + "2020-01-01,10,12.5,9,11,1\n2020-01-02,11,11.5,10.25,11.123456,2\n2020-01-03,11,11,11,11,3.0\n");
        assertThat(s.priceScale()).isEqualTo(6);
        assertThat(s.bar(0).high().value()).isEqualByComparingTo("12.5");
        assertThat(s.high(0)).isEqualTo(12_500_000L);
        assertThat(s.bar(1).close().value()).isEqualByComparingTo("11.123456");
        assertThat(s.bar(1).low().value()).isEqualByComparingTo("10.25");
        assertThat(s.volume(2)).isEqualTo(3);
    }

    @Test
    void bom_crlf_blank_lines_and_a_missing_final_newline_are_accepted() throws Exception {
        String text = "\uFEFFDATE,Open,High,Low,Close,Volume\r\n2020-01-01,1.5,2,1,1.75,10\r\n\r\n2020-01-02,1.75,2,1.5,2,20";
        BarSeries s = parse(text);
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.bar(1).close().value()).isEqualByComparingTo("2");
        assertThat(s.volume(1)).isEqualTo(20);
    }

    @Test
    void daily_midnights_are_exact_in_a_zone_with_daylight_saving() throws Exception {
        ZoneId ny = ZoneId.of("America/New_York");
        StringBuilder sb = new StringBuilder(H);
        LocalDate d = LocalDate.of(2019, 1, 1);
        for (int i = 0; i < 800; i++) sb.append(d.plusDays(i)).append(",1,1,1,1,1\n");
        BarSeries s = CsvBarReader.parse(sb.toString().getBytes(StandardCharsets.UTF_8), "ny.csv", "NY", ny);
        for (int i = 0; i < 800; i++) {
            assertThat(s.start(i)).isEqualTo(d.plusDays(i).atStartOfDay(ny).toInstant());
        }
    }

    @Test
    void a_wrong_header_is_refused_on_line_1() {
        assertThatThrownBy(() -> parse("Date,Prev Close,Open,High,Low,Close,Volume\n"))
                .isInstanceOf(BarDataException.class)
                .hasMessage("t.csv line 1: expected header 'date,open,high,low,close,volume' but found 'Date,Prev Close,Open,High,Low,Close,Volume'");
        assertThatThrownBy(() -> parse("")).hasMessageContaining("line 1: empty file");
    }

    @Test
    void malformed_rows_are_refused_naming_file_line_and_problem() {
        expect(H + "2020-01-01,1,2,1\n", "t.csv line 2: missing column 'close': expected 6 columns");
        expect(H + "2020-01-01,1,2,1,1,5,7\n", "t.csv line 2: too many columns: expected 6");
        expect(H + "2020-01-01,1,2,1,1,5\n2020-01-02,1,2x,1,1,5\n", "t.csv line 3: bad number in column 'high': '2x'");
        expect(H + "2020-01-01,1,,1,1,5\n", "t.csv line 2: empty value in column 'high'");
        expect(H + "2020-01-01,-1,2,1,1,5\n", "t.csv line 2: negative value in column 'open': '-1'");
        expect(H + "2020-01-01,1e3,2,1,1,5\n", "t.csv line 2: bad number in column 'open': '1e3'");
        expect(H + "2020-01-01,1,2,1,1,5.5\n", "t.csv line 2: fractional volume: '5.5'");
        expect(H + "2020-01-01,1,2,1,1,\n", "t.csv line 2: empty value in column 'volume'");
        expect(H + "01/02/2020,1,2,1,1,5\n", "t.csv line 2: bad date: '01/02/2020'");
        expect(H + "2021-02-29,1,2,1,1,5\n", "t.csv line 2: no such date: '2021-02-29'");
        expect(H + "2023-07-03T09:15:00,1,2,1,1,5\n", "t.csv line 2: date-time without UTC offset (expected e.g. 2023-07-03T09:15:00+05:30): '2023-07-03T09:15:00'");
        expect(H + "2020-01-01,1,2,1,1,5\n2020-01-02T09:15:00+05:30,1,2,1,1,5\n", "t.csv line 3: a date-time in a file of dates: '2020-01-02T09:15:00+05:30'");
        expect(H + "2020-01-01,1,2,1,1.0000000001,5\n", "t.csv line 2: more than 9 decimals in column 'close': '1.0000000001'");
        expect(H + "2020-01-01,12345678901234567,12345678901234567,1,1.000000001,5\n", "t.csv line 2: price too large at scale 9");
    }

    @Test
    void time_must_strictly_increase() {
        expect(H + "2020-01-02,1,2,1,1,5\n2020-01-02,1,2,1,1,5\n", "t.csv line 3: bar time 2020-01-02 is not after the previous bar's 2020-01-02");
        expect(H + "2020-01-02,1,2,1,1,5\n2020-01-01,1,2,1,1,5\n", "t.csv line 3: bar time 2020-01-01 is not after the previous bar's 2020-01-02");
        expect(H + "2023-07-03T09:20:00+05:30,1,2,1,1,5\n2023-07-03T09:15:00+05:30,1,2,1,1,5\n",
                "t.csv line 3: bar time 2023-07-03T09:15:00+05:30 is not after the previous bar's 2023-07-03T09:20:00+05:30");
    }

    @Test
    void inconsistent_bars_are_refused_by_default() {
        expect(H + "2020-01-01,1,2,1,1,5\n2020-01-02,3.5,3,1,2,5\n", "t.csv line 3: open 3.5 is outside [low 1, high 3]");
        expect(H + "2020-01-01,2,3,2.5,2.5,5\n", "t.csv line 2: open 2 is outside [low 2.5, high 3]");
        expect(H + "2020-01-01,2,3,1,3.1,5\n", "t.csv line 2: close 3.1 is outside [low 1, high 3]");
        expect(H + "2020-01-01,2,1,3,2,5\n", "t.csv line 2: high 1 is below low 3");
    }

    @Test
    void under_skip_inconsistent_bars_are_dropped_and_reported() throws Exception {
        String text = H + "2020-01-01,1,2,1,1,5\n2020-01-02,3.5,3,1,2,5\n2020-01-03,2,3,1,2,5\n";
        var r = CsvBarReader.parse(text.getBytes(StandardCharsets.UTF_8), "t.csv", "T", IST, CsvBarReader.InconsistentBars.SKIP);
        assertThat(r.series().size()).isEqualTo(2);
        assertThat(r.skipped()).containsExactly(new DataIssue("t.csv", 3, "open 3.5 is outside [low 1, high 3]"));
    }

    @Test
    void float_artefact_prices_are_refused_unless_rounding_is_asked_for_and_then_counted() throws Exception {
        String text = H + "2024-05-01,309.3599853515625,310.125,309.0000000000001,309.92999267578125,5\n2024-05-02,2.5,2.5,2.5,2.5,1\n";
        expect(text, "t.csv line 2: more than 9 decimals in column 'open': '309.3599853515625'");
        var r = CsvBarReader.parse(text.getBytes(StandardCharsets.UTF_8), "t.csv", "T", IST, CsvBarReader.Options.STRICT.roundingTo(2));
        BarSeries s = r.series();
        assertThat(s.priceScale()).isEqualTo(2);
        assertThat(s.bar(0).open().value()).isEqualByComparingTo("309.36");
        assertThat(s.bar(0).high().value()).isEqualByComparingTo("310.12"); // half-even: 310.125 -> 310.12
        assertThat(s.bar(0).low().value()).isEqualByComparingTo("309.00");
        assertThat(s.bar(0).close().value()).isEqualByComparingTo("309.93");
        assertThat(r.roundedPrices()).isEqualTo(4);
        // 0.5 to even
        var even = CsvBarReader.parse((H + "2024-05-01,2.5,3.5,2.5,3.5,1\n").getBytes(StandardCharsets.UTF_8), "t.csv", "T", IST,
                CsvBarReader.Options.STRICT.roundingTo(0));
        assertThat(even.series().open(0)).isEqualTo(2);
        assertThat(even.series().high(0)).isEqualTo(4);
    }

    @Test
    void a_missing_file_is_an_io_error() {
        assertThatThrownBy(() -> CsvBarReader.read(Path.of("no-such-file.csv"), IST))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
    }

    @Test
    void written_series_read_back_equal() throws Exception {
        BarSeries s = SyntheticMarket.generate(SyntheticMarket.Spec.nseFiveMinute("X", 3, 7));
        BarSeries back = CsvBarReader.parse(CsvBarWriter.toBytes(s), "x.csv", "X", IST);
        assertThat(back.toBars()).isEqualTo(s.toBars());
        assertThat(back.stamping()).isEqualTo(TimeStamping.DATE_TIME);
    }

    @Test
    void every_nifty50_daily_file_parses_and_matches_its_readme_count() throws Exception {
        Path dir = SharedData.require("nifty50_daily_2000_2021");
        long total = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv") && !p.getFileName().toString().startsWith("_")).toList()) {
                BarSeries s = CsvBarReader.read(f, IST);
                total += s.size();
            }
        }
        assertThat(total).isEqualTo(235192);
        BarSeries infy = CsvBarReader.read(dir.resolve("INFY.csv"), IST);
        assertThat(infy.bar(0).high().value()).isEqualTo(new BigDecimal("15625.20").setScale(infy.priceScale()));
    }

    @Test
    void tests_on_shared_data_skip_with_a_reason_when_the_folder_is_absent() {
        assertThatThrownBy(() -> SharedData.require("no_such_data_set"))
                .isInstanceOf(org.opentest4j.TestAbortedException.class)
                .hasMessageContaining("no_such_data_set is absent: this test needs the project's ../shared/data checkout");
    }

    @Test
    void the_known_inconsistent_nse_intraday_bar_is_refused_then_reported_under_skip() throws Exception {
        Path f = SharedData.require("nse_intraday_5min_2023_2024").resolve("BHARTIARTL.csv");
        assertThatThrownBy(() -> CsvBarReader.read(f, IST))
                .isInstanceOf(BarDataException.class)
                .hasMessageStartingWith("BHARTIARTL.csv line ")
                .hasMessageContaining("open ");
        var r = CsvBarReader.read(f, "BHARTIARTL", IST, CsvBarReader.InconsistentBars.SKIP);
        assertThat(r.skipped()).hasSize(1);
        assertThat(r.series().size()).isEqualTo(18354 - 1);
        String line = Files.readAllLines(f).get((int) r.skipped().getFirst().line() - 1);
        assertThat(line).startsWith("2024-06-25T09:15:00+05:30");
    }

    private static void expect(String text, String message) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(BarDataException.class).hasMessage(message);
    }
}
