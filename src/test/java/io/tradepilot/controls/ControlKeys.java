package io.tradepilot.controls;

import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.ArrayList;
import java.util.List;

/** Test helper: removes the controls' Redis keys (default prefix), so a test starts with everything clear. */
public final class ControlKeys {

    private ControlKeys() {
    }

    /** Waits (up to 20 s) until the controls can be read again, e.g. after a Redis outage ended. */
    static void awaitRedis(ControlService controls) {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (!(controls.read() instanceof ControlsReading.Known) && System.nanoTime() < until) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Removes the keys, retrying for a while when Redis is reconnecting (after an outage test). */
    public static void clear(StringRedisTemplate redis) {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try {
                deleteKeys(redis);
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() > until) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static void deleteKeys(StringRedisTemplate redis) {
        List<String> keys = new ArrayList<>();
        for (Control control : Control.values()) {
            keys.add(control.key() + ":state");
            keys.add(control.key() + ":history");
        }
        redis.delete(keys);
    }
}
