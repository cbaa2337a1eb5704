package io.tradepilot.signals;

import java.time.Instant;
import java.util.List;

/**
 * One recorded signal: when, for which strategy (as the URL named it), its format, the parsed action and symbols
 * (null when it could not be parsed), and what became of it: {@code PLACED} with the order ids, {@code REFUSED} or
 * {@code MALFORMED} with a stable code and detail. {@code payload}: the body with secrets redacted, size-capped.
 */
public record SignalEntry(long id, Instant receivedAt, String strategyId, String format, String action, String symbols,
                          String outcome, String code, String detail, List<String> orderIds, String payload,
                          int payloadSize) {

    public SignalEntry {
        orderIds = List.copyOf(orderIds);
    }
}
