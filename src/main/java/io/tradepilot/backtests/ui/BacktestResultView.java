package io.tradepilot.backtests.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.tradepilot.backtests.BacktestBoard;
import io.tradepilot.backtests.BacktestData;
import io.tradepilot.backtests.BacktestDrifts;
import io.tradepilot.backtests.BacktestMode;
import io.tradepilot.backtests.BacktestRefusal;
import io.tradepilot.backtests.BacktestRun;
import io.tradepilot.backtests.BacktestTrade;
import io.tradepilot.backtests.Backtests;
import io.tradepilot.backtests.RunResult;
import io.tradepilot.backtests.RunState;
import io.tradepilot.backtests.SymbolResult;
import io.tradepilot.base.chart.ApexChart;
import io.tradepilot.base.chart.Chart;
import io.tradepilot.base.format.Amounts;
import io.tradepilot.security.Roles;
import jakarta.annotation.security.RolesAllowed;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * One run: while it is queued or running, its state and live progress; when DONE, the per-symbol metrics, equity and
 * drawdown, monthly returns, the trades (the journal's columns), the configuration and the data fingerprint it ran
 * on, and the HTML report. Element ids: {@code backtest-result-view}, {@code backtest-status}, {@code
 * backtest-metrics}, {@code backtest-equity}, {@code backtest-drawdown}, {@code backtest-monthly}, {@code
 * backtest-trades}, {@code backtest-config-document}, {@code backtest-fingerprint}, {@code backtest-report}; for a portfolio
 * run the account's metrics, equity and drawdown, and {@code backtest-account}, {@code backtest-refusals} (refusals by
 * reason), {@code backtest-contributions} (per symbol); the Monte Carlo section is a {@link MonteCarloPanel}; candles of a
 * chosen symbol with the run's fills: {@code backtest-candles-symbol}, {@code backtest-candles}; for a run of a stored version,
 * backtest versus paper: a {@link DriftPanel}.
 */
