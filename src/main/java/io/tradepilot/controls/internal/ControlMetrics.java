package io.tradepilot.controls.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.tradepilot.controls.ControlsReading;
import io.tradepilot.controls.TradingGate;
import io.tradepilot.controls.TradingState;
import java.util.function.Predicate;

/**
 * The controls as gauges, read from the gate's cached state at each scrape: {@code tradepilot.control.state}
 * with {@code control} = {@code kill_switch} (1 engaged), {@code circuit_breaker} (1 tripped), {@code trading}
 * (1 paused), {@code unknown} (1 while the state cannot be read: the gate then refuses every order). While the
 * state is unknown the three controls read NaN rather than a guess.
 */
final class ControlMetrics implements MeterBinder {

    private final TradingGate gate;

    ControlMetrics(TradingGate gate) {
        this.gate = gate;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "kill_switch", k -> k.killSwitch().engaged());
        gauge(registry, "circuit_breaker", k -> k.circuitBreaker().tripped());
        gauge(registry, "trading", k -> k.trading().state() == TradingState.PAUSED);
        Gauge.builder("tradepilot.control.state", gate, g -> g.current() instanceof ControlsReading.Unknown ? 1 : 0)
                .tag("control", "unknown")
                .description("1 while the controls cannot be read (every order refused)").register(registry);
    }

    private void gauge(MeterRegistry registry, String control, Predicate<ControlsReading.Known> on) {
        Gauge.builder("tradepilot.control.state", gate,
                        g -> g.current() instanceof ControlsReading.Known known ? (on.test(known) ? 1 : 0) : Double.NaN)
                .tag("control", control)
                .description("1: kill switch engaged, circuit breaker tripped, trading paused; 0: not; NaN: unknown")
                .register(registry);
    }
}
