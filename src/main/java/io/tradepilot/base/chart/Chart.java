package io.tradepilot.base.chart;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A chart ApexCharts can draw, in typed form. {@link #toOptions()} gives the ApexCharts options object. */
public sealed interface Chart permits Chart.Line, Chart.Bar, Chart.SignedBar, Chart.Candlestick, Chart.Heatmap,
        Chart.SignedHeatmap {

    Map<String, Object> toOptions();

    /** A named series of values, drawn in {@code color} (CSS, e.g. {@code #c62828}) or, when null, the theme's next colour. */
    record Series<P>(String name, List<P> points, String color) {
        public Series {
            points = List.copyOf(points);
        }

        public Series(String name, List<P> points) {
            this(name, points, null);
        }
    }

    /** One value at one moment; a {@link Double#NaN} value is a gap (the line is broken there). */
    record TimePoint(Instant time, double value) {

        /** A gap at {@code time}: lines are not drawn across it. */
        public static TimePoint gap(Instant time) {
            return new TimePoint(time, Double.NaN);
        }
    }

    /**
     * {@code points} (in time order) with a gap inserted wherever two neighbours lie further apart than three
     * times the median spacing, so that a line over intraday points is broken across the nights, weekends and
     * holidays instead of drawing a slope over hours without trading. Fewer than three points are returned
     * as they are.
     */
    static List<TimePoint> breakAtGaps(List<TimePoint> points) {
        if (points.size() < 3) return points;
        long[] spacing = new long[points.size() - 1];
        for (int i = 1; i < points.size(); i++) {
            spacing[i - 1] = points.get(i).time().toEpochMilli() - points.get(i - 1).time().toEpochMilli();
        }
        long[] sorted = spacing.clone();
        java.util.Arrays.sort(sorted);
        long median = sorted[sorted.length / 2];
        if (median <= 0) return points;
        List<TimePoint> out = new ArrayList<>(points.size() + 8);
        out.add(points.getFirst());
        for (int i = 1; i < points.size(); i++) {
            if (spacing[i - 1] > 3 * median) {
                out.add(TimePoint.gap(points.get(i - 1).time().plusMillis(median)));
            }
            out.add(points.get(i));
        }
        return out;
    }

    /** One open/high/low/close bar. */
    record Candle(Instant time, double open, double high, double low, double close) {
    }

    /** A labelled point on a candlestick chart (e.g. a fill); {@code color} as CSS, e.g. {@code #2e7d32}. */
    record Marker(Instant time, double price, String label, String color) {
    }

    /** A horizontal line across a chart at {@code price} (e.g. a stop), labelled, in {@code color} (CSS). */
    record Level(double price, String label, String color) {
    }

    /** A row of a heatmap: a name and one value per column. */
    record HeatRow(String name, List<HeatCell> cells) {
        public HeatRow {
            cells = List.copyOf(cells);
        }
    }

    record HeatCell(String column, double value) {
    }

    /** Lines (or filled areas) over time, e.g. equity and drawdown. */
    record Line(String title, List<Series<TimePoint>> series, boolean area, String yTitle) implements Chart {
        @Override
        public Map<String, Object> toOptions() {
            var options = base(area ? "area" : "line", title);
            options.put("series", series.stream().map(s -> Map.of("name", s.name(),
                    "data", s.points().stream().map(p -> java.util.Arrays.asList(p.time().toEpochMilli(),
                            Double.isNaN(p.value()) ? null : p.value())).toList())).toList());
            colors(options, series);
            options.put("xaxis", Map.of("type", "datetime"));
            options.put("stroke", Map.of("curve", "straight", "width", 2));
            options.put("yaxis", Map.of("title", Map.of("text", yTitle == null ? "" : yTitle)));
            return options;
        }
    }

    /**
     * Bars per category, one bar per series (stacked or side by side).
     *
     * @param counts whether the values are counts (the axis then shows whole numbers only)
     */
    record Bar(String title, List<String> categories, List<Series<Double>> series, boolean stacked, boolean counts)
            implements Chart {
        @Override
        public Map<String, Object> toOptions() {
            var options = base("bar", title);
            @SuppressWarnings("unchecked")
            var chart = (Map<String, Object>) options.get("chart");
            chart.put("stacked", stacked);
            options.put("series", series.stream().map(s -> Map.of("name", s.name(), "data", s.points())).toList());
            colors(options, series);
            options.put("xaxis", Map.of("categories", categories));
            options.put("dataLabels", Map.of("enabled", false));
            if (counts) {
                options.put("yaxis", Map.of("min", 0, "forceNiceScale", true, "decimalsInFloat", 0));
            }
            return options;
        }
    }

    /**
     * One bar per category of a signed amount (e.g. P&amp;L per day, per symbol): gains green, losses red,
     * zero grey, in one series so that the bars stay centred on their categories.
     */
    record SignedBar(String title, List<String> categories, String name, List<Double> values, boolean horizontal)
            implements Chart {
        public static final String GAIN = "#2e7d32";
        public static final String LOSS = "#c62828";

        public SignedBar {
            categories = List.copyOf(categories);
            values = List.copyOf(values);
        }

        @Override
        public Map<String, Object> toOptions() {
            var options = base("bar", title);
            options.put("series", List.of(Map.of("name", name, "data", values)));
            options.put("xaxis", Map.of("categories", categories));
            options.put("dataLabels", Map.of("enabled", false));
            options.put("legend", Map.of("show", false));
            options.put("plotOptions", Map.of("bar", Map.of("horizontal", horizontal, "colors", Map.of("ranges", List.of(
                    Map.of("from", -1e18, "to", -1e-9, "color", LOSS),
                    Map.of("from", -1e-9, "to", 1e-9, "color", "#9e9e9e"),
                    Map.of("from", 1e-9, "to", 1e18, "color", GAIN))))));
            options.put("colors", List.of(GAIN));
            return options;
        }
    }

    /** Candles with markers (e.g. fills) drawn as annotated points and levels (e.g. a stop) as dashed horizontal lines. */
    record Candlestick(String title, List<Candle> candles, List<Marker> markers, List<Level> levels) implements Chart {

        public Candlestick {
            candles = List.copyOf(candles);
            markers = List.copyOf(markers);
            levels = List.copyOf(levels);
        }

        /** Candles with markers and no levels. */
        public Candlestick(String title, List<Candle> candles, List<Marker> markers) {
            this(title, candles, markers, List.of());
        }

        @Override
        public Map<String, Object> toOptions() {
            var options = base("candlestick", title);
            options.put("series", List.of(Map.of("name", title == null ? "price" : title,
                    "data", candles.stream().map(c -> Map.of("x", c.time().toEpochMilli(),
                            "y", List.of(c.open(), c.high(), c.low(), c.close()))).toList())));
            options.put("xaxis", Map.of("type", "datetime"));
            List<Object> points = new ArrayList<>();
            for (Marker m : markers) {
                points.add(Map.of("x", m.time().toEpochMilli(), "y", m.price(),
                        "marker", Map.of("size", 6, "fillColor", m.color(), "strokeColor", m.color()),
                        "label", Map.of("text", m.label(), "borderColor", m.color())));
            }
            List<Object> lines = new ArrayList<>();
            for (Level l : levels) {
                lines.add(Map.of("y", l.price(), "borderColor", l.color(), "strokeDashArray", 4,
                        "label", Map.of("text", l.label(), "borderColor", l.color())));
            }
            options.put("annotations", Map.of("points", points, "yaxis", lines));
            return options;
        }
    }

    /** A grid of coloured cells, e.g. returns by month and year. */
    record Heatmap(String title, List<HeatRow> rows) implements Chart {
        @Override
        public Map<String, Object> toOptions() {
            var options = base("heatmap", title);
            options.put("series", rows.stream().map(r -> Map.of("name", r.name(),
                    "data", r.cells().stream().map(c -> Map.of("x", c.column(), "y", c.value())).toList())).toList());
            options.put("dataLabels", Map.of("enabled", true));
            return options;
        }
    }

    /**
     * A grid of signed amounts (e.g. a calendar of daily P&amp;L: one row per weekday, one column per week): gains
     * green, losses red, zero grey; a {@link Double#NaN} cell (no value) is left blank.
     */
    record SignedHeatmap(String title, List<HeatRow> rows) implements Chart {
        public SignedHeatmap {
            rows = List.copyOf(rows);
        }

        @Override
        public Map<String, Object> toOptions() {
            var options = base("heatmap", title);
            options.put("series", rows.stream().map(r -> Map.of("name", r.name(),
                    "data", r.cells().stream().map(c -> {
                        Map<String, Object> cell = new LinkedHashMap<>();
                        cell.put("x", c.column());
                        cell.put("y", Double.isNaN(c.value()) ? null : c.value());
                        return cell;
                    }).toList())).toList());
            options.put("dataLabels", Map.of("enabled", false));
            options.put("plotOptions", Map.of("heatmap", Map.of("enableShades", false, "colorScale", Map.of("ranges", List.of(
                    Map.of("from", -1e18, "to", -1e-9, "color", SignedBar.LOSS, "name", "loss"),
                    Map.of("from", -1e-9, "to", 1e-9, "color", "#bdbdbd", "name", "flat"),
                    Map.of("from", 1e-9, "to", 1e18, "color", SignedBar.GAIN, "name", "gain"))))));
            return options;
        }
    }

    /** Sets the series colours when every series names one (ApexCharts takes them as one list). */
    private static void colors(Map<String, Object> options, List<? extends Series<?>> series) {
        if (!series.isEmpty() && series.stream().allMatch(s -> s.color() != null)) {
            options.put("colors", series.stream().map(Series::color).toList());
        }
    }

    private static Map<String, Object> base(String type, String title) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("type", type);
        chart.put("height", "100%");
        chart.put("animations", Map.of("enabled", false));
        chart.put("toolbar", Map.of("show", false));
        chart.put("zoom", Map.of("enabled", false));
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("chart", chart);
        if (title != null && !title.isBlank()) {
            options.put("title", Map.of("text", title));
        }
        options.put("noData", Map.of("text", "No data yet"));
        return options;
    }
}
