package io.tradepilot.engine.cli;

import io.tradepilot.engine.backtest.PortfolioReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code backtest --data DIR --portfolio}: one account over the folder's symbols, with its files and an account-level
 * HTML report; the portfolio options are refused without {@code --portfolio}.
 */
class PortfolioBacktestCliTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Cli.standard().run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Path fixture() throws Exception {
        return Path.of(getClass().getResource("/backtest/portfolio").toURI());
    }

    @Test
    void a_portfolio_run_writes_the_account_its_trades_refusals_and_contributions() throws Exception {
        Path out = dir.resolve("report");
        Run r = run("backtest", "--data", fixture().toString(), "--portfolio", "--max-positions", "3", "--heat-cap", "0.9",
                "--strategy", "sma-cross", "--param", "fast=5", "--param", "slow=20", "--quantity", "100", "--cash", "300000",
                "--commission-pct", "0.1", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("portfolio of 6 symbols in one account (max 3 open positions, heat cap 90 % of equity, buying power (cash, delivery))",
                "orders refused (");
        assertThat(PortfolioReport.files()).allSatisfy(f -> assertThat(out.resolve(f)).isRegularFile());
        String metrics = Files.readString(out.resolve("metrics.json"));
        assertThat(metrics).contains("\"kind\": \"portfolio\"", "\"symbols\": 6", "\"reconciliation_difference\": 0,", "\"trades_pnl_net\": ",
                "\"trades_pnl_gross\": ", "\"realized_pnl_gross\": ", "\"refusals_by_reason\": {\"MAX_OPEN_POSITIONS\": ", "\"fill_model\": \"NEXT_OPEN\"");
        assertThat(number(metrics, "max_open_positions")).isLessThanOrEqualTo(new BigDecimal("3"));
        // final equity = initial cash + trades' net P&L + open positions' net mark-to-market, and the per-symbol contributions add up to it
        BigDecimal equity = number(metrics, "final_equity");
        assertThat(number(metrics, "initial_cash").add(number(metrics, "trades_pnl_net")).add(number(metrics, "open_pnl_net"))).isEqualByComparingTo(equity);
        List<String> symbols = Files.readAllLines(out.resolve("symbols.csv"));
        assertThat(symbols.getFirst()).isEqualTo(PortfolioReport.SYMBOLS_HEADER);
        assertThat(symbols).hasSize(7);
        BigDecimal contributions = symbols.stream().skip(1).map(l -> new BigDecimal(l.split(",")[8])).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(number(metrics, "initial_cash").add(contributions)).isEqualByComparingTo(equity);
        List<String> trades = Files.readAllLines(out.resolve("trades.csv"));
        assertThat(trades.getFirst()).isEqualTo(PortfolioReport.TRADES_HEADER);
        assertThat(trades).hasSize(number(metrics, "trades").intValue() + 1);
        List<String> refusals = Files.readAllLines(out.resolve("refusals.csv"));
        assertThat(refusals.getFirst()).isEqualTo(PortfolioReport.REFUSALS_HEADER);
        assertThat(refusals).hasSize(number(metrics, "orders_refused").intValue() + 1);
        assertThat(refusals.get(1)).matches("2015-\\d\\d-\\d\\d,[A-Z]+,[A-Z_]+,\".+\"");
        List<String> equityCsv = Files.readAllLines(out.resolve("equity.csv"));
        assertThat(equityCsv.getFirst()).isEqualTo(PortfolioReport.EQUITY_HEADER);
        assertThat(equityCsv.getLast().split(",")[2]).isEqualTo(equity.stripTrailingZeros().toPlainString());
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("Portfolio backtest: sma-cross", PortfolioReport.ONE_ACCOUNT, "<h2>Equity and drawdown</h2>", "<svg",
                "<h2>Monthly returns</h2>", "<h2>Refusals by reason</h2>", "MAX_OPEN_POSITIONS", "<h2>Contribution per symbol</h2>", "<h2>Trades</h2>");
        assertThat(html).doesNotContain("https:", "src=", "<script");
    }

    @Test
    void portfolio_options_need_the_portfolio_flag_and_a_folder() throws Exception {
        String[] base = {"backtest", "--strategy", "sma-cross", "--quantity", "10", "--cash", "100000", "--out", dir.resolve("o").toString()};
        Run noFlag = run(with(base, "--data", fixture().toString(), "--max-positions", "3"));
        assertThat(noFlag.code()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(noFlag.err()).contains("--max-positions needs --portfolio");
        Run file = run(with(base, "--data", fixture().resolve("ALPHA.csv").toString(), "--portfolio"));
        assertThat(file.code()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(file.err()).contains("--portfolio needs --data to be a folder");
        Run heat = run(with(base, "--data", fixture().toString(), "--portfolio", "--heat-cap", "0"));
        assertThat(heat.code()).isEqualTo(Cli.EXIT_USAGE);
        assertThat(Files.exists(dir.resolve("o"))).isFalse();
    }

    @Test
    void without_the_flag_a_folder_still_runs_independent_single_symbol_runs() throws Exception {
        Run r = run("backtest", "--data", fixture().toString(), "--strategy", "sma-cross", "--quantity", "10", "--cash", "100000",
                "--out", dir.resolve("u").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("6 independent single-symbol runs (not a portfolio)");
    }

    @Test
    void mis_leverage_trades_every_symbol_of_the_folder_intraday_so_fewer_entries_lack_buying_power() throws Exception {
        String[] base = {"backtest", "--data", fixture().toString(), "--portfolio", "--strategy", "sma-cross", "--param", "fast=5",
                "--param", "slow=20", "--quantity", "100", "--cash", "150000"};
        Run delivery = run(with(base, "--out", dir.resolve("delivery").toString()));
        Run intraday = run(with(base, "--mis-leverage", "5", "--out", dir.resolve("intraday").toString()));
        assertThat(delivery.code()).as(delivery.err()).isZero();
        assertThat(intraday.code()).as(intraday.err()).isZero();
        assertThat(intraday.out()).contains("buying power (cash for delivery, margin at 5x for 6 intraday symbols)");
        BigDecimal paidInFull = refusals(dir.resolve("delivery"), "INSUFFICIENT_BUYING_POWER");
        assertThat(paidInFull).as("about 100,000 per entry against 150,000 cash").isPositive();
        assertThat(refusals(dir.resolve("intraday"), "INSUFFICIENT_BUYING_POWER")).isLessThan(paidInFull);
    }

    private static BigDecimal refusals(Path out, String reason) throws Exception {
        String metrics = Files.readString(out.resolve("metrics.json"));
        Matcher m = Pattern.compile("\"" + reason + "\": ([0-9]+)").matcher(metrics);
        return m.find() ? new BigDecimal(m.group(1)) : BigDecimal.ZERO;
    }

    private static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private static BigDecimal number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\": (-?[0-9.]+)").matcher(json);
        assertThat(m.find()).as(key + " in " + json).isTrue();
        return new BigDecimal(m.group(1));
    }
}
