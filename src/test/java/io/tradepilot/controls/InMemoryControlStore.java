package io.tradepilot.controls;

import io.tradepilot.controls.internal.ControlStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A control store in memory, for unit tests: versions stand in for the raw values. */
public class InMemoryControlStore implements ControlStore {

    private final Clock clock;
    private TradingSwitch trading = TradingSwitch.initial();
    private KillSwitch killSwitch = KillSwitch.initial();
    private CircuitBreaker breaker = CircuitBreaker.initial();
    private final Map<Control, Integer> versions = new EnumMap<>(Control.class);
    private final Map<Control, List<ControlChanged>> histories = new EnumMap<>(Control.class);
    public boolean unavailable;
    /** Runs once before the next check-and-set: lets a test change the state "in between". */
    Runnable beforeNextWrite;
    int writes;

    public InMemoryControlStore(Clock clock) {
        this.clock = clock;
        for (Control c : Control.values()) {
            versions.put(c, 0);
            histories.put(c, new ArrayList<>());
        }
    }

    @Override
    public synchronized Stored read() {
        if (unavailable) {
            throw new ControlStoreUnavailable("Redis cannot be read: Connection refused", null);
        }
        Map<Control, String> raw = new EnumMap<>(Control.class);
        versions.forEach((c, v) -> raw.put(c, v.toString()));
        return new Stored(new ControlsReading.Known(trading, killSwitch, breaker, clock.instant()), raw);
    }

    @Override
    public synchronized boolean compareAndSet(Control control, String expectedRaw, Object next, ControlChanged change) {
        if (beforeNextWrite != null) {
            Runnable r = beforeNextWrite;
            beforeNextWrite = null;
            r.run();
        }
        if (unavailable) {
            throw new ControlStoreUnavailable("Redis cannot be written: Connection refused", null);
        }
        if (!versions.get(control).toString().equals(expectedRaw)) {
            return false;
        }
        switch (next) {
            case TradingSwitch t -> trading = t;
            case KillSwitch k -> killSwitch = k;
            case CircuitBreaker b -> breaker = b;
            default -> throw new IllegalArgumentException(next.toString());
        }
        versions.merge(control, 1, Integer::sum);
        histories.get(control).addFirst(change);
        writes++;
        return true;
    }

    /** Changes a control behind the service's back, as another user would. */
    synchronized void bump(Control control) {
        versions.merge(control, 1, Integer::sum);
    }

    @Override
    public synchronized List<ControlChanged> history(Control control, int limit) {
        return histories.get(control).stream().limit(limit).toList();
    }
}
