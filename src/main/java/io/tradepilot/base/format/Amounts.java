package io.tradepilot.base.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Formats exact decimals for display. Money keeps every decimal it has (at least two), so a P&amp;L
 * of {@code 12.345} shows as {@code INR 12.345}, never rounded through a {@code double}; quantities
 * keep theirs (none for whole numbers). Grouping uses commas. Null shows as an em dash.
 */
public final class Amounts {

    /** What null amounts show as. */
    public static final String NONE = "—";

    private Amounts() {
    }

    /** {@code currency} then the exact amount with at least two decimals, e.g. {@code INR -1,250.50}. */
    public static String money(BigDecimal amount, String currency) {
        if (amount == null) return NONE;
        return currency + " " + decimal(amount, 2);
    }

    /** Like {@link #money} with an explicit sign for gains, e.g. {@code INR +75.00}. */
    public static String signedMoney(BigDecimal amount, String currency) {
        if (amount == null) return NONE;
        return currency + " " + (amount.signum() > 0 ? "+" : "") + decimal(amount, 2);
    }

    /** A price: the exact value with at least two decimals, no currency. */
    public static String price(BigDecimal price) {
        return price == null ? NONE : decimal(price, 2);
    }

    /** A quantity: the exact value, no trailing zeros, e.g. {@code -100} or {@code 12.5}. */
    public static String quantity(BigDecimal quantity) {
        return quantity == null ? NONE : decimal(quantity, 0);
    }

    /**
     * {@code fraction} as a percentage with two decimals (half-even), e.g. {@code 0.01834} → {@code 1.83 %}.
     * Percentages are ratios for orientation, so they are rounded; the amounts they come from are not.
     */
    public static String percent(BigDecimal fraction) {
        if (fraction == null) return NONE;
        return decimal(fraction.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN), 2) + " %";
    }

    /**
     * Charges by kind ({@link io.tradepilot.engine.domain.ChargeKind} names) in their order, each as its label and exact
     * amount, e.g. {@code Brokerage 20.00 · STT 25.00 · GST 3.60}; a single unitemised commission shows as its amount.
     */
    public static String charges(java.util.Map<String, BigDecimal> byKind) {
        if (byKind == null || byKind.isEmpty()) return NONE;
        if (byKind.size() == 1 && byKind.containsKey("COMMISSION")) return price(byKind.get("COMMISSION"));
        StringBuilder out = new StringBuilder();
        byKind.forEach((kind, amount) -> {
            if (!out.isEmpty()) out.append(" · ");
            out.append(io.tradepilot.engine.domain.ChargeKind.label(kind)).append(' ').append(price(amount));
        });
        return out.toString();
    }

    /** {@code part ÷ whole} as a fraction (10 decimals, half-even); null when either is null or whole is 0. */
    public static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() == 0) return null;
        return part.divide(whole, 10, RoundingMode.HALF_EVEN);
    }

    private static String decimal(BigDecimal value, int minimumScale) {
        BigDecimal stripped = value.stripTrailingZeros();
        int scale = Math.max(minimumScale, Math.max(0, stripped.scale()));
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setMinimumFractionDigits(scale);
        format.setMaximumFractionDigits(scale);
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        return format.format(stripped.setScale(scale, RoundingMode.UNNECESSARY));
    }
}
