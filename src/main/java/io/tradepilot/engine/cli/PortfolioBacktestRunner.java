package io.tradepilot.engine.cli;

import io.tradepilot.engine.backtest.PortfolioBacktest;
import io.tradepilot.engine.backtest.PortfolioLimits;
import io.tradepilot.engine.backtest.PortfolioReport;
import io.tradepilot.engine.backtest.PortfolioResult;
import io.tradepilot.engine.marketdata.BarSeries;

import java.io.IOException;
import java.io.PrintStream;
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
        PortfolioLimits given = request.portfolio();
        // --mis-leverage trades every symbol of the folder intraday: the folder's symbols are known only now
        PortfolioLimits limits = given.intradaySymbols().isEmpty() && given.misLeverage().compareTo(java.math.BigDecimal.ONE) != 0
                ? given.withIntraday(series.keySet(), given.misLeverage()) : given;
        PortfolioResult result;
        try {
            result = EngineBacktestExecutor.runPortfolio(() -> EngineBacktestExecutor.strategy(request), request.cash(),
                    EngineBacktestExecutor.broker(request), request.closeAtEnd(), limits, series.values(), PortfolioBacktest.Monitor.NONE);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        AtomicOutput.writeDirectory(request.outDir(), staging -> PortfolioReport.writeAll(result, limits, staging));
        String refused = result.refusalsByReason().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        out.println("backtest: portfolio of " + series.size() + " symbols in one account (" + limits.describe() + "), "
                + result.bars() + " bars, " + result.trades().size() + " round trips, " + result.refusals().size() + " orders refused"
                + (refused.isEmpty() ? "" : " (" + refused + ")") + ", final equity " + result.finalEquity().toPlainString()
                + " -> " + request.outDir() + " (report.html)");
        return Cli.EXIT_OK;
    }
}
