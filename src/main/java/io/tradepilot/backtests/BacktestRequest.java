package io.tradepilot.backtests;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What to backtest. The strategy configuration is either a stored version ({@code configKey} and {@code
 * configVersion}) or a draft document ({@code draft}, YAML or JSON as on the strategies page): exactly one of them.
 * The instruments are either {@code symbols} or a named {@code universe} (exactly one of them); a universe is resolved
 * to its symbols at submission and the run stores them. Everything is validated by {@link Backtests#submit}; a refusal
 * names the field.
 *
 * @param label         a name for the list (optional, single line, at most 120 characters)
 * @param configKey     the stored strategy id (with {@code configVersion})
 * @param configVersion its version
 * @param draft         a configuration document not stored (in place of the two above)
 * @param symbols       1 to 50 symbols the data source knows (empty or null with {@code universe})
 * @param from          first day (inclusive, exchange-local)
 * @param to            last day (inclusive), not before {@code from}
 * @param cash          initial cash of each run, positive
 * @param quantity      fixed order quantity (whole units), required unless the configuration sizes by {@code
 *                      risk_per_trade}, where it is refused
 * @param fill          fill timing (null: NEXT_OPEN)
 * @param fee           fee model (null: NONE)
 * @param feeValue      PERCENT's percent (0 to below 100)
 * @param slippage      slippage model (null: NONE)
 * @param slippageValue BPS's basis points (0 to 1,000) or TICKS's ticks (whole, 0 to 100)
 * @param closeAtEnd    close an open position at the last bar (null: no)
 * @param cashOnly      refuse entries the cash cannot pay for (the live chain's buying-power check; null: no);
 *                      independent runs only (a portfolio has {@code buyingPower})
 * @param mode          independent single-symbol runs or one portfolio account (null: INDEPENDENT)
 * @param maxPositions  PORTFOLIO only: positions open at once, entries not yet filled included, 0 to 1,000 (null or
 *                      0: no limit)
 * @param heatCap       PORTFOLIO only: the largest portfolio heat as a fraction of equity, above 0 and at most 100
 *                      (null: off)
 * @param buyingPower   PORTFOLIO only: refuse an entry the cash cannot pay for (null: yes, as the command line)
 * @param misLeverage   PORTFOLIO only: every symbol traded intraday (MIS), its entries needing 1 / leverage of their
 *                      value as margin, 1 to 100, not with buying power off (null: delivery, paid in full; the command
 *                      line's {@code --mis-leverage})
 * @param correlationGroups PORTFOLIO only: group name to its symbols, each a symbol of the run and in one group at
 *                      most (null or empty: off; {@code --group})
 * @param maxPositionsPerGroup PORTFOLIO only, with groups: open positions per group, 1 to 1,000 (null: 1;
 *                      {@code --max-per-group})
 * @param universe      a universe's name ({@link io.tradepilot.strategies.Universes}) in place of {@code symbols}: every
 *                      one of its symbols (at most 50) must have stored data in the range (null: {@code symbols})
 */
public record BacktestRequest(String label, String configKey, Integer configVersion, String draft, List<String> symbols,
                              LocalDate from, LocalDate to, BigDecimal cash, BigDecimal quantity, FillModel fill,
                              FeeModel fee, BigDecimal feeValue, SlippageModel slippage, BigDecimal slippageValue,
                              Boolean closeAtEnd, Boolean cashOnly, BacktestMode mode, Integer maxPositions, BigDecimal heatCap,
                              Boolean buyingPower, BigDecimal misLeverage, java.util.Map<String, List<String>> correlationGroups,
                              Integer maxPositionsPerGroup, String universe) {

    /** This request on universe {@code name} in place of its symbols. */
    public BacktestRequest onUniverse(String name) {
        return new BacktestRequest(label, configKey, configVersion, draft, List.of(), from, to, cash, quantity, fill, fee, feeValue, slippage,
                slippageValue, closeAtEnd, cashOnly, mode, maxPositions, heatCap, buyingPower, misLeverage, correlationGroups,
                maxPositionsPerGroup, name);
    }
}
