package io.tradepilot.trading.internal;

import io.tradepilot.engine.broker.AlpacaCharges;
import io.tradepilot.engine.broker.BrokerConfig;
import io.tradepilot.engine.broker.CommissionModel;
import io.tradepilot.engine.broker.FillMode;
import io.tradepilot.engine.broker.Slippage;
import io.tradepilot.engine.broker.ZerodhaCharges;

/** The live paper broker's fills: next open, with the configured slippage and charges ({@link TradingProperties.Paper}). */
final class PaperCosts {

    private PaperCosts() {
    }

    /** The engine's paper broker settings for {@code properties}. */
    static BrokerConfig broker(TradingProperties properties) {
        return BrokerConfig.defaults().withFillMode(FillMode.NEXT_OPEN)
                .withSlippage(new Slippage.Bps(properties.paper().slippageBps()))
                .withCommission(commission(properties));
    }

    /** The charge schedule {@link TradingProperties.Charges#AUTO} resolves to, or the configured one. */
    static CommissionModel commission(TradingProperties properties) {
        return switch (properties.paper().charges()) {
            case NONE -> CommissionModel.NONE;
            case ZERODHA_DELIVERY -> ZerodhaCharges.delivery();
            case ZERODHA_INTRADAY -> ZerodhaCharges.intraday();
            case ALPACA -> AlpacaCharges.DEFAULT;
            case AUTO -> {
                if (!"NSE".equals(properties.exchange())) yield AlpacaCharges.DEFAULT;
                boolean allIntraday = !properties.strategies().isEmpty()
                        && properties.strategies().stream().allMatch(TradingProperties.StrategySettings::intraday);
                yield allIntraday ? ZerodhaCharges.intraday() : ZerodhaCharges.delivery();
            }
        };
    }
}
