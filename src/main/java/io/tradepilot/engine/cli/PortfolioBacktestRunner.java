package io.tradepilot.engine.cli;

import io.tradepilot.engine.backtest.BacktestConfig;
import io.tradepilot.engine.backtest.BarArrays;
import io.tradepilot.engine.backtest.PortfolioBacktest;
import io.tradepilot.engine.backtest.PortfolioReport;
import io.tradepilot.engine.backtest.PortfolioResult;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.strategy.Strategy;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code backtest --data DIR --portfolio}: every {@code SYMBOL.csv} of the folder in one account on one engine
 * ({@link PortfolioBacktest}) with the request's cash, fill and commission and its {@link BacktestRequest#portfolio()}
 * limits; writes {@link PortfolioReport}'s files atomically into {@code --out}. Every file is read before anything
 * runs; the instruments follow the zone as for a single run (NSE equity for Asia/Kolkata, else a US equity).
 */
final class PortfolioBacktestRunner {
    int run(BacktestRequest request, PrintStream out, PrintStream err) throws UsageException, IOException {
        Map<String, BarSeries> series = UniverseBacktestRunner.readFolder(request, err);
        List<BarArrays> data = new ArrayList<>(series.size());
        BarSeries longest = null;
        for (BarSeries s : series.values()) {
            data.add(EngineBacktestExecutor.arrays(s));
            if (longest == null || s.size() > longest.size()) longest = s;
        }
        BacktestConfig config = EngineBacktestExecutor.config(request, longest).withRisk(request.portfolio().riskChain());
        Map<Instrument, Strategy> strategies = new HashMap<>();
        for (BarArrays a : data) strategies.put(a.instrument(), EngineBacktestExecutor.strategy(request));
        PortfolioResult result;
        try {
            result = PortfolioBacktest.run(config, data, strategies::get, PortfolioBacktest.Monitor.NONE);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        AtomicOutput.writeDirectory(request.outDir(), staging -> PortfolioReport.writeAll(result, request.portfolio(), staging));
        String refused = result.refusalsByReason().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        out.println("backtest: portfolio of " + data.size() + " symbols in one account (" + request.portfolio().describe() + "), "
                + result.bars() + " bars, " + result.trades().size() + " round trips, " + result.refusals().size() + " orders refused"
                + (refused.isEmpty() ? "" : " (" + refused + ")") + ", final equity " + result.finalEquity().toPlainString()
                + " -> " + request.outDir() + " (report.html)");
        return Cli.EXIT_OK;
    }
}
