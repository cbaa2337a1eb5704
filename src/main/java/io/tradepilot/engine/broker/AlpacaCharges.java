package io.tradepilot.engine.broker;

import io.tradepilot.engine.domain.ChargeKind;
import io.tradepilot.engine.domain.Charges;
import io.tradepilot.engine.domain.Side;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * Alpaca's US equity charges: zero commission; on sells only, the regulatory fees Alpaca passes through,
 * each rounded up to the cent:
 * <ul>
 *   <li>SEC fee = proceeds ({@code quantity x price}) x {@code secFeeRate}</li>
 *   <li>FINRA trading activity fee = quantity x {@code tafPerShare}, at most {@code tafCap} per execution</li>
 * </ul>
 * Buys cost nothing. The SEC resets its rate every fiscal year: the defaults ({@link #DEFAULT}) are
 * $27.80 per million and FINRA's $0.000166 per share capped at $8.30; change them when they change.
 */
public record AlpacaCharges(BigDecimal secFeeRate, BigDecimal tafPerShare, BigDecimal tafCap) implements CommissionModel {

    public static final AlpacaCharges DEFAULT = new AlpacaCharges(new BigDecimal("0.0000278"), new BigDecimal("0.000166"), new BigDecimal("8.30"));

    /** The itemised fees of one execution (zero on buys). */
    public record Breakdown(BigDecimal secFee, BigDecimal taf) {
        public BigDecimal total() {
            return secFee.add(taf);
        }

        /** The same amounts as charges by kind (SEC fee, FINRA TAF). */
        public Charges charges() {
            Map<ChargeKind, BigDecimal> m = new EnumMap<>(ChargeKind.class);
            m.put(ChargeKind.SEC_FEE, secFee);
            m.put(ChargeKind.FINRA_TAF, taf);
            return new Charges(m);
        }
    }

    public Breakdown breakdown(Side side, BigDecimal quantity, BigDecimal price) {
        if (side == Side.BUY) return new Breakdown(cents(BigDecimal.ZERO), cents(BigDecimal.ZERO));
        return new Breakdown(cents(quantity.multiply(price).multiply(secFeeRate)), cents(quantity.multiply(tafPerShare).min(tafCap)));
    }

    @Override
    public BigDecimal charges(Side side, BigDecimal quantity, BigDecimal price, boolean firstFillOfOrder) {
        return breakdown(side, quantity, price).total();
    }

    @Override
    public Charges itemised(Side side, BigDecimal quantity, BigDecimal price, boolean firstFillOfOrder) {
        return breakdown(side, quantity, price).charges();
    }

    private static BigDecimal cents(BigDecimal v) {
        return v.setScale(2, RoundingMode.UP);
    }
}
