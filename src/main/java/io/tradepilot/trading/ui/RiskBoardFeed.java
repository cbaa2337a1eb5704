package io.tradepilot.trading.ui;

import io.tradepilot.base.live.LiveFeed;
import io.tradepilot.trading.RiskFigures;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** The risk view's ticker ({@code tradepilot.dashboard.push-interval}, default 500 ms): pushes a changed {@link RiskBoard}. */
@Component
class RiskBoardFeed extends LiveFeed<RiskBoard> {

    RiskBoardFeed(RiskFigures figures, @Value("${tradepilot.dashboard.push-interval:500ms}") Duration interval) {
        super("risk-board-feed", () -> RiskBoard.read(figures), interval);
    }
}
