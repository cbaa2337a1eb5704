package io.tradepilot.brokers.internal;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrokerCallGuardTest {

    /** A broker failure (5xx, no answer). */
    static final class Down extends RuntimeException { }

    /** A refusal: the broker answered. */
    static final class Refused extends RuntimeException { }

    private final List<String> signals = new ArrayList<>();
    private final BrokerCallGuard guard = new BrokerCallGuard("test",
            new BrokerCallGuard.Settings(200, Duration.ofMillis(10), 3, Duration.ofMinutes(1), 3, Duration.ofMillis(1)),
            e -> e instanceof Down, e -> e instanceof Down, (venue, detail) -> signals.add(venue + ": " + detail));

    private static Supplier<String> failing(RuntimeException e, AtomicInteger calls) {
        return () -> {
            calls.incrementAndGet();
            throw e;
        };
    }

    @Test
    void three_consecutive_failures_open_the_breaker_and_signal_once() {
        AtomicInteger calls = new AtomicInteger();
        for (int i = 0; i < 3; i++) assertThatThrownBy(() -> guard.write(failing(new Down(), calls))).isInstanceOf(Down.class);

        assertThat(signals).containsExactly("test: 3 consecutive broker failures");
        assertThat(guard.open()).isTrue();
        assertThatThrownBy(() -> guard.write(() -> "x")).isInstanceOf(CallNotPermittedException.class);
        assertThat(signals).hasSize(1);
    }

    @Test
    void a_success_or_a_refusal_in_between_breaks_the_run() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> guard.write(failing(new Down(), calls))).isInstanceOf(Down.class);
        assertThatThrownBy(() -> guard.write(failing(new Down(), calls))).isInstanceOf(Down.class);
        assertThatThrownBy(() -> guard.write(failing(new Refused(), calls))).isInstanceOf(Refused.class);
        assertThatThrownBy(() -> guard.write(failing(new Down(), calls))).isInstanceOf(Down.class);
        assertThat(guard.write(() -> "ok")).isEqualTo("ok");
        assertThatThrownBy(() -> guard.write(failing(new Down(), calls))).isInstanceOf(Down.class);

        assertThat(signals).isEmpty();
        assertThat(guard.open()).isFalse();
    }

    @Test
    void reads_are_retried_writes_are_not() {
        AtomicInteger reads = new AtomicInteger();
        AtomicInteger writes = new AtomicInteger();
        assertThat(guard.read(() -> reads.incrementAndGet() < 3 ? fail() : "third time")).isEqualTo("third time");
        assertThatThrownBy(() -> guard.write(failing(new Down(), writes))).isInstanceOf(Down.class);

        assertThat(reads).hasValue(3);
        assertThat(writes).hasValue(1);
    }

    @Test
    void refusals_are_not_retried() {
        AtomicInteger reads = new AtomicInteger();
        assertThatThrownBy(() -> guard.read(failing(new Refused(), reads))).isInstanceOf(Refused.class);
        assertThat(reads).hasValue(1);
    }

    @Test
    void the_rate_limiter_refuses_a_call_that_cannot_get_a_permit_in_time() {
        BrokerCallGuard tight = new BrokerCallGuard("tight",
                new BrokerCallGuard.Settings(2, Duration.ofMillis(5), 3, Duration.ofMinutes(1), 1, Duration.ofMillis(1)),
                e -> false, e -> false, (v, d) -> { });
        tight.write(() -> 1);
        tight.write(() -> 2);
        assertThat(tight.headroom()).isZero();
        assertThatThrownBy(() -> tight.write(() -> 3)).isInstanceOf(io.github.resilience4j.ratelimiter.RequestNotPermitted.class);
    }

    private static String fail() {
        throw new Down();
    }
}
