package io.tradepilot.engine.cli;

import java.io.IOException;
import java.io.PrintStream;

/**
 * Runs a validated backtest: the seam between the command line and the backtest engine. An
 * implementation reads {@link BacktestRequest#data()}, runs the engine and writes {@code trades.csv},
 * {@code equity.csv} and {@code metrics.json} through {@link AtomicOutput#writeDirectory} so that a
 * failure leaves no partial files. It throws {@link UsageException} for bad input discovered while
 * running (e.g. a malformed row: exit 2) and returns the exit code otherwise.
 */
@FunctionalInterface
public interface BacktestExecutor {

    int run(BacktestRequest request, PrintStream out, PrintStream err) throws UsageException, IOException;
}
