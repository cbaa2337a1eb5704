/**
 * Charts: a small typed Vaadin component ({@link io.tradepilot.base.chart.ApexChart}) over the
 * {@code apexcharts} npm package, with one record per chart kind (line/area, bar, candlestick with
 * markers, heatmap). Chart values are {@code double}: they are for display only.
 */
@org.springframework.modulith.NamedInterface("chart")
package io.tradepilot.base.chart;
