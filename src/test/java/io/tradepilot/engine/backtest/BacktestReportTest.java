package io.tradepilot.engine.backtest;

import io.tradepilot.engine.broker.BrokerConfig;
import io.tradepilot.engine.broker.CommissionModel;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.strategy.SmaCross;
import io.tradepilot.engine.testing.RandomWalkBars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

import static io.tradepilot.engine.testing.Fixtures.AAPL;
import static org.assertj.core.api.Assertions.assertThat;

/** TradesCsvWriter, EquityCsvWriter, MetricsJsonWriter and BacktestReport. */
class BacktestReportTest {

    private final BacktestResult result = Backtest.run(RandomWalkBars.generate(AAPL, 2_000, 5), new SmaCross(10, 30, Quantity.of(100)),
            BacktestConfig.of(new BigDecimal("1000000")));

    @Test
    void all_three_files_are_written_with_the_agreed_headers_and_one_row_per_trade_and_bar(@TempDir Path dir) throws Exception {
        BacktestReport.writeAll(result, dir.resolve("out"));
        List<String> trades = Files.readAllLines(dir.resolve("out/trades.csv"));
        assertThat(trades.getFirst()).isEqualTo("entry_time,entry_price,exit_time,exit_price,quantity,pnl_gross,fees,pnl_net");
        assertThat(trades).hasSize(result.trades().size() + 1);
        assertThat(trades.get(1)).matches("\\d{4}-\\d{2}-\\d{2},[0-9.]+,\\d{4}-\\d{2}-\\d{2},[0-9.]+,100,-?[0-9.]+,0,-?[0-9.]+");
        List<String> equity = Files.readAllLines(dir.resolve("out/equity.csv"));
        assertThat(equity.getFirst()).isEqualTo("time,cash,equity");
        assertThat(equity).hasSize(result.bars() + 1);
        assertThat(equity.get(1)).isEqualTo("2000-01-03,1000000,1000000");
        assertThat(new java.math.BigDecimal(equity.getLast().substring(equity.getLast().lastIndexOf(',') + 1))).isEqualByComparingTo(result.finalEquity());
        String json = Files.readString(dir.resolve("out/metrics.json"));
        assertThat(json).contains("\"final_cash\": " + MetricsJsonWriter.json(result.finalCash()))
                .contains("\"final_equity\": " + MetricsJsonWriter.json(result.finalEquity()))
                .contains("\"open_quantity\": " + MetricsJsonWriter.json(result.openQuantity()))
                .contains("\"trades\": " + result.trades().size());
        for (String key : List.of("total_return", "cagr", "sharpe", "sortino", "max_drawdown", "max_drawdown_duration_bars",
                "win_rate", "profit_factor", "expectancy", "average_r", "exposure_time")) {
            assertThat(json).containsPattern("\"" + key + "\": (null|-?[0-9][0-9.E-]*)");
        }
        assertThat(json.strip()).startsWith("{").endsWith("}");
        try (var files = Files.list(dir.resolve("out"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("trades.csv", "equity.csv", "metrics.json");
        }
    }

    @Test
    void gross_and_net_are_named_and_the_metrics_sums_equal_the_trades_columns(@TempDir Path dir) throws Exception {
        BacktestResult withFees = Backtest.run(RandomWalkBars.generate(AAPL, 2_000, 5), new SmaCross(10, 30, Quantity.of(100)),
                BacktestConfig.of(new BigDecimal("1000000")).withBroker(BrokerConfig.defaults()
                        .withCommission(CommissionModel.percentOfNotional(new BigDecimal("0.1")))));
        BacktestReport.writeAll(withFees, dir.resolve("out"));
        BigDecimal gross = BigDecimal.ZERO, fees = BigDecimal.ZERO, net = BigDecimal.ZERO;
        for (String row : Files.readAllLines(dir.resolve("out/trades.csv")).subList(1, withFees.trades().size() + 1)) {
            String[] f = row.split(",");
            gross = gross.add(new BigDecimal(f[5]));
            fees = fees.add(new BigDecimal(f[6]));
            net = net.add(new BigDecimal(f[7]));
        }
        assertThat(fees.signum()).isPositive();
        assertThat(net).isEqualByComparingTo(gross.subtract(fees));
        String json = Files.readString(dir.resolve("out/metrics.json"));
        assertThat(json).contains("\"trades_pnl_gross\": " + MetricsJsonWriter.json(gross))
                .contains("\"trades_pnl_net\": " + MetricsJsonWriter.json(net))
                .contains("\"realized_pnl_gross\": " + MetricsJsonWriter.json(withFees.realizedPnl()))
                .doesNotContain("\"realized_pnl\":").doesNotContain("\"pnl\":");
    }

    @Test
    void intraday_series_are_written_with_the_markets_offset() throws Exception {
        BarArrays d = RandomWalkBars.generate(AAPL, 3, 1);
        long[] t = {1704166500000L, 1704166800000L, 1704167100000L}; // 2024-01-02 03:35Z.. = 09:05 IST
        BarArrays ist = new BarArrays(AAPL, t, d.open(), d.high(), d.low(), d.close(), d.volume(), 2, ZoneId.of("Asia/Kolkata"));
        BacktestResult r = Backtest.run(ist, new SmaCross(1, 2, Quantity.of(1)), BacktestConfig.of(new BigDecimal("1000")));
        StringWriter w = new StringWriter();
        EquityCsvWriter.write(r, w);
        assertThat(w.toString().lines().skip(1).findFirst().orElseThrow()).startsWith("2024-01-02T09:05:00+05:30,");
    }

    @Test
    void json_numbers_never_contain_nan() {
        assertThat(MetricsJsonWriter.json(Double.NaN)).isEqualTo("null");
        assertThat(MetricsJsonWriter.json(Double.POSITIVE_INFINITY)).isEqualTo("null");
        assertThat(MetricsJsonWriter.json(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(MetricsJsonWriter.json(new BigDecimal("158319.44000"))).isEqualTo("158319.44");
        assertThat(MetricsJsonWriter.json(new BigDecimal("0.000"))).isEqualTo("0");
    }
}
