package io.tradepilot.reconciliation;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One difference between the ledger and the broker's book that reconciliation could not explain by a missed fill.
 *
 * @param id          the stored mismatch's id
 * @param kind        what differs
 * @param key         the symbol (positions), the client or broker order id (orders), {@code cash}
 * @param symbol      the instrument's symbol, null for cash
 * @param exchange    the instrument's exchange at the broker, null when unknown
 * @param ledger      the ledger's value (quantity or cash), null when the ledger has nothing
 * @param broker      the broker's value, null when the broker has nothing
 * @param brokerPrice the broker's average price of a position (adopting books it at that price), else null
 * @param detail      a sentence for people
 * @param resolution  null while open; how an admin resolved it
 */
public record Mismatch(long id, Kind kind, String key, String symbol, String exchange, BigDecimal ledger, BigDecimal broker,
                       BigDecimal brokerPrice, String detail, Instant foundAt, Instant lastSeenAt, Resolution resolution,
                       String resolvedBy, Instant resolvedAt, String resolutionReason) {

    public enum Kind {
        /** The broker holds another quantity of the symbol than the ledger (also: a position only one side has). */
        POSITION,
        /** A working order at the broker the ledger does not know (placed elsewhere). */
        ORDER_UNKNOWN_IN_LEDGER,
        /** An order the ledger holds as working that the broker does not (ended without the engine hearing). */
        ORDER_NOT_AT_BROKER,
        /** Cash differs by more than the tolerance. */
        CASH,
        /** Fills the engine missed that could not be handed to it (no engine on this instance). */
        MISSED_FILL
    }

    public enum Resolution {
        /** The broker's position was booked into the ledger. */
        ADOPTED,
        /** The broker's position was closed at the broker (a market order outside the engine). */
        CLOSED,
        /** An admin decided to leave it, with a reason. */
        IGNORED,
        /** A later run found the difference gone (a late report arrived). */
        CLEARED
    }

    public boolean open() {
        return resolution == null;
    }

    /** Whether an admin may adopt or close it (a position difference). */
    public boolean positional() {
        return kind == Kind.POSITION;
    }
}
