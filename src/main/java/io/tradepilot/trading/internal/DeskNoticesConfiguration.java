package io.tradepilot.trading.internal;

import io.tradepilot.trading.FeedFreshness;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * What live trading tells the desk besides the controls: the daily-loss entry pause ({@link EntryPauseNotices}, told of
 * every committed event by the engine host) and the feed's freshness ({@link FeedFreshness}, read by the alerts).
 */
@Configuration(proxyBeanMethods = false)
class DeskNoticesConfiguration {

    /** The thread the entry pause is published on (its listeners write to the database; never the ledger's thread). */
    @Bean(destroyMethod = "shutdown")
    ExecutorService deskNoticesPublisher() {
        return Executors.newSingleThreadExecutor(Thread.ofPlatform().name("trading-notices").daemon().factory());
    }

    @Bean
    EntryPauseNotices entryPauseNotices(EngineHost host, TradingProperties properties, ApplicationEventPublisher events,
                                        ExecutorService deskNoticesPublisher) {
        EntryPauseNotices notices = new EntryPauseNotices(host::snapshot, () -> host.configuration().limits(), properties.marketZone(),
                deskNoticesPublisher, events::publishEvent);
        host.observeWith(notices::recorded);
        return notices;
    }

    @Bean
    FeedFreshness feedFreshness(EngineHost host, TradingProperties properties) {
        Duration staleAfter = properties.marketdata().staleAfter();
        return new FeedFreshness() {
            @Override
            public Optional<Duration> sinceLastBar() {
                return host.feedFinished() ? Optional.empty() : host.sinceLastBar();
            }

            @Override
            public Duration staleAfter() {
                return staleAfter;
            }
        };
    }
}
