package io.tradepilot.dashboard;

import io.tradepilot.base.live.LiveFeed;
import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.trading.TradingQueries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * The dashboard's one shared ticker ({@code tradepilot.dashboard.push-interval}, default 500 ms): builds a
 * {@link DeskFrame} while any dashboard is open and pushes it to the open dashboards when it changed.
 */
@Component
public class DeskFeed extends LiveFeed<DeskFrame> {

    DeskFeed(TradingQueries queries, Clock clock,
             @Value("${tradepilot.trading.currency:INR}") String currency,
             @Value("${tradepilot.trading.market-zone:Asia/Kolkata}") ZoneId marketZone,
             @Value("${tradepilot.dashboard.push-interval:500ms}") Duration interval) {
        super("dashboard-feed", new DeskFrames(queries, clock, currency, marketZone,
                List.of(ExchangeCalendar.nse(), ExchangeCalendar.nyse()))::build, interval);
    }
}
