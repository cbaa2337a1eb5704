package io.tradepilot.controls.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the controls ({@code tradepilot.controls.*}).
 *
 * @param keyPrefix    prefix of every Redis key and channel (lets several deployments share one Redis)
 * @param historyLimit how many changes each control's history keeps
 * @param cacheRefreshInterval how often the trading gate's in-memory copy of the state is refreshed
 * @param cacheMaxAge  how old that copy may be before the gate treats the state as unknown (fail closed)
 */
@ConfigurationProperties("tradepilot.controls")
public record ControlsProperties(@DefaultValue("") String keyPrefix,
                                 @DefaultValue("1000") int historyLimit,
                                 @DefaultValue("10") int engageReasonMinLength,
                                 @DefaultValue("20") int resetReasonMinLength,
                                 @DefaultValue("500") int textMaxLength,
                                 @DefaultValue("1m") Duration resetInterval,
                                 @DefaultValue("500ms") Duration cacheRefreshInterval,
                                 @DefaultValue("3s") Duration cacheMaxAge) {
}
