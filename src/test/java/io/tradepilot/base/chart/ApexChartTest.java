package io.tradepilot.base.chart;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApexChartTest {

    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    private final JsonMapper json = JsonMapper.builder().build();

    private JsonNode optionsOf(Chart chart) {
        return json.readTree(new ApexChart(chart).optionsJson());
    }

    @Test
    void a_line_chart_sends_time_value_pairs_on_a_datetime_axis_without_animations() {
        var options = optionsOf(new Chart.Line("Equity", List.of(new Chart.Series<>("equity",
                List.of(new Chart.TimePoint(T0, 100.5), new Chart.TimePoint(T0.plusSeconds(60), 101)))), true, "INR"));

        assertThat(options.at("/chart/type").asString()).isEqualTo("area");
        assertThat(options.at("/chart/animations/enabled").asBoolean()).isFalse();
        assertThat(options.at("/xaxis/type").asString()).isEqualTo("datetime");
        assertThat(options.at("/series/0/data/1/0").asLong()).isEqualTo(T0.plusSeconds(60).toEpochMilli());
        assertThat(options.at("/series/0/data/0/1").asDouble()).isEqualTo(100.5);
    }

    @Test
    void a_stacked_bar_chart_of_counts_sends_categories_colours_and_whole_number_ticks() {
        var options = optionsOf(new Chart.Bar("Events", List.of("10:00", "11:00"),
                List.of(new Chart.Series<>("Kill switch", List.of(1.0, 0.0), "#c62828"), new Chart.Series<>("Trading", List.of(0.0, 2.0), "#1e88e5")), true, true));

        assertThat(options.at("/chart/stacked").asBoolean()).isTrue();
        assertThat(options.at("/xaxis/categories/1").asString()).isEqualTo("11:00");
        assertThat(options.at("/series/1/name").asString()).isEqualTo("Trading");
        assertThat(options.at("/series/1/data/1").asDouble()).isEqualTo(2.0);
        assertThat(options.at("/colors/0").asString()).isEqualTo("#c62828");
        assertThat(options.at("/yaxis/decimalsInFloat").asInt()).isZero();
    }

    @Test
    void a_candlestick_chart_draws_its_markers_as_point_annotations() {
        var options = optionsOf(new Chart.Candlestick("NIFTY", List.of(new Chart.Candle(T0, 1, 3, 0.5, 2)),
                List.of(new Chart.Marker(T0, 2, "BUY 50", "#2e7d32"))));

        assertThat(options.at("/chart/type").asString()).isEqualTo("candlestick");
        assertThat(options.at("/series/0/data/0/y/1").asDouble()).isEqualTo(3.0);
        assertThat(options.at("/annotations/points/0/label/text").asString()).isEqualTo("BUY 50");
    }

    @Test
    void a_heatmap_sends_one_series_per_row() {
        var options = optionsOf(new Chart.Heatmap("Returns", List.of(new Chart.HeatRow("2026",
                List.of(new Chart.HeatCell("Jan", 1.5))))));

        assertThat(options.at("/chart/type").asString()).isEqualTo("heatmap");
        assertThat(options.at("/series/0/data/0/x").asString()).isEqualTo("Jan");
    }

    @Test
    void signed_bars_colour_losses_red_and_gains_green_by_value_range() {
        var options = optionsOf(new Chart.SignedBar("Daily P&L", List.of("Mon", "Tue"), "P&L", List.of(120.0, -30.5), false));

        assertThat(options.at("/series/0/data/1").asDouble()).isEqualTo(-30.5);
        JsonNode ranges = options.at("/plotOptions/bar/colors/ranges");
        assertThat(ranges.get(0).get("color").asString()).isEqualTo(Chart.SignedBar.LOSS);
        assertThat(ranges.get(0).get("to").asDouble()).isNegative();
        assertThat(ranges.get(2).get("color").asString()).isEqualTo(Chart.SignedBar.GAIN);
        assertThat(ranges.get(2).get("from").asDouble()).isPositive();
    }

    @Test
    void a_line_is_broken_across_a_gap_longer_than_three_median_spacings_and_the_gap_is_sent_as_null() {
        List<Chart.TimePoint> day = List.of(new Chart.TimePoint(T0, 1), new Chart.TimePoint(T0.plusSeconds(60), 2),
                new Chart.TimePoint(T0.plusSeconds(120), 3), new Chart.TimePoint(T0.plusSeconds(18 * 3600), 4),
                new Chart.TimePoint(T0.plusSeconds(18 * 3600 + 60), 5));
        List<Chart.TimePoint> broken = Chart.breakAtGaps(day);

        assertThat(broken).hasSize(6);
        assertThat(broken.get(3).value()).isNaN();
        assertThat(broken.get(3).time()).isEqualTo(T0.plusSeconds(180));
        var options = optionsOf(new Chart.Line("Equity", List.of(new Chart.Series<>("equity", broken)), false, null));
        assertThat(options.at("/series/0/data/3/1").isNull()).isTrue();
        assertThat(options.at("/series/0/data/4/1").asDouble()).isEqualTo(4.0);
        assertThat(Chart.breakAtGaps(day.subList(0, 3))).as("evenly spaced: unchanged").isEqualTo(day.subList(0, 3));
    }
}
