package io.tradepilot.signals.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.ZoneId;

/**
 * {@code tradepilot.signals.*}: how old a signal may be ({@code replay-window}, default 60 s, either way), the
 * exchange's zone ChartInk's times are in ({@code zone}, default Asia/Kolkata), and orders per minute per strategy
 * ({@code orders-per-minute}, default 60; 0: no limit).
 */
@ConfigurationProperties("tradepilot.signals")
record SignalsProperties(Duration replayWindow, ZoneId zone, Integer ordersPerMinute) {

    SignalsProperties {
        if (replayWindow == null) replayWindow = Duration.ofSeconds(60);
        if (zone == null) zone = ZoneId.of("Asia/Kolkata");
        if (ordersPerMinute == null) ordersPerMinute = 60;
        if (replayWindow.isNegative() || replayWindow.isZero()) throw new IllegalArgumentException("tradepilot.signals.replay-window must be positive");
        if (ordersPerMinute < 0) throw new IllegalArgumentException("tradepilot.signals.orders-per-minute must not be negative");
    }
}
