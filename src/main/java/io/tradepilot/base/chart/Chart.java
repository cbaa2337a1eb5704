package io.tradepilot.base.chart;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A chart ApexCharts can draw, in typed form. {@link #toOptions()} gives the ApexCharts options object. */
public sealed interface Chart permits Chart.Line, Chart.Bar, Chart.Candlestick, Chart.Heatmap {

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

    /** One value at one moment. */
    record TimePoint(Instant time, double value) {
    }

    /** One open/high/low/close bar. */
    record Candle(Instant time, double open, double high, double low, double close) {
    }

    /** A labelled point on a candlestick chart (e.g. a fill); {@code color} as CSS, e.g. {@code #2e7d32}. */
    record Marker(Instant time, double price, String label, String color) {
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
                    "data", s.points().stream().map(p -> List.of(p.time().toEpochMilli(), p.value())).toList())).toList());
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

    /** A horizontal price level on a candlestick chart (e.g. a position's stop), drawn as a labelled line. */
    record Level(double price, String label, String color) {
    }

    /** Candles with markers (e.g. fills) drawn as annotated points and levels (e.g. stops) drawn as lines. */
    record Candlestick(String title, List<Candle> candles, List<Marker> markers, List<Level> levels) implements Chart {

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
            options.put("annotations", lines.isEmpty() ? Map.of("points", points) : Map.of("points", points, "yaxis", lines));
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
