package io.tradepilot.brokers.internal;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.tradepilot.brokers.BrokerErrors;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Every call an adapter makes to its broker goes through one guard (Resilience4j core modules):
 * <ul>
 *   <li>a <b>rate limiter</b> ({@code requestsPerMinute}, e.g. Alpaca's 200/min): a call waits at most
 *       {@code rateLimitWait} for a permit, else it is not made ({@code RequestNotPermitted});</li>
 *   <li>a <b>circuit breaker</b> over the last {@code failureThreshold} calls: when all of them were broker failures
 *       ({@code isFailure}; refusals such as a rejected order count as answers, i.e. successes) it opens, refuses calls
 *       for {@code openFor} ({@code CallNotPermittedException}) and signals {@link BrokerErrors} once per opening;</li>
 *   <li><b>retries for reads only</b> ({@link #read}): up to {@code readAttempts} attempts with exponential backoff from
 *       {@code readBackoff} for {@code isRetryable} errors. {@link #write} never retries: a placement whose answer never
 *       came is resolved by the caller (asking the broker), never sent again.</li>
 * </ul>
 * Calls block the calling thread (the adapter's own executor, never the engine's writer).
 */
public final class BrokerCallGuard {

    private final RateLimiter rateLimiter;
    private final CircuitBreaker breaker;
    private final Retry readRetry;

    public BrokerCallGuard(String venue, Settings settings, Predicate<Throwable> isFailure, Predicate<Throwable> isRetryable,
                           BrokerErrors signal) {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(signal, "signal");
        this.rateLimiter = RateLimiter.of(venue, RateLimiterConfig.custom()
                .limitForPeriod(settings.requestsPerMinute())
                .limitRefreshPeriod(Duration.ofMinutes(1))
                .timeoutDuration(settings.rateLimitWait())
                .build());
        this.breaker = CircuitBreaker.of(venue, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.failureThreshold())
                .minimumNumberOfCalls(settings.failureThreshold())
                .failureRateThreshold(100f)
                .recordException(isFailure::test)
                .waitDurationInOpenState(settings.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
        this.breaker.getEventPublisher().onStateTransition(e -> {
            if (e.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                signal.consecutiveFailures(venue, settings.failureThreshold() + " consecutive broker failures");
            }
        });
        this.readRetry = Retry.of(venue + "-reads", RetryConfig.custom()
                .maxAttempts(settings.readAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(settings.readBackoff(), 2.0))
                .retryOnException(isRetryable::test)
                .build());
    }

    /** An idempotent read: rate-limited, counted by the breaker, retried. */
    public <T> T read(Supplier<T> call) {
        return Retry.decorateSupplier(readRetry, guarded(call)).get();
    }

    /** A call that changes something at the broker (place, cancel, replace): rate-limited, counted, never retried. */
    public <T> T write(Supplier<T> call) {
        return guarded(call).get();
    }

    private <T> Supplier<T> guarded(Supplier<T> call) {
        return CircuitBreaker.decorateSupplier(breaker, RateLimiter.decorateSupplier(rateLimiter, call));
    }

    /** Whether the breaker is open (calls refused until it half-opens). */
    public boolean open() {
        return breaker.getState() == CircuitBreaker.State.OPEN;
    }

    /** Permits left in the current minute: the rate-limit headroom. */
    public int headroom() {
        return rateLimiter.getMetrics().getAvailablePermissions();
    }

    /**
     * @param requestsPerMinute the broker's rate limit
     * @param rateLimitWait     how long a call may wait for a permit
     * @param failureThreshold  consecutive broker failures that open the breaker and raise the signal
     * @param openFor           how long the open breaker refuses calls before it lets one through
     * @param readAttempts      attempts of a read (first included)
     * @param readBackoff       wait before the second attempt, doubling after each further one
     */
    public record Settings(int requestsPerMinute, Duration rateLimitWait, int failureThreshold, Duration openFor,
                           int readAttempts, Duration readBackoff) {
        public Settings {
            if (requestsPerMinute < 1) throw new IllegalArgumentException("requestsPerMinute must be positive");
            if (failureThreshold < 1) throw new IllegalArgumentException("failureThreshold must be positive");
            if (readAttempts < 1) throw new IllegalArgumentException("readAttempts must be positive");
            Objects.requireNonNull(rateLimitWait, "rateLimitWait");
            Objects.requireNonNull(openFor, "openFor");
            Objects.requireNonNull(readBackoff, "readBackoff");
        }
    }
}
