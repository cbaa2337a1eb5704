package io.tradepilot.engine.testing;

import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.orders.Fill;
import io.tradepilot.engine.orders.OrderId;

import java.math.BigDecimal;
import java.time.Instant;

/** Small builders shared by engine tests. */
public final class Fixtures {
    private Fixtures() {}

    public static final Instrument AAPL = Instrument.usEquity("AAPL", "NASDAQ");
    public static final Instrument MSFT = Instrument.usEquity("MSFT", "NASDAQ");
    public static final Instrument TSLA = Instrument.usEquity("TSLA", "NASDAQ");
    public static final Instrument RELIANCE = Instrument.nseEquity("RELIANCE");
    public static final Instant T0 = Instant.parse("2024-01-02T00:00:00Z");
    private static int seq;

    public static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }

    public static Fill fill(Instrument i, Side side, long qty, String price) {
        return fill(i, side, qty, price, "0", T0);
    }

    public static Fill fill(Instrument i, Side side, long qty, String price, String fee, Instant time) {
        int n = ++seq;
        return new Fill(new OrderId("T" + n), new ClientOrderId("c" + n), i, side, Quantity.of(qty), Price.of(price),
                new Money(new BigDecimal(fee), i.currency()), time, null);
    }
}