@Route("backtests/:id")
@PageTitle("Backtest · Tradepilot")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER})
class BacktestResultView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

    private final Backtests backtests;
    private final BacktestBoard board;
    private final BacktestData data;
    private final BacktestDrifts drifts;
    private final Span status = new Span();
    private final ProgressMeter progress = new ProgressMeter();
    private final Div body = new Div();
    private long id;
    private boolean shown;

    BacktestResultView(Backtests backtests, BacktestBoard board, BacktestData data, BacktestDrifts drifts) {
        this.backtests = backtests;
        this.board = board;
        this.data = data;
        this.drifts = drifts;
        setId("backtest-result-view");
        status.setId("backtest-status");
        progress.setId("backtest-progress");
        body.setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        shown = false;
        body.removeAll();
        try {
            id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
            BacktestRun run = backtests.run(id);
            add(new H2("Backtest " + run.id() + ": " + run.label()), status, progress, body);
            update(run);
        } catch (NumberFormatException | BacktestRefusal unknown) {
            add(new H2("No such backtest"), new Anchor("backtests", "All backtests"));
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        board.subscribeWhileAttached(this, runs -> runs.stream().filter(r -> r.id() == id).findFirst().ifPresent(this::update));
    }

    private void update(BacktestRun run) {
        status.setText(run.state() + (run.error() == null ? "" : ": " + run.error()) + " · " + run.barsDone() + " / " + run.barsTotal() + " bars"
                + (run.elapsed() == null ? "" : " · took " + BacktestsView.human(run.elapsed())));
        progress.setValue(run.progress());
        progress.setVisible(!run.state().terminal());
        if (run.state() == RunState.DONE && !shown) {
            shown = true;
            showResult(backtests.result(run.id()));
        } else if (run.state() != RunState.DONE && body.getChildren().findAny().isEmpty()) {
            body.add(configuration(run));
        }
    }

    private void showResult(RunResult result) {
        body.removeAll();
        BacktestRun run = result.run();
        boolean portfolio = result.portfolio() != null;
        Paragraph note = new Paragraph(portfolio ? MetricRows.PORTFOLIO_CONVENTIONS : MetricRows.CONVENTIONS);
        Grid<MetricRows.Row> metrics = new Grid<>();
        metrics.setId("backtest-metrics");
        metrics.setAllRowsVisible(true);
        metrics.addColumn(MetricRows.Row::name).setHeader("Metric").setAutoWidth(true);
        for (SymbolResult s : result.symbols()) metrics.addColumn(r -> r.value().apply(s)).setHeader(s.symbol()).setAutoWidth(true);
        metrics.setItems(MetricRows.ROWS);

        List<Chart.Series<Chart.TimePoint>> equity = new ArrayList<>(), drawdown = new ArrayList<>();
        for (SymbolResult s : result.symbols()) {
            var points = MetricRows.points(result.equity().getOrDefault(s.symbol(), List.of()));
            equity.add(new Chart.Series<>(s.symbol(), points));
            drawdown.add(new Chart.Series<>(s.symbol(), MetricRows.drawdown(points, s.initialCash().doubleValue())));
        }
        ApexChart equityChart = new ApexChart(new Chart.Line(portfolio ? "Account equity (one account, shared cash)"
                : "Equity per symbol (each with its own cash)", equity, false, "Equity"));
        equityChart.setId("backtest-equity");
        equityChart.setWidthFull();
        ApexChart drawdownChart = new ApexChart(new Chart.Line(portfolio ? "Account drawdown from the running peak"
                : "Drawdown from the running peak", drawdown, true, "%"));
        drawdownChart.setId("backtest-drawdown");
        drawdownChart.setWidthFull();
        ApexChart monthly = new ApexChart(monthly(result.monthly()));
        monthly.setId("backtest-monthly");
        monthly.setWidthFull();

        Grid<BacktestTrade> trades = new Grid<>(BacktestTrade.class, false);
        trades.setId("backtest-trades");
        trades.addColumn(BacktestTrade::symbol).setHeader("Symbol").setAutoWidth(true);
        trades.addColumn(BacktestTrade::side).setHeader("Side").setAutoWidth(true);
        trades.addColumn(t -> BacktestsView.TIME.format(t.entryTime().atZone(ZONE))).setHeader("Entry").setAutoWidth(true);
        trades.addColumn(t -> Amounts.price(t.entryPrice())).setHeader("Entry price").setAutoWidth(true);
        trades.addColumn(t -> BacktestsView.TIME.format(t.exitTime().atZone(ZONE))).setHeader("Exit").setAutoWidth(true);
        trades.addColumn(t -> Amounts.price(t.exitPrice())).setHeader("Exit price").setAutoWidth(true);
        trades.addColumn(t -> Amounts.quantity(t.quantity())).setHeader("Qty").setAutoWidth(true);
        trades.addColumn(t -> MetricRows.plain(t.netPnl())).setHeader("Net P&L").setAutoWidth(true);
        trades.addColumn(t -> MetricRows.plain(t.fees())).setHeader("Fees").setAutoWidth(true);
        trades.addColumn(t -> t.rMultiple() == null ? Amounts.NONE : t.rMultiple().setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString())
                .setHeader("R").setAutoWidth(true);
        trades.addColumn(t -> BacktestsView.human(Duration.between(t.entryTime(), t.exitTime()))).setHeader("Held").setAutoWidth(true);
        trades.setItems(result.trades());
        trades.setHeight("24em");

        byte[] html = backtests.reportHtml(run.id()).getBytes(StandardCharsets.UTF_8);
        Anchor report = new Anchor(DownloadHandler.fromInputStream(e -> new DownloadResponse(new ByteArrayInputStream(html),
                "backtest-" + run.id() + ".html", "text/html; charset=UTF-8", html.length)), "Download the HTML report");
        report.setId("backtest-report");
        body.add(note, report, new H3(portfolio ? "Account metrics" : "Metrics"), metrics);
        if (portfolio) body.add(account(result.portfolio()));
        body.add(equityChart, drawdownChart, monthly, candles(result), new H3("Trades (" + result.trades().size() + ")"), trades, new MonteCarloPanel(result));
        if ("STORED".equals(run.configSource())) body.add(new DriftPanel(drifts, run.id()));
        if (portfolio) body.add(refusals(result.portfolio()), contributions(result.portfolio()));
        body.add(configuration(run), portfolio ? fingerprints(run, result.portfolio()) : fingerprints(run, result.symbols()));
    }

    /**
     * Candles of one symbol of the run (a selector; the first symbol at first) over the run's dates with its fills
     * marked ({@link RunCandles}). Element ids: {@code backtest-candles-symbol}, {@code backtest-candles}, {@code
     * backtest-candles-caption}.
     */
    private Div candles(RunResult result) {
        BacktestRun run = result.run();
        List<String> symbols = run.symbols();
        Select<String> symbol = new Select<>();
        symbol.setId("backtest-candles-symbol");
        symbol.setLabel("Symbol");
        symbol.setItems(symbols);
        ApexChart chart = new ApexChart();
        chart.setId("backtest-candles");
        chart.setWidthFull();
        chart.setHeight("420px");
        Span caption = new Span();
        caption.setId("backtest-candles-caption");
        symbol.addValueChangeListener(e -> {
            if (e.getValue() == null) return;
            var bars = data.load(e.getValue(), run.from(), run.to());
            if (bars.isEmpty()) {
                caption.setText("No bars of " + e.getValue() + " are stored now.");
                chart.show(new Chart.Candlestick(e.getValue(), List.of(), List.of()));
                return;
            }
            RunCandles.View view = RunCandles.of(bars.get(), result.trades());
            chart.show(view.chart());
            caption.setText(view.caption());
        });
        if (!symbols.isEmpty()) symbol.setValue(symbols.getFirst());
        return new Div(new H3("Candles with fills"), symbol, caption, chart);
    }

    /** A portfolio's account-only figures. */
    private static Paragraph account(RunResult.Portfolio p) {
        Paragraph d = new Paragraph("Open positions' net mark-to-market " + MetricRows.plain(p.openPnlNet()) + " · lowest cash "
                + MetricRows.plain(p.minCash()) + " · most positions open at once " + p.maxOpenPositions() + " · reconciliation difference "
                + MetricRows.plain(p.reconciliationDifference()) + " (final equity − cash − trades' net P&L − open net mark-to-market)");
        d.setId("backtest-account");
        return d;
    }

    /** Orders the risk chain refused, per reason. */
    private static Div refusals(RunResult.Portfolio p) {
        Grid<Map.Entry<String, Long>> grid = new Grid<>();
        grid.setId("backtest-refusals");
        grid.setAllRowsVisible(true);
        grid.addColumn(Map.Entry::getKey).setHeader("Reason").setAutoWidth(true);
        grid.addColumn(Map.Entry::getValue).setHeader("Orders refused").setAutoWidth(true);
        grid.setItems(new ArrayList<>(p.refusalsByReason().entrySet()));
        long total = p.refusalsByReason().values().stream().mapToLong(Long::longValue).sum();
        return new Div(new H3("Orders refused by the risk chain (" + total + ")"), grid);
    }

    /** Each symbol's share of the account's result. */
    private static Div contributions(RunResult.Portfolio p) {
        Grid<RunResult.Contribution> grid = new Grid<>();
        grid.setId("backtest-contributions");
        grid.setAllRowsVisible(true);
        grid.addColumn(RunResult.Contribution::symbol).setHeader("Symbol").setAutoWidth(true);
        grid.addColumn(RunResult.Contribution::trades).setHeader("Trades").setAutoWidth(true);
        grid.addColumn(c -> MetricRows.plain(c.tradesPnlGross())).setHeader("P&L gross").setAutoWidth(true);
        grid.addColumn(c -> MetricRows.plain(c.tradesFees())).setHeader("Fees").setAutoWidth(true);
        grid.addColumn(c -> MetricRows.plain(c.tradesPnlNet())).setHeader("P&L net").setAutoWidth(true);
        grid.addColumn(c -> MetricRows.plain(c.openQuantity())).setHeader("Open qty").setAutoWidth(true);
        grid.addColumn(c -> MetricRows.plain(c.openPnlNet())).setHeader("Open net").setAutoWidth(true);
        grid.addColumn(c -> MetricRows.plain(c.contribution())).setHeader("Contribution").setAutoWidth(true);
        grid.addColumn(RunResult.Contribution::refusals).setHeader("Refused").setAutoWidth(true);
        grid.setItems(p.contributions());
        return new Div(new H3("Per-symbol contributions (they add up to final equity − cash)"), grid);
    }

    private static Div fingerprints(BacktestRun run, RunResult.Portfolio p) {
        Div d = fingerprintHeader(run);
        for (RunResult.Contribution c : p.contributions()) {
            d.add(new Paragraph(c.symbol() + ": " + c.bars() + " bars, " + (c.firstBar() == null ? "" : DAY.format(c.firstBar().atZone(ZONE)))
                    + " to " + (c.lastBar() == null ? "" : DAY.format(c.lastBar().atZone(ZONE))) + ", SHA-256 " + c.dataSha256()));
        }
        return d;
    }

    /** The monthly returns: one row per symbol and year, one column per month, in percent. */
    static Chart.SignedHeatmap monthly(Map<String, Map<YearMonth, Double>> monthly) {
        List<Chart.HeatRow> rows = new ArrayList<>();
        monthly.forEach((symbol, months) -> {
            for (int year : new TreeSet<>(months.keySet().stream().map(YearMonth::getYear).toList()).descendingSet()) {
                List<Chart.HeatCell> cells = new ArrayList<>();
                for (Month m : Month.values()) {
                    Double r = months.get(YearMonth.of(year, m));
                    cells.add(new Chart.HeatCell(m.getDisplayName(TextStyle.SHORT, Locale.ENGLISH), r == null ? Double.NaN : Math.round(r * 10000) / 100.0));
                }
                rows.add(new Chart.HeatRow(symbol + " " + year, cells));
            }
        });
        return new Chart.SignedHeatmap("Monthly returns (%)", rows);
    }

    private static Div configuration(BacktestRun run) {
        Div d = new Div();
        d.add(new H3("Configuration"));
        d.add(new Paragraph((run.configSource().equals("STORED") ? "Stored " + run.configKey() + " version " + run.configVersion() : "Draft")
                + " · " + run.strategyType() + " · " + String.join(", ", run.symbols()) + " · " + DAY.format(run.from()) + " to " + DAY.format(run.to())
                + (run.mode() == BacktestMode.PORTFOLIO ? " · portfolio (one account: " + run.limitsText() + ") · account cash " + MetricRows.plain(run.cash())
                : " · independent single-symbol runs · cash " + MetricRows.plain(run.cash()) + " each") + " · quantity " + (run.quantity() == null ? "by risk" : MetricRows.plain(run.quantity()))
                + " · fill " + run.fill() + " · fees " + run.fee() + (run.feeValue() == null ? "" : " " + MetricRows.plain(run.feeValue()))
                + " · slippage " + run.slippage() + (run.slippageValue() == null ? "" : " " + MetricRows.plain(run.slippageValue()))
                + (run.closeAtEnd() ? " · closed at the end" : "") + (run.cashOnly() ? " · cash only" : "") + " · runner " + run.runner()
                + " · submitted by " + run.submittedBy()));
        Pre doc = new Pre(run.document());
        doc.setId("backtest-config-document");
        d.add(doc);
        return d;
    }

    private static Div fingerprintHeader(BacktestRun run) {
        Div d = new Div();
        d.add(new H3("Data"));
        Span fp = new Span(run.dataFingerprint());
        fp.setId("backtest-fingerprint");
        d.add(new Paragraph(new Span("Fingerprint (SHA-256 of every bar used): "), fp));
        return d;
    }

    private static Div fingerprints(BacktestRun run, List<SymbolResult> symbols) {
        Div d = fingerprintHeader(run);
        for (SymbolResult s : symbols) {
            d.add(new Paragraph(s.symbol() + ": " + s.bars() + " bars, " + (s.firstBar() == null ? "" : DAY.format(s.firstBar().atZone(ZONE)))
                    + " to " + (s.lastBar() == null ? "" : DAY.format(s.lastBar().atZone(ZONE))) + ", SHA-256 " + s.dataSha256()));
        }
        return d;
    }
}
