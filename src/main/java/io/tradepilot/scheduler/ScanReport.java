package io.tradepilot.scheduler;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The result of one scheduled scan.
 *
 * @param scanner the scan that ran ({@code 3wi})
 * @param asOf    the scan date (the latest date in the data)
 * @param symbols how many symbols were scanned
 * @param rows    the setups found, breakouts first
 */
public record ScanReport(long id, String scanner, String exchange, LocalDate asOf, Instant createdAt, int symbols, List<Row> rows) {

    public ScanReport {
        rows = List.copyOf(rows);
    }

    /**
     * One setup.
     *
     * @param state     ACTIVE, NEAR_BREAKOUT, BREAKOUT_UP or BREAKOUT_DOWN
     * @param motherHigh the mother week's high; {@code motherLow} its low
     * @param entry     the plan's entry for a breakout, null otherwise (likewise stop, targets, quantity)
     */
    public record Row(String symbol, String state, boolean weekComplete, BigDecimal motherHigh, BigDecimal motherLow,
                      BigDecimal entry, BigDecimal stop, BigDecimal target1, BigDecimal target2, BigDecimal quantity,
                      boolean tradeable, String note) {
    }
}
