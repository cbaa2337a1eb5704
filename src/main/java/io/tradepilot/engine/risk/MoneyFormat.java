package io.tradepilot.engine.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

/** Formats amounts for messages: {@code $20,000.00}, {@code ₹1,000.50}; half-even to the minor unit. */
public final class MoneyFormat {
    private MoneyFormat() {}

    public static String format(BigDecimal amount, Currency currency) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        f.setRoundingMode(RoundingMode.HALF_EVEN);
        String symbol = switch (currency.getCurrencyCode()) {
            case "USD" -> "$";
            case "INR" -> "₹";
            case "EUR" -> "€";
            case "GBP" -> "£";
            default -> currency.getCurrencyCode() + " ";
        };
        String s = f.format(amount.abs());
        return (amount.signum() < 0 ? "-" : "") + symbol + s;
    }

    public static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
