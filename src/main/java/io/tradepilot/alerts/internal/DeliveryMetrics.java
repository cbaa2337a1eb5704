package io.tradepilot.alerts.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tradepilot.alerts.ChannelKind;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code tradepilot.alerts.deliveries}: the outbox sender's delivery attempts by {@code channel} kind and
 * {@code outcome} — {@code sent}, {@code retry} (not delivered, due again after the backoff) or {@code failed}
 * (given up: attempts used up, a refusal no retry fixes, or the channel switched off).
 */
final class DeliveryMetrics {

    enum Outcome { SENT, RETRY, FAILED }

    private final Map<ChannelKind, Map<Outcome, Counter>> counters = new EnumMap<>(ChannelKind.class);

    DeliveryMetrics(MeterRegistry registry) {
        for (ChannelKind kind : ChannelKind.values()) {
            Map<Outcome, Counter> byOutcome = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                byOutcome.put(outcome, Counter.builder("tradepilot.alerts.deliveries")
                        .tag("channel", kind.name()).tag("outcome", outcome.name().toLowerCase())
                        .description("Alert delivery attempts by channel kind and outcome").register(registry));
            }
            counters.put(kind, byOutcome);
        }
    }

    void count(ChannelKind kind, Outcome outcome) {
        counters.get(kind).get(outcome).increment();
    }
}
