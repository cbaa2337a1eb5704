package io.tradepilot.engine.risk;

import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.orders.TimeInForce;
import io.tradepilot.engine.portfolio.Portfolio;

import static io.tradepilot.engine.testing.Fixtures.T0;

final class RiskFixtures {
    private RiskFixtures() {}

    static OrderRequest limit(Instrument i, Side side, long qty, String price) {
        return OrderRequest.limit(new ClientOrderId("c-" + i.symbol() + side + qty), StrategyId.MANUAL, i, side, Quantity.of(qty), Price.of(price), TimeInForce.DAY);
    }

    static OrderRequest market(Instrument i, Side side, long qty) {
        return OrderRequest.market(new ClientOrderId("m-" + i.symbol() + side + qty), StrategyId.MANUAL, i, side, Quantity.of(qty));
    }

    static RiskContext ctx(Portfolio p) {
        return new RiskContext(p, T0);
    }
}
