package io.tradepilot.engine.broker;

import io.tradepilot.engine.domain.ChargeKind;
import io.tradepilot.engine.domain.Charges;
import io.tradepilot.engine.domain.Side;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * Zerodha's equity charge schedule as one configurable table. Per execution on turnover
 * {@code T = quantity x price}:
 * <ul>
 *   <li>brokerage = min(T x brokerageRate, brokerageCap) (delivery: 0)</li>
 *   <li>STT = T x sttBuyRate on buys, T x sttSellRate on sells</li>
 *   <li>exchange transaction charge = T x exchangeRate</li>
 *   <li>SEBI fee = T x sebiRate (₹10 per crore = 0.000001)</li>
 *   <li>GST = gstRate x (brokerage + exchange charge + SEBI fee)</li>
 *   <li>stamp duty = T x stampBuyRate on buys only</li>
 * </ul>
 * Each component is rounded half-up to the paisa; GST is computed on the rounded components. The
 * rates are the published ones at the time of writing (NSE); change the table when they change.
 */
public record ZerodhaCharges(Rates rates) implements CommissionModel {

    public record Rates(BigDecimal brokerageRate, BigDecimal brokerageCap, BigDecimal sttBuyRate, BigDecimal sttSellRate,
                        BigDecimal exchangeRate, BigDecimal sebiRate, BigDecimal gstRate, BigDecimal stampBuyRate) {}

    /** Equity delivery (CNC): zero brokerage, STT 0.1 % both sides, stamp 0.015 % on buys. */
    public static final Rates DELIVERY = new Rates(BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("0.001"), new BigDecimal("0.001"),
            new BigDecimal("0.0000297"), new BigDecimal("0.000001"), new BigDecimal("0.18"), new BigDecimal("0.00015"));

    /** Equity intraday (MIS): brokerage 0.03 % capped at ₹20, STT 0.025 % on sells, stamp 0.003 % on buys. */
    public static final Rates INTRADAY = new Rates(new BigDecimal("0.0003"), new BigDecimal("20"), BigDecimal.ZERO, new BigDecimal("0.00025"),
            new BigDecimal("0.0000297"), new BigDecimal("0.000001"), new BigDecimal("0.18"), new BigDecimal("0.00003"));

    public static ZerodhaCharges delivery() {
        return new ZerodhaCharges(DELIVERY);
    }

    public static ZerodhaCharges intraday() {
        return new ZerodhaCharges(INTRADAY);
    }

    /** The itemised charges of one execution. */
    public record Breakdown(BigDecimal brokerage, BigDecimal stt, BigDecimal exchange, BigDecimal sebi, BigDecimal gst, BigDecimal stamp) {
        public BigDecimal total() {
            return brokerage.add(stt).add(exchange).add(sebi).add(gst).add(stamp);
        }

        /** The same amounts as charges by kind (brokerage, STT, exchange, SEBI, GST, stamp duty). */
        public Charges charges() {
            Map<ChargeKind, BigDecimal> m = new EnumMap<>(ChargeKind.class);
            m.put(ChargeKind.BROKERAGE, brokerage);
            m.put(ChargeKind.STT, stt);
            m.put(ChargeKind.EXCHANGE, exchange);
            m.put(ChargeKind.SEBI, sebi);
            m.put(ChargeKind.GST, gst);
            m.put(ChargeKind.STAMP, stamp);
            return new Charges(m);
        }
    }

    public Breakdown breakdown(Side side, BigDecimal quantity, BigDecimal price) {
        BigDecimal t = quantity.multiply(price);
        BigDecimal brokerage = paise(t.multiply(rates.brokerageRate()).min(rates.brokerageCap()));
        BigDecimal stt = paise(t.multiply(side == Side.BUY ? rates.sttBuyRate() : rates.sttSellRate()));
        BigDecimal exchange = paise(t.multiply(rates.exchangeRate()));
        BigDecimal sebi = paise(t.multiply(rates.sebiRate()));
        BigDecimal gst = paise(brokerage.add(exchange).add(sebi).multiply(rates.gstRate()));
        BigDecimal stamp = side == Side.BUY ? paise(t.multiply(rates.stampBuyRate())) : BigDecimal.ZERO.setScale(2);
        return new Breakdown(brokerage, stt, exchange, sebi, gst, stamp);
    }

    @Override
    public BigDecimal charges(Side side, BigDecimal quantity, BigDecimal price, boolean firstFillOfOrder) {
        return breakdown(side, quantity, price).total();
    }

    @Override
    public Charges itemised(Side side, BigDecimal quantity, BigDecimal price, boolean firstFillOfOrder) {
        return breakdown(side, quantity, price).charges();
    }

    private static BigDecimal paise(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }
}
