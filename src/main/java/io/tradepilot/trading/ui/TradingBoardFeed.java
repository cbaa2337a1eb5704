package io.tradepilot.trading.ui;

import io.tradepilot.base.live.LiveFeed;
import io.tradepilot.trading.TradingQueries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The positions and orders views' one shared ticker ({@code tradepilot.dashboard.push-interval}, default
 * 500 ms): reads a {@link TradingBoard} while any such view is open and pushes it when it changed.
 */
@Component
class TradingBoardFeed extends LiveFeed<TradingBoard> {

    TradingBoardFeed(TradingQueries queries, @Value("${tradepilot.trading.currency:INR}") String currency,
                     @Value("${tradepilot.dashboard.push-interval:500ms}") Duration interval) {
        super("trading-board-feed", () -> TradingBoard.read(queries, currency), interval);
    }
}
