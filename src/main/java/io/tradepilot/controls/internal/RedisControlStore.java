package io.tradepilot.controls.internal;

import io.tradepilot.controls.CircuitBreaker;
import io.tradepilot.controls.Control;
import io.tradepilot.controls.ControlChanged;
import io.tradepilot.controls.ControlsReading;
import io.tradepilot.controls.KillSwitch;
import io.tradepilot.controls.TradingSwitch;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The control states in Redis: one string key per control ({@code <prefix>kill_switch:state}, …)
 * holding JSON, one capped list per control ({@code <prefix>kill_switch:history}, newest first),
 * and a pub/sub channel ({@code <prefix>controls:changes}) carrying every change. A Lua script
 * does check-and-set, history append, trim and publish in one atomic step.
 */
final class RedisControlStore implements ControlStore {

    private static final RedisScript<Long> COMPARE_AND_SET = new DefaultRedisScript<>("""
            local current = redis.call('GET', KEYS[1]) or ''
            if current ~= ARGV[1] then return 0 end
            redis.call('SET', KEYS[1], ARGV[2])
            redis.call('LPUSH', KEYS[2], ARGV[3])
            redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[4]) - 1)
            redis.call('PUBLISH', ARGV[5], ARGV[3])
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final Clock clock;
    private final String prefix;
    private final int historyLimit;

    RedisControlStore(StringRedisTemplate redis, JsonMapper json, Clock clock, String prefix, int historyLimit) {
        this.redis = redis;
        this.json = json;
        this.clock = clock;
        this.prefix = prefix;
        this.historyLimit = historyLimit;
    }

    String stateKey(Control control) {
        return prefix + control.key() + ":state";
    }

    String historyKey(Control control) {
        return prefix + control.key() + ":history";
    }

    String channel() {
        return channel(prefix);
    }

    static String channel(String prefix) {
        return prefix + "controls:changes";
    }

    @Override
    public Stored read() {
        List<String> values;
        try {
            values = redis.opsForValue().multiGet(List.of(stateKey(Control.TRADING), stateKey(Control.KILL_SWITCH),
                    stateKey(Control.CIRCUIT_BREAKER)));
        } catch (RuntimeException e) {
            throw new ControlStoreUnavailable("Redis cannot be read: " + rootMessage(e), e);
        }
        if (values == null || values.size() != 3) {
            throw new ControlStoreUnavailable("Redis gave no answer", null);
        }
        Map<Control, String> raw = new EnumMap<>(Control.class);
        raw.put(Control.TRADING, orEmpty(values.get(0)));
        raw.put(Control.KILL_SWITCH, orEmpty(values.get(1)));
        raw.put(Control.CIRCUIT_BREAKER, orEmpty(values.get(2)));
        try {
            var trading = raw.get(Control.TRADING).isEmpty() ? TradingSwitch.initial()
                    : json.readValue(raw.get(Control.TRADING), TradingSwitch.class);
            var killSwitch = raw.get(Control.KILL_SWITCH).isEmpty() ? KillSwitch.initial()
                    : json.readValue(raw.get(Control.KILL_SWITCH), KillSwitch.class);
            var breaker = raw.get(Control.CIRCUIT_BREAKER).isEmpty() ? CircuitBreaker.initial()
                    : json.readValue(raw.get(Control.CIRCUIT_BREAKER), CircuitBreaker.class);
            if (trading.state() == null || killSwitch.state() == null || breaker.state() == null) {
                throw new IllegalStateException("a stored state has no value");
            }
            return new Stored(new ControlsReading.Known(trading, killSwitch, breaker, clock.instant()), raw);
        } catch (RuntimeException e) {
            throw new ControlStoreUnavailable("the stored control state is unreadable: " + rootMessage(e), e);
        }
    }

    @Override
    public boolean compareAndSet(Control control, String expectedRaw, Object next, ControlChanged change) {
        String nextJson = json.writeValueAsString(next);
        String entry = json.writeValueAsString(change);
        try {
            Long done = redis.execute(COMPARE_AND_SET, List.of(stateKey(control), historyKey(control)),
                    expectedRaw, nextJson, entry, Integer.toString(historyLimit), channel());
            return done != null && done == 1L;
        } catch (RuntimeException e) {
            throw new ControlStoreUnavailable("Redis cannot be written: " + rootMessage(e), e);
        }
    }

    @Override
    public List<ControlChanged> history(Control control, int limit) {
        List<String> entries;
        try {
            entries = redis.opsForList().range(historyKey(control), 0, Math.max(0, Math.min(limit, historyLimit)) - 1);
        } catch (RuntimeException e) {
            throw new ControlStoreUnavailable("Redis cannot be read: " + rootMessage(e), e);
        }
        List<ControlChanged> changes = new ArrayList<>();
        if (entries != null) {
            for (String entry : entries) {
                try {
                    changes.add(json.readValue(entry, ControlChanged.class));
                } catch (RuntimeException unreadable) {
                    // one damaged history entry must not hide the others
                }
            }
        }
        return changes;
    }

    ControlChanged decodeChange(String entry) {
        return json.readValue(entry, ControlChanged.class);
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
