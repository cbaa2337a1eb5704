package io.tradepilot.trading.ui;

import java.math.BigDecimal;

/** The typed requests the trading dialogs emit (what the user entered, untrusted). */
final class Requests {

    private Requests() {
    }

    /** Close {@code symbol}'s position, all of it ({@code quantity} null) or part. */
    record ClosePosition(String symbol, BigDecimal quantity, String reason) {
    }

    record FlattenAll(String reason, String confirmation) {
    }

    record CancelOrder(String orderId, String reason) {
    }

    /** Cancel every working order, or those of {@code symbol} (null: all). */
    record CancelAll(String symbol, String reason) {
    }

    /** Switch a strategy on ({@code activate}) or off, with the typed word. */
    record SwitchStrategy(String strategyId, boolean activate, String confirmation, String reason) {
    }
}
