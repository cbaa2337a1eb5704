package io.tradepilot.backtests.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import io.tradepilot.backtests.BacktestDrift;
import io.tradepilot.backtests.BacktestDrifts;
import io.tradepilot.backtests.BacktestRefusal;
import io.tradepilot.base.format.Amounts;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Backtest versus paper on a DONE run of a stored version: a tolerance in minutes, then the totals and the trade-by-trade
 * comparison ({@link BacktestDrift}) with the fill assumptions. A refusal is a field message. Element ids: {@code
 * backtest-drift}, {@code backtest-drift-tolerance}, {@code backtest-drift-run}, {@code backtest-drift-summary}, {@code
 * backtest-drift-assumptions}, {@code backtest-drift-rows}.
 */
class DriftPanel extends Div {

    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

    private final BacktestDrifts drifts;
    private final long runId;
    final IntegerField tolerance = new IntegerField("Tolerance (minutes)");
    final Button run = new Button("Compare with paper trading");
    private final Div output = new Div();

    DriftPanel(BacktestDrifts drifts, long runId) {
        this.drifts = drifts;
        this.runId = runId;
        setId("backtest-drift");
        setWidthFull();
        tolerance.setId("backtest-drift-tolerance");
        tolerance.setValue((int) BacktestDrifts.DEFAULT_TOLERANCE.toMinutes());
        tolerance.setHelperText("How far apart a backtest and a paper entry may be to match");
        run.setId("backtest-drift-run");
        run.addClickListener(e -> compare());
        output.setWidthFull();
        HorizontalLayout inputs = new HorizontalLayout(tolerance, run);
        inputs.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H3("Backtest versus paper"), new Paragraph("This version's PAPER trades over the run's dates, matched trade by trade with "
                + "the run's trades."), inputs, output);
    }

    private void compare() {
        tolerance.setInvalid(false);
        output.removeAll();
        BacktestDrift d;
        try {
            d = drifts.drift(runId, Duration.ofMinutes(tolerance.getValue() == null ? -1 : tolerance.getValue()));
        } catch (BacktestRefusal r) {
            tolerance.setErrorMessage(r.getMessage());
            tolerance.setInvalid(true);
            return;
        }
        Paragraph summary = new Paragraph(d.matched() + " matched, " + d.backtestOnly() + " only in the backtest (missed by paper), "
                + d.paperOnly() + " only in paper (extra)" + (d.openPaperTrades() > 0 ? ", " + d.openPaperTrades() + " open paper trades not compared" : "")
                + " · net P&L backtest " + d.backtestNetPnl().toPlainString() + ", paper " + d.paperNetPnl().toPlainString()
                + ", difference " + d.netPnlDifference().toPlainString() + " · fees difference " + d.feesDifference().toPlainString());
        summary.setId("backtest-drift-summary");
        Paragraph assumptions = new Paragraph(d.assumptions());
        assumptions.setId("backtest-drift-assumptions");
        Grid<BacktestDrift.Row> rows = new Grid<>();
        rows.setId("backtest-drift-rows");
        rows.addColumn(BacktestDrift.Row::status).setHeader("Status").setAutoWidth(true);
        rows.addColumn(BacktestDrift.Row::symbol).setHeader("Symbol").setAutoWidth(true);
        rows.addColumn(BacktestDrift.Row::side).setHeader("Side").setAutoWidth(true);
        rows.addColumn(r -> time(r.backtestEntryTime())).setHeader("Backtest entry").setAutoWidth(true);
        rows.addColumn(r -> time(r.paperEntryTime())).setHeader("Paper entry").setAutoWidth(true);
        rows.addColumn(r -> price(r.entryPriceDifference())).setHeader("Entry price Δ").setAutoWidth(true);
        rows.addColumn(r -> price(r.exitPriceDifference())).setHeader("Exit price Δ").setAutoWidth(true);
        rows.addColumn(r -> r.entryDelaySeconds() == null ? Amounts.NONE : BacktestsView.human(Duration.ofSeconds(Math.abs(r.entryDelaySeconds()))))
                .setHeader("Entry apart").setAutoWidth(true);
        rows.addColumn(r -> price(r.quantityDifference())).setHeader("Qty Δ").setAutoWidth(true);
        rows.addColumn(r -> price(r.backtestNetPnl())).setHeader("Backtest net").setAutoWidth(true);
        rows.addColumn(r -> price(r.paperNetPnl())).setHeader("Paper net").setAutoWidth(true);
        rows.addColumn(r -> price(r.netPnlDifference())).setHeader("Net Δ").setAutoWidth(true);
        rows.setItems(d.rows());
        rows.setHeight("20em");
        output.add(summary, assumptions, rows);
    }

    private static String time(Instant t) {
        return t == null ? Amounts.NONE : BacktestsView.TIME.format(t.atZone(ZONE));
    }

    private static String price(BigDecimal v) {
        return v == null ? Amounts.NONE : v.stripTrailingZeros().toPlainString();
    }
}
