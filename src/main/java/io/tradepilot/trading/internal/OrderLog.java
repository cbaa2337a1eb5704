package io.tradepilot.trading.internal;

import io.tradepilot.engine.core.EngineEvent;
import io.tradepilot.engine.orders.ClientOrderId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The order's client order id in the log context (MDC key {@value #KEY}), so that every line logged while an order
 * is placed or recorded can be found by it — in the JSON logs (profile {@code json-logs}) it is a field of its own.
 * Orders' ledger facts (accepted, rejected, filled) are logged by logger {@code io.tradepilot.trading.orders} at
 * DEBUG (off by default: at the synthetic market's pace that is hundreds of lines a second); switching it to DEBUG
 * costs nothing otherwise, since the MDC is only set when the line is written.
 */
final class OrderLog {

    /** The MDC key. */
    static final String KEY = "clientOrderId";

    private static final Logger log = LoggerFactory.getLogger("io.tradepilot.trading.orders");

    private OrderLog() {
    }

    /** Puts {@code id} in the MDC until the returned scope is closed. */
    static MDC.MDCCloseable scope(ClientOrderId id) {
        return MDC.putCloseable(KEY, id.value());
    }

    /** Logs a committed order event (ledger thread) with its client order id in the MDC, when DEBUG is on. */
    static void recorded(EngineEvent event) {
        if (!log.isDebugEnabled()) return;
        switch (event) {
            case EngineEvent.OrderAccepted a -> {
                try (var ignored = scope(a.clientOrderId())) {
                    log.debug("Order {} accepted: {} {} {} {} ({})", a.orderId().value(), a.side(), a.quantity(), a.symbol(),
                            a.type(), a.strategy().value());
                }
            }
            case EngineEvent.OrderRejected r -> {
                try (var ignored = scope(r.clientOrderId())) {
                    log.debug("Order for {} rejected: {} {}", r.symbol(), r.code(), r.message());
                }
            }
            case EngineEvent.OrderFilled f -> {
                try (var ignored = scope(f.clientOrderId())) {
                    log.debug("Order {} filled {} {} at {} ({} left, {})", f.orderId().value(), f.side(), f.quantity(),
                            f.price(), f.remaining(), f.status());
                }
            }
            default -> { }
        }
    }
}
