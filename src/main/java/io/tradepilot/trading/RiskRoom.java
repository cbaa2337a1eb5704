package io.tradepilot.trading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How much room each configured pre-trade limit of the live engine has left, at one moment of market time.
 *
 * @param at       the engine's (market) time of the figures
 * @param currency the account currency of the money figures
 * @param limits   one row per limit that is on, in the order the risk chain checks them
 */
public record RiskRoom(Instant at, String currency, List<Limit> limits) {

    public RiskRoom {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(currency, "currency");
        limits = List.copyOf(limits);
    }

    /** What a limit's used and cap figures count. */
    public enum Unit { MONEY, FRACTION, COUNT, MINUTES }

    /**
     * One limit.
     *
     * @param name  what an operator calls it ("Portfolio heat")
     * @param code  the rejection code an order gets when it would cross the limit
     * @param unit  what {@code used} and {@code cap} count
     * @param used  how much is used now (never negative)
     * @param cap   the limit
     * @param note  a short explanation of the figures (e.g. when the entry window closes); may be empty
     */
    public record Limit(String name, String code, Unit unit, BigDecimal used, BigDecimal cap, String note) {
        public Limit {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(used, "used");
            Objects.requireNonNull(cap, "cap");
            note = note == null ? "" : note;
        }

        /** The room left: {@code cap - used}, never negative. */
        public BigDecimal left() {
            return cap.subtract(used).max(BigDecimal.ZERO);
        }
    }
}
