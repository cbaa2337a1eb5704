package io.tradepilot.trading.internal;

import io.tradepilot.controls.ControlsReading;
import io.tradepilot.controls.TradingGate;
import io.tradepilot.controls.TradingState;
import org.jooq.DSLContext;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;

import static io.tradepilot.testing.Eventually.eventually;

/**
 * The clean start the trading integration tests share: an empty ledger, their own Redis keys gone, fresh controls; and
 * the running engine's marks. Their idle engine on the synthetic market: {@code trading/idle-synthetic-engine.properties}.
 */
public final class TradingFixtures {

    private TradingFixtures() {
    }

    /** Empties every table the engine host writes, and the stored strategy switches. */
    public static void emptyLedger(DSLContext db) {
        db.execute("TRUNCATE order_event, fill, round_trip, position, equity_snapshot, strategy_day, feed_checkpoint, trade_order, strategy_switch, config_applied, config_version");
    }

    /** Deletes the Redis keys under {@code prefix} (a test's own key prefix). */
    public static void deleteKeys(StringRedisTemplate redis, String prefix) {
        Set<String> keys = redis.keys(prefix + "*");
        if (keys != null && !keys.isEmpty()) redis.delete(keys);
    }

    /** Waits until the gate has read controls with the kill switch not engaged and the breaker not tripped. */
    public static void awaitFreshControls(TradingGate gate) {
        eventually(Duration.ofSeconds(5), () -> gate.current() instanceof ControlsReading.Known k
                && !k.killSwitch().engaged() && !k.circuitBreaker().tripped(), "fresh controls");
    }

    /** Like {@link #awaitFreshControls}, and trading ACTIVE too (not paused or stopped by an earlier test). */
    public static void awaitFreshControlsTradingActive(TradingGate gate) {
        eventually(Duration.ofSeconds(5), () -> gate.current() instanceof ControlsReading.Known k && !k.killSwitch().engaged()
                && !k.circuitBreaker().tripped() && k.trading().state() == TradingState.ACTIVE, "fresh controls, trading active");
    }

    /** The running engine's mark of {@code symbol}, null before its first bar. */
    public static BigDecimal mark(EngineHost host, String symbol) {
        try {
            return host.query(core -> core.portfolio().markOf(symbol), Duration.ofSeconds(5)).orElse(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
