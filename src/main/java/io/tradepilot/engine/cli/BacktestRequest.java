package io.tradepilot.engine.cli;

import io.tradepilot.engine.marketdata.CsvBarReader;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A validated {@code backtest} invocation.
 *
 * @param data          existing bar file
 * @param zone          exchange zone of the data
 * @param readOptions   how strictly to read it (read with {@link DataOptions#read})
 * @param strategy      strategy name and validated parameters
 * @param quantity      fixed order quantity, positive; null when the strategy is sized another way
 *                      ({@link StrategyParameters.Resolved#riskPerTradePercent()}, or a strategy that sizes itself)
 * @param cash          starting cash, positive
 * @param commissionPct commission as a percent of notional per fill, {@code 0 <= pct < 100}
 * @param fill          when market orders fill
 * @param closeAtEnd    whether an open position is closed at the last bar (otherwise valued and reported)
 * @param cashOnly      whether an entry the cash cannot pay for is refused ({@link io.tradepilot.engine.backtest.BacktestConfig#withCashOnly()});
 *                      otherwise cash may go negative, as backtests always allowed
 * @param outDir        directory for trades.csv, equity.csv and metrics.json
 * @param portfolio     the account limits of a portfolio run over a folder ({@code --portfolio}: one account, one engine), or
 *                      null for a single run or independent single-symbol runs
 */
public record BacktestRequest(Path data, ZoneId zone, CsvBarReader.Options readOptions, StrategyParameters.Resolved strategy, BigDecimal quantity,
                              BigDecimal cash, BigDecimal commissionPct, Fill fill, boolean closeAtEnd, boolean cashOnly, Path outDir,
                              io.tradepilot.engine.backtest.PortfolioLimits portfolio) {

    /** A single run or independent single-symbol runs (no portfolio). */
    public BacktestRequest(Path data, ZoneId zone, CsvBarReader.Options readOptions, StrategyParameters.Resolved strategy, BigDecimal quantity,
                           BigDecimal cash, BigDecimal commissionPct, Fill fill, boolean closeAtEnd, boolean cashOnly, Path outDir) {
        this(data, zone, readOptions, strategy, quantity, cash, commissionPct, fill, closeAtEnd, cashOnly, outDir, null);
    }

    /** Fill timing of market orders decided at a bar's close. */
    public enum Fill {
        /** At the next bar's open (default, realistic). */
        NEXT_OPEN,
        /** At the deciding bar's close (optimistic). */
        CLOSE
    }

    public BacktestRequest {
        Objects.requireNonNull(data);
        Objects.requireNonNull(zone);
        Objects.requireNonNull(readOptions);
        Objects.requireNonNull(strategy);
        if (quantity != null && quantity.signum() <= 0) throw new IllegalArgumentException("quantity must be positive");
        Objects.requireNonNull(cash);
        Objects.requireNonNull(commissionPct);
        Objects.requireNonNull(fill);
        Objects.requireNonNull(outDir);
    }
}
