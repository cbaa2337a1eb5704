package io.tradepilot.journal.ui;

import io.tradepilot.base.chart.Chart;
import io.tradepilot.base.format.Amounts;
import io.tradepilot.journal.DailyPnl;
import io.tradepilot.journal.Trade;
import io.tradepilot.journal.TradeBreakdown;
import io.tradepilot.journal.TradeFill;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Journal page's charts as typed {@link Chart}s from the journal's records: equity and drawdown, daily net P&amp;L,
 * the calendar, the breakdowns, the R histogram and one trade on its bars. Pure functions (no Vaadin component).
 */
final class JournalCharts {

    private JournalCharts() {
    }

    /** Cumulative net P&L per day and its drawdown from the running peak (one point per day: no overnight lines). */
    static Chart equityChart(List<DailyPnl> days) {
        List<Chart.TimePoint> curve = new ArrayList<>();
        List<Chart.TimePoint> drawdown = new ArrayList<>();
        BigDecimal cumulative = BigDecimal.ZERO;
        BigDecimal peak = BigDecimal.ZERO;
        for (DailyPnl d : days) {
            cumulative = cumulative.add(d.netPnl());
            if (cumulative.compareTo(peak) > 0) peak = cumulative;
            Instant at = d.day().atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            curve.add(new Chart.TimePoint(at, cumulative.doubleValue()));
            drawdown.add(new Chart.TimePoint(at, cumulative.subtract(peak).doubleValue()));
        }
        return new Chart.Line("Equity (cumulative net P&L) and drawdown", List.of(new Chart.Series<>("Net P&L", curve, "#1565c0"),
                new Chart.Series<>("Drawdown", drawdown, "#c62828")), false, null);
    }

    /** Daily net P&L: gains green, losses red. */
    static Chart dailyChart(List<DailyPnl> days) {
        return new Chart.SignedBar("Daily net P&L", days.stream().map(d -> d.day().toString()).toList(), "Net P&L",
                days.stream().map(d -> d.netPnl().doubleValue()).toList(), false);
    }

    /**
     * A calendar of daily net P&amp;L: one row per weekday (Monday at the top; Saturday and Sunday only when they
     * have exits), one column per week (labelled by its Monday); green gains, red losses, blank without exits.
     */
    static Chart calendarChart(List<DailyPnl> days) {
        if (days.isEmpty()) return new Chart.SignedHeatmap("Daily net P&L calendar", List.of());
        Map<java.time.LocalDate, BigDecimal> byDay = new HashMap<>();
        boolean weekend = false;
        for (DailyPnl d : days) {
            byDay.put(d.day(), d.netPnl());
            weekend |= d.day().getDayOfWeek().getValue() > 5;
        }
        java.time.LocalDate firstMonday = days.getFirst().day().with(java.time.DayOfWeek.MONDAY);
        java.time.LocalDate lastMonday = days.getLast().day().with(java.time.DayOfWeek.MONDAY);
        List<Chart.HeatRow> rows = new ArrayList<>();
        for (int dow = weekend ? 7 : 5; dow >= 1; dow--) { // ApexCharts draws the last series at the top
            java.time.DayOfWeek weekday = java.time.DayOfWeek.of(dow);
            List<Chart.HeatCell> cells = new ArrayList<>();
            for (java.time.LocalDate monday = firstMonday; !monday.isAfter(lastMonday); monday = monday.plusWeeks(1)) {
                BigDecimal pnl = byDay.get(monday.plusDays(dow - 1L));
                cells.add(new Chart.HeatCell(monday.toString(), pnl == null ? Double.NaN : pnl.doubleValue()));
            }
            rows.add(new Chart.HeatRow(weekday.getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH), cells));
        }
        return new Chart.SignedHeatmap("Daily net P&L calendar", rows);
    }

    /** Net P&amp;L per group (gains green, losses red), the trade count in each label. */
    static Chart breakdownChart(String title, List<TradeBreakdown.Bucket> buckets) {
        return new Chart.SignedBar(title, buckets.stream().map(b -> b.label() + " (" + b.trades() + ")").toList(), "Net P&L",
                buckets.stream().map(b -> b.netPnl().doubleValue()).toList(), false);
    }

    /** How many closed trades fell in each R bin; trades without a stop are named in the title. */
    static Chart rHistogramChart(TradeBreakdown b) {
        return new Chart.Bar("R multiples (" + b.noStop() + " without a stop)",
                b.rHistogram().stream().map(TradeBreakdown.Bucket::label).toList(),
                List.of(new Chart.Series<>("Trades", b.rHistogram().stream().map(x -> (double) x.trades()).toList(), "#1565c0")),
                false, true);
    }

    /**
     * One trade on its bars: candles, a marker per fill (entries green, exits red, with side and quantity) and the
     * protective stop of its first entry as a dashed line (none without a stop).
     */
    static Chart tradeChart(Trade t, List<io.tradepilot.trading.CachedBar> bars) {
        List<Chart.Candle> candles = bars.stream().map(b -> new Chart.Candle(b.start(), b.open().doubleValue(),
                b.high().doubleValue(), b.low().doubleValue(), b.close().doubleValue())).toList();
        List<Chart.Marker> markers = new ArrayList<>();
        BigDecimal stop = null;
        for (TradeFill f : t.fills()) {
            boolean entry = f.role() == TradeFill.Role.ENTRY;
            if (entry && stop == null) stop = f.protectiveStop();
            markers.add(new Chart.Marker(barStart(f.time(), bars), f.price().doubleValue(),
                    (entry ? "Entry " : "Exit ") + f.side() + " " + Amounts.quantity(f.quantity()),
                    entry ? Chart.SignedBar.GAIN : Chart.SignedBar.LOSS));
        }
        List<Chart.Level> levels = stop == null ? List.of()
                : List.of(new Chart.Level(stop.doubleValue(), "Stop " + Amounts.price(stop), Chart.SignedBar.LOSS));
        return new Chart.Candlestick(t.symbol() + " · trade " + t.id(), candles, markers, levels);
    }

    /** The start of the bar holding {@code time} (markers sit on a candle), or {@code time} itself outside the bars. */
    private static Instant barStart(Instant time, List<io.tradepilot.trading.CachedBar> bars) {
        Instant start = time;
        for (var b : bars) {
            if (b.start().isAfter(time)) break;
            start = b.start();
        }
        return start;
    }
}
