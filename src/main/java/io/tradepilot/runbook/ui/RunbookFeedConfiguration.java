package io.tradepilot.runbook.ui;

import io.tradepilot.base.live.LiveFeed;
import io.tradepilot.runbook.Preflight;
import io.tradepilot.trading.EngineStatus;
import io.tradepilot.trading.TradingQueries;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** The one ticker behind every open runbook page: runs the checks and reads the engine every two seconds while a page is open. */
@Configuration(proxyBeanMethods = false)
class RunbookFeedConfiguration {

    @Bean
    LiveFeed<RunbookFrame> runbookFeed(Preflight preflight, ObjectProvider<TradingQueries> trading) {
        return new LiveFeed<>("runbook-feed", () -> frame(preflight, trading.getIfAvailable()), Duration.ofSeconds(2));
    }

    static RunbookFrame frame(Preflight preflight, TradingQueries trading) {
        String engine;
        String positions;
        if (trading == null) {
            engine = "Live trading is not enabled on this instance";
            positions = "unknown (live trading is not enabled here)";
        } else {
            String e;
            String p;
            try {
                EngineStatus status = trading.status();
                e = status.role() + (status.engineState() == null ? "" : " · engine " + status.engineState())
                        + (status.marketTime() == null ? "" : " · market time " + status.marketTime()) + " · " + status.barsProcessed() + " bars";
            } catch (RuntimeException unreadable) {
                e = "unknown: " + unreadable.getClass().getSimpleName();
            }
            try {
                p = trading.openPositions().size() + " open positions, " + trading.orders(true, 500).size() + " working orders";
            } catch (RuntimeException unreadable) {
                p = "unknown: " + unreadable.getClass().getSimpleName();
            }
            engine = e;
            positions = p;
        }
        return new RunbookFrame(preflight.runChecks(), engine, positions);
    }
}
