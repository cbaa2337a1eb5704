package io.tradepilot.marketdata.internal;

import io.tradepilot.engine.marketdata.CsvBarReader;
import io.tradepilot.marketdata.QualityIssue;
import io.tradepilot.marketdata.QualityIssue.Kind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class CsvBarCheckTest {

    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    private static CsvBarCheck.Result check(String text, boolean intraday) {
        return CsvBarCheck.check(text.getBytes(StandardCharsets.UTF_8), "INFY", IST, intraday);
    }

    @Test
    void a_good_file_reads_exactly_as_the_engines_reader_reads_it() throws Exception {
        String csv = "\uFEFFdate,open,high,low,close,volume\r\n2024-01-01,100,101.5,99,100.25,10\r\n\r\n2024-01-02,100.25,102,100,101.125,20\r\n";
        CsvBarCheck.Result r = check(csv, false);
        assertThat(r.ok()).isTrue();
        assertThat(r.series()).isEqualTo(CsvBarReader.parse(csv.getBytes(StandardCharsets.UTF_8), "x", "INFY", IST));
        assertThat(r.lines()).containsExactly(2, 4);
        assertThat(r.series().priceScale()).isEqualTo(3);
    }

    @Test
    void every_problem_is_reported_with_its_line_not_only_the_first() {
        String csv = """
                date,open,high,low,close,volume
                2024-01-01,100,101,99,100,10
                2024-01-02,100,99,101,100,10
                2024-01-03,100,101,99,100
                2024-01-04,100,101,99,12x.5,10
                2024-01-05,100,101,99,100,10
                2024-01-03,100,101,99,100,10
                2024-01-05,100,101,99,100.5,10
                2024-01-08,100,101,99,102,10,7
                """;
        CsvBarCheck.Result r = check(csv, false);
        assertThat(r.ok()).isFalse();
        assertThat(r.series()).isNull();
        assertThat(r.errors()).extracting(QualityIssue::line).containsExactly(3L, 4L, 5L, 7L, 8L, 9L);
        assertThat(r.errors()).extracting(QualityIssue::kind).containsExactly(Kind.INCONSISTENT, Kind.FORMAT, Kind.FORMAT,
                Kind.OUT_OF_ORDER, Kind.DUPLICATE, Kind.FORMAT);
        assertThat(r.errors().get(0).message()).contains("high");
        assertThat(r.errors().get(1).message()).contains("missing column 'volume'");
        assertThat(r.errors().get(2).message()).contains("close").contains("12x.5");
        assertThat(r.errors().get(3).message()).contains("before line 6");
        assertThat(r.errors().get(5).message()).contains("too many columns");
    }

    @Test
    void a_wrong_header_refuses_at_line_one() {
        CsvBarCheck.Result r = check("time,o,h,l,c,v\n2024-01-01,1,1,1,1,1\n", false);
        assertThat(r.errors()).singleElement().satisfies(i -> {
            assertThat(i.line()).isEqualTo(1);
            assertThat(i.kind()).isEqualTo(Kind.HEADER);
        });
    }

    @Test
    void an_identical_repeated_row_is_a_warning_and_dropped() {
        CsvBarCheck.Result r = check("date,open,high,low,close,volume\n2024-01-01,100,101,99,100,10\n2024-01-01,100.0,101,99,100,10\n2024-01-02,100,101,99,100,10\n", false);
        assertThat(r.ok()).isTrue();
        assertThat(r.series().size()).isEqualTo(2);
        assertThat(r.duplicates()).isEqualTo(1);
        assertThat(r.warnings()).singleElement().satisfies(i -> {
            assertThat(i.line()).isEqualTo(3);
            assertThat(i.kind()).isEqualTo(Kind.DUPLICATE);
        });
    }

    @Test
    void intraday_series_need_date_times_and_one_stamping_throughout() {
        assertThat(check("date,open,high,low,close,volume\n2024-01-01,1,1,1,1,1\n", true).errors())
                .extracting(QualityIssue::line).containsExactly(2L);
        CsvBarCheck.Result mixed = check("date,open,high,low,close,volume\n2024-01-01T09:15:00+05:30,1,1,1,1,1\n2024-01-02,1,1,1,1,1\n", true);
        assertThat(mixed.errors()).singleElement().satisfies(i -> assertThat(i.message()).contains("a date in a file of date-times"));
    }

    @Test
    void a_header_without_bars_is_refused() {
        assertThat(check("date,open,high,low,close,volume\n", false).ok()).isFalse();
        assertThat(check("", false).errors()).extracting(QualityIssue::kind).containsExactly(Kind.HEADER);
    }
}
