package io.tradepilot.reconciliation.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * {@code tradepilot.reconciliation.*}.
 *
 * @param enabled       run at start-up and on the interval (default true; runs only while a broker account is connected)
 * @param interval      time between runs (default 5 minutes)
 * @param cashTolerance the largest cash difference that is not a mismatch (default 1, in the account's currency)
 * @param fillsLookback how far back the broker's fills are read for back-filling (default 1 day)
 */
@ConfigurationProperties("tradepilot.reconciliation")
public record ReconciliationProperties(Boolean enabled, Duration interval, BigDecimal cashTolerance, Duration fillsLookback) {

    public ReconciliationProperties {
        if (enabled == null) enabled = Boolean.TRUE;
        if (interval == null) interval = Duration.ofMinutes(5);
        if (cashTolerance == null) cashTolerance = BigDecimal.ONE;
        if (fillsLookback == null) fillsLookback = Duration.ofDays(1);
        if (interval.compareTo(Duration.ofSeconds(10)) < 0) throw new IllegalArgumentException("tradepilot.reconciliation.interval must be at least 10 s");
    }
}
