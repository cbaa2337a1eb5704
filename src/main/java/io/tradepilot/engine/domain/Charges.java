package io.tradepilot.engine.domain;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One execution's charges by kind, in the instrument's currency: exact amounts, never negative, in {@link ChargeKind}
 * order. Their {@link #total()} is the execution's commission. A kind the model computed as zero is kept (the
 * contract note shows it), so an itemisation says which kinds were charged at all.
 */
public record Charges(Map<ChargeKind, BigDecimal> amounts) {

    public Charges {
        Objects.requireNonNull(amounts, "amounts");
        if (amounts.isEmpty()) throw new IllegalArgumentException("charges need at least one kind");
        EnumMap<ChargeKind, BigDecimal> copy = new EnumMap<>(ChargeKind.class);
        for (Map.Entry<ChargeKind, BigDecimal> e : amounts.entrySet()) {
            BigDecimal v = Objects.requireNonNull(e.getValue(), "amount of " + e.getKey());
            if (v.signum() < 0) throw new IllegalArgumentException(e.getKey() + " is negative: " + v.toPlainString());
            copy.put(Objects.requireNonNull(e.getKey(), "kind"), v);
        }
        amounts = Collections.unmodifiableMap(copy);
    }

    /** The whole commission as one unitemised amount ({@link ChargeKind#COMMISSION}). */
    public static Charges commission(BigDecimal amount) {
        return new Charges(Map.of(ChargeKind.COMMISSION, amount));
    }

    /**
     * The sum of the kinds in {@link ChargeKind} order: the execution's commission, exact (one kind: its amount itself,
     * scale and all, so an unitemised commission comes back unchanged).
     */
    public BigDecimal total() {
        BigDecimal sum = null;
        for (BigDecimal v : amounts.values()) sum = sum == null ? v : sum.add(v);
        return sum;
    }

    /** The amount of {@code kind}, or null when this itemisation has no such kind. */
    public BigDecimal amount(ChargeKind kind) {
        return amounts.get(kind);
    }
}
