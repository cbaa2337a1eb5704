package io.tradepilot.trading;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The daily-loss limit paused new entries: the engine's risk chain refused an entry with
 * {@code DAILY_LOSS_ENTRIES_PAUSED} because the day's loss reached {@code pauseFraction} × the daily loss limit of the
 * day's starting equity. Exits still pass; the next market day starts afresh. Published (Spring application event) by
 * the instance that runs the engine, once per market day: the first time the ledger records such a refusal. Amounts
 * are exact decimals in {@code currency}.
 *
 * @param marketDay      the refusal's day in the market's zone
 * @param refusedAt      the refusal's market time
 * @param symbol         the entry that was refused
 * @param dayLoss        the day's loss (day-start equity − equity) in the engine's snapshot when the ledger recorded the
 *                       refusal
 * @param pauseAt        the loss at which entries pause: {@code dayStartEquity × dailyLossLimit × pauseFraction}
 * @param dailyLossLimit the daily loss limit, a fraction of the day's starting equity (reaching it trips the engine)
 * @param pauseFraction  the part of the daily loss limit at which entries pause ({@code limits.pause-entries-at})
 * @param engineMessage  the risk chain's own words at the refusal (its figures rounded to the minor unit)
 */
public record DailyLossEntriesPaused(LocalDate marketDay, Instant refusedAt, String symbol, String currency, BigDecimal dayLoss,
                                     BigDecimal pauseAt, BigDecimal dailyLossLimit, BigDecimal pauseFraction,
                                     BigDecimal dayStartEquity, String engineMessage) {
}
