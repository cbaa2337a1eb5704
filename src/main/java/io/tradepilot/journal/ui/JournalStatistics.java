package io.tradepilot.journal.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.tradepilot.base.format.Amounts;
import io.tradepilot.journal.TradeStatistics;

import java.math.BigDecimal;

/**
 * The statistics of the Journal page's filter as labelled cells (each value's element carries {@code data-stat} with
 * its label). Id {@code journal-stats}.
 */
final class JournalStatistics extends Div {

    private final String currency;

    JournalStatistics(String currency) {
        this.currency = currency;
        setId("journal-stats");
        setWidthFull();
    }

    /** Shows {@code s}, replacing what was shown. */
    void show(TradeStatistics s) {
        removeAll();
        FlexLayout cells = new FlexLayout();
        cells.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cells.getStyle().set("gap", "var(--lumo-space-m)");
        cell(cells, "Trades", s.trades() + (s.openTrades() > 0 ? " (+" + s.openTrades() + " open)" : ""));
        cell(cells, "Net P&L", Amounts.signedMoney(s.netPnl(), currency));
        cell(cells, "Win rate", s.winRate() == null ? Amounts.NONE : Amounts.percent(s.winRate()));
        cell(cells, "Profit factor", decimal(s.profitFactor()));
        cell(cells, "Expectancy", s.expectancy() == null ? Amounts.NONE : Amounts.signedMoney(s.expectancy(), currency));
        cell(cells, "Average R", decimal(s.averageR()) + " (" + s.rTrades() + " with a stop)");
        cell(cells, "Average win", s.averageWin() == null ? Amounts.NONE : Amounts.money(s.averageWin(), currency));
        cell(cells, "Average loss", s.averageLoss() == null ? Amounts.NONE : Amounts.signedMoney(s.averageLoss(), currency));
        cell(cells, "Largest win", s.largestWin() == null ? Amounts.NONE : Amounts.money(s.largestWin(), currency));
        cell(cells, "Largest loss", s.largestLoss() == null ? Amounts.NONE : Amounts.signedMoney(s.largestLoss(), currency));
        cell(cells, "Streaks", s.longestWinStreak() + " wins / " + s.longestLossStreak() + " losses");
        cell(cells, "Max drawdown", Amounts.money(s.maxDrawdown(), currency));
        cell(cells, "Sharpe", s.sharpe() == null ? Amounts.NONE : String.format("%.2f", s.sharpe()));
        cell(cells, "Sortino", s.sortino() == null ? Amounts.NONE : String.format("%.2f", s.sortino()));
        cell(cells, "Fees", Amounts.money(s.fees(), currency));
        add(cells);
    }

    private static void cell(FlexLayout cells, String label, String value) {
        Span l = new Span(label);
        l.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        Span v = new Span(value);
        v.getElement().setAttribute("data-stat", label);
        VerticalLayout c = new VerticalLayout(l, v);
        c.setPadding(false);
        c.setSpacing(false);
        c.setWidth("auto");
        cells.add(c);
    }

    private static String decimal(BigDecimal value) {
        return value == null ? Amounts.NONE : value.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }
}
