package io.tradepilot.backtests.ui;

import io.tradepilot.backtests.BacktestTrade;
import io.tradepilot.base.chart.Chart;
import io.tradepilot.engine.marketdata.BarSeries;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A run's bars of one symbol as candles with its fills marked: each closed trade's entry and exit at its fill price
 * and time (bought green, sold orange, as on the Market page). A long series is downsampled: {@code k} consecutive
 * bars make one candle (open of the first, highest high, lowest low, close of the last, the first bar's time) so that
 * at most {@link #MAX_CANDLES} are drawn; at most {@link #MAX_MARKERS} fills are marked, the latest ones. Chart values
 * are for display (double).
 */
final class RunCandles {

    static final int MAX_CANDLES = 1_500;
    static final int MAX_MARKERS = 600;
    static final String BOUGHT = "#2e7d32";
    static final String SOLD = "#ef6c00";

    private RunCandles() {
    }

    /**
     * The chart and what it shows.
     *
     * @param barsPerCandle how many bars make one candle (1: none merged)
     * @param fills         the symbol's fills (two per closed trade)
     * @param marked        the fills marked (the latest {@link #MAX_MARKERS})
     */
    record View(Chart.Candlestick chart, int bars, int barsPerCandle, int fills, int marked) {

        /** One line saying what is drawn. */
        String caption() {
            return bars + " bars" + (barsPerCandle > 1 ? ", " + barsPerCandle + " per candle" : "") + "; " + fills + " fills"
                    + (marked < fills ? ", the latest " + marked + " marked" : " marked") + " (closed trades' entries and exits)";
        }
    }

    static View of(BarSeries bars, List<BacktestTrade> trades) {
        int n = bars.size();
        int k = Math.max(1, (n + MAX_CANDLES - 1) / MAX_CANDLES);
        double[] o = bars.opens(), h = bars.highs(), l = bars.lows(), c = bars.closes();
        List<Chart.Candle> candles = new ArrayList<>(n / k + 1);
        for (int from = 0; from < n; from += k) {
            int to = Math.min(n, from + k);
            double high = h[from], low = l[from];
            for (int i = from + 1; i < to; i++) {
                high = Math.max(high, h[i]);
                low = Math.min(low, l[i]);
            }
            candles.add(new Chart.Candle(bars.start(from), o[from], high, low, c[to - 1]));
        }
        List<Chart.Marker> fills = new ArrayList<>();
        for (BacktestTrade t : trades) {
            if (!t.symbol().equals(bars.symbol())) continue;
            boolean longTrade = "LONG".equals(t.side());
            fills.add(marker(t.entryTime(), t.entryPrice(), t.quantity(), longTrade));
            fills.add(marker(t.exitTime(), t.exitPrice(), t.quantity(), !longTrade));
        }
        fills.sort(Comparator.comparing(Chart.Marker::time));
        List<Chart.Marker> marked = fills.size() > MAX_MARKERS ? fills.subList(fills.size() - MAX_MARKERS, fills.size()) : fills;
        return new View(new Chart.Candlestick(bars.symbol(), candles, marked), n, k, fills.size(), marked.size());
    }

    private static Chart.Marker marker(java.time.Instant at, BigDecimal price, BigDecimal quantity, boolean buy) {
        return new Chart.Marker(at, price.doubleValue(), (buy ? "bought " : "sold ") + MetricRows.plain(quantity) + " @ " + MetricRows.plain(price),
                buy ? BOUGHT : SOLD);
    }
}
