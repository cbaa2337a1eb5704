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
     * @param setupId   the setup's deterministic id ({@code 3wi-v1:SYMBOL:MOTHER-WEEK}); null in scans stored before it
     * @param decision  what the scan did with it: TAKEN (an entry order placed, now or by an earlier run), SKIPPED or
     *                  REFUSED (by the live risk chain); null in scans stored before decisions
     * @param orderId   the entry order of a TAKEN setup, else null
     * @param reason    why it was not taken (not qualified, already taken, refused with the code, orders off); for a
     *                  TAKEN one what placed it
     */
    public record Row(String symbol, String state, boolean weekComplete, BigDecimal motherHigh, BigDecimal motherLow,
                      BigDecimal entry, BigDecimal stop, BigDecimal target1, BigDecimal target2, BigDecimal quantity,
                      boolean tradeable, String note, String setupId, String decision, String orderId, String reason) {

        /** A row without a decision (yet). */
        public Row(String symbol, String state, boolean weekComplete, BigDecimal motherHigh, BigDecimal motherLow,
                   BigDecimal entry, BigDecimal stop, BigDecimal target1, BigDecimal target2, BigDecimal quantity,
                   boolean tradeable, String note) {
            this(symbol, state, weekComplete, motherHigh, motherLow, entry, stop, target1, target2, quantity, tradeable, note,
                    null, null, null, null);
        }

        /** This row with its setup id and the scan's decision. */
        public Row decided(String id, String newDecision, String newOrderId, String newReason) {
            return new Row(symbol, state, weekComplete, motherHigh, motherLow, entry, stop, target1, target2, quantity, tradeable,
                    note, id, newDecision, newOrderId, newReason);
        }
    }
}
