package io.tradepilot.backtests;

import io.tradepilot.base.live.LiveFeed;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The backtest pages' shared push ticker: every {@code period} while a page is open it reads the newest runs and
 * pushes them to the open pages when they changed (progress, state, ETA), whichever instance runs them.
 */
public class BacktestBoard extends LiveFeed<List<BacktestRun>> {

    public BacktestBoard(Supplier<List<BacktestRun>> newestRuns, Duration period) {
        super("backtests-feed", newestRuns, period);
    }
}
