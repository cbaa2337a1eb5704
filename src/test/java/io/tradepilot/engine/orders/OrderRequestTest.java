package io.tradepilot.engine.orders;

import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.tradepilot.engine.testing.Fixtures.AAPL;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

class OrderRequestTest {
    private final ClientOrderId id = new ClientOrderId("c");

    @Test
    void a_limit_order_without_a_limit_price_and_a_market_order_with_one_are_refused() {
        assertThatThrownBy(() -> new OrderRequest(id, StrategyId.MANUAL, AAPL, Side.BUY, Quantity.of(1), OrderType.LIMIT, null, null, TimeInForce.DAY, null, false))
                .hasMessageContaining("needs limit price");
        assertThatThrownBy(() -> new OrderRequest(id, StrategyId.MANUAL, AAPL, Side.BUY, Quantity.of(1), OrderType.MARKET, Price.of("1"), null, TimeInForce.DAY, null, false))
                .hasMessageContaining("takes no limit price");
        assertThatThrownBy(() -> OrderRequest.stopLimit(id, StrategyId.MANUAL, AAPL, Side.BUY, Quantity.of(1), null, Price.of("1"), TimeInForce.GTC))
                .hasMessageContaining("needs stop price");
    }

    @Test
    void zero_quantity_and_quantities_off_the_lot_size_are_refused() {
        Instrument nifty = new Instrument("NIFTY", "NSE", Money.INR, new BigDecimal("0.05"), new BigDecimal("50"));
        assertThatThrownBy(() -> OrderRequest.market(id, StrategyId.MANUAL, AAPL, Side.BUY, Quantity.ZERO)).hasMessageContaining("positive");
        assertThatThrownBy(() -> OrderRequest.market(id, StrategyId.MANUAL, nifty, Side.BUY, Quantity.of(75))).hasMessageContaining("lot size 50");
        assertThat(OrderRequest.market(id, StrategyId.MANUAL, nifty, Side.BUY, Quantity.of(150)).quantity()).isEqualTo(Quantity.of(150));
    }
}
