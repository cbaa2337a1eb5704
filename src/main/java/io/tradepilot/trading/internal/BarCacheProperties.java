package io.tradepilot.trading.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Redis bar cache ({@code tradepilot.trading.bar-cache.*}).
 *
 * @param enabled       whether the engine's instance writes bars to the cache (reading always works)
 * @param history       bars kept per symbol (the newest)
 * @param keyPrefix     prefix of the Redis keys ({@code <prefix><SYMBOL>}, one list per symbol)
 * @param queueCapacity bars waiting for the cache writer; when full, new bars are dropped
 */
@ConfigurationProperties("tradepilot.trading.bar-cache")
record BarCacheProperties(@DefaultValue("true") boolean enabled, @DefaultValue("500") int history,
                          @DefaultValue("tradepilot:bars:") String keyPrefix, @DefaultValue("20000") int queueCapacity) {
    BarCacheProperties {
        if (history < 1) throw new IllegalArgumentException("tradepilot.trading.bar-cache.history must be at least 1: " + history);
        if (queueCapacity < 1) throw new IllegalArgumentException("tradepilot.trading.bar-cache.queue-capacity must be at least 1: " + queueCapacity);
    }
}
