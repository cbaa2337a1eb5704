package io.tradepilot.controls.internal;

import io.tradepilot.controls.ControlChanged;
import io.tradepilot.controls.ControlEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Delivers the changes published on the Redis channel (by any instance) to the local listeners,
 * one at a time, in the order Redis delivered them (the listener container runs it on a single thread).
 */
final class RedisControlEventRelay implements MessageListener, ControlEvents {

    private static final Logger log = LoggerFactory.getLogger(RedisControlEventRelay.class);

    private final RedisControlStore store;
    private final List<Consumer<ControlChanged>> listeners = new CopyOnWriteArrayList<>();

    RedisControlEventRelay(RedisControlStore store) {
        this.store = store;
    }

    @Override
    public Subscription subscribe(Consumer<ControlChanged> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void onMessage(Message message, byte[] pattern) {
        ControlChanged change;
        try {
            change = store.decodeChange(new String(message.getBody(), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            log.warn("Ignoring an unreadable control change message: {}", e.getMessage());
            return;
        }
        for (Consumer<ControlChanged> listener : listeners) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                log.warn("A control change listener failed: {}", e.toString());
            }
        }
    }
}
