package io.tradepilot.base.live;

import com.vaadin.flow.shared.Registration;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiveFeedTest {

    private final AtomicReference<String> state = new AtomicReference<>("a");
    private final AtomicInteger builds = new AtomicInteger();
    private final LiveFeed<String> feed = new LiveFeed<>("test-feed", () -> {
        builds.incrementAndGet();
        return state.get();
    }, Duration.ofMillis(100));

    /** A subscriber that runs pushed commands at once, while {@code alive}. */
    private static final class FakeUi implements LiveFeed.Delivery {
        boolean alive = true;
        final List<String> frames = new ArrayList<>();

        @Override
        public boolean alive() {
            return alive;
        }

        @Override
        public void run(Runnable command) {
            command.run();
        }
    }

    @Test
    void nothing_is_built_while_nobody_watches() {
        feed.tick();
        feed.tick();

        assertThat(builds).hasValue(0);
        assertThat(feed.latest()).isEmpty();
    }

    @Test
    void a_frame_is_pushed_once_and_again_only_when_it_changed() {
        FakeUi ui = new FakeUi();
        feed.subscribe(ui, ui.frames::add);

        feed.tick();
        feed.tick();
        state.set("b");
        feed.tick();
        feed.tick();

        assertThat(ui.frames).containsExactly("a", "b");
        assertThat(builds).as("one frame per tick, shared").hasValue(4);
    }

    @Test
    void one_frame_per_tick_is_shared_by_every_subscriber_and_a_late_one_gets_the_current_frame() {
        FakeUi first = new FakeUi();
        FakeUi second = new FakeUi();
        feed.subscribe(first, first.frames::add);
        feed.tick();
        feed.subscribe(second, second.frames::add);

        feed.tick();

        assertThat(builds).hasValue(2);
        assertThat(first.frames).containsExactly("a");
        assertThat(second.frames).containsExactly("a");
    }

    @Test
    void an_unchanged_frame_rebuilt_later_stays_the_instance_every_subscriber_already_holds() {
        List<List<String>> frames = new ArrayList<>();
        LiveFeed<List<String>> lists = new LiveFeed<>("test-lists", () -> new ArrayList<>(List.of(state.get())),
                Duration.ofMillis(100));
        lists.subscribe(new FakeUi(), frames::add);
        lists.tick();
        List<String> first = lists.latest().orElseThrow();
        lists.subscribe(new FakeUi(), frames::add);

        lists.tick();
        lists.tick();

        assertThat(frames).hasSize(2).allSatisfy(f -> assertThat(f).isSameAs(first));
        assertThat(lists.latest()).containsSame(first);
        state.set("b");
        lists.tick();
        assertThat(frames).hasSize(4);
        assertThat(frames.get(2)).containsExactly("b").isSameAs(frames.get(3)).isSameAs(lists.latest().orElseThrow());
    }

    @Test
    void a_detached_subscriber_is_dropped_and_a_removed_registration_gets_nothing_more() {
        FakeUi gone = new FakeUi();
        FakeUi leaving = new FakeUi();
        feed.subscribe(gone, gone.frames::add);
        Registration registration = feed.subscribe(leaving, leaving.frames::add);
        feed.tick();

        gone.alive = false;
        registration.remove();
        state.set("b");
        feed.tick();

        assertThat(feed.subscribers()).isZero();
        assertThat(gone.frames).containsExactly("a");
        assertThat(leaving.frames).containsExactly("a");
    }

    @Test
    void a_subscriber_whose_ui_refuses_the_push_is_dropped() {
        LiveFeed.Delivery refusing = new LiveFeed.Delivery() {
            @Override
            public boolean alive() {
                return true;
            }

            @Override
            public void run(Runnable command) {
                throw new com.vaadin.flow.component.UIDetachedException();
            }
        };
        feed.subscribe(refusing, frame -> { });

        feed.tick();

        assertThat(feed.subscribers()).isZero();
    }

    @Test
    void the_running_ticker_pushes_changes_until_closed() {
        FakeUi ui = new FakeUi();
        List<String> frames = java.util.Collections.synchronizedList(new ArrayList<>());
        feed.subscribe(ui, frames::add);
        feed.start();
        try {
            waitFor(() -> frames.contains("a"));
            state.set("c");
            waitFor(() -> frames.contains("c"));
        } finally {
            feed.close();
        }
        assertThat(frames).containsExactly("a", "c");
        assertThat(feed.subscribers()).isZero();
    }

    @Test
    void refuses_a_period_too_short_to_bound_the_push_rate() {
        assertThatThrownBy(() -> new LiveFeed<>("x", () -> "", Duration.ofMillis(10)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within 5 s");
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }
}
