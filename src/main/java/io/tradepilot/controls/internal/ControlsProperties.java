package io.tradepilot.controls.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the controls ({@code tradepilot.controls.*}).
 *
 * @param keyPrefix    prefix of every Redis key and channel (lets several deployments share one Redis)
 * @param historyLimit how many changes each control's history keeps
 */
@ConfigurationProperties("tradepilot.controls")
public record ControlsProperties(@DefaultValue("") String keyPrefix,
                                 @DefaultValue("1000") int historyLimit,
                                 @DefaultValue("10") int engageReasonMinLength,
                                 @DefaultValue("20") int resetReasonMinLength,
                                 @DefaultValue("500") int textMaxLength,
                                 @DefaultValue("1m") Duration resetInterval) {
}
