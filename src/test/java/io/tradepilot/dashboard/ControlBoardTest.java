package io.tradepilot.dashboard;

import io.tradepilot.audit.AuditEntry;
import io.tradepilot.controls.Control;
import io.tradepilot.controls.ControlChanged;
import io.tradepilot.controls.ControlEvents;
import io.tradepilot.controls.ControlRules;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.ControlsReading;
import io.tradepilot.controls.InMemoryControlStore;
import io.tradepilot.controls.TradingState;
import io.tradepilot.controls.internal.ControlAuthorization;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class ControlBoardTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);

    /** Counts the reads and history reads that reach the store. */
    private final class CountingStore extends InMemoryControlStore {
        int reads;
        final List<Integer> historyReads = new ArrayList<>();

        CountingStore() {
            super(clock);
        }

        @Override
        public synchronized Stored read() {
            reads++;
            return super.read();
        }

        @Override
        public synchronized List<ControlChanged> history(Control control, int limit) {
            historyReads.add(limit);
            return super.history(control, limit);
        }
    }

    private final CountingStore store = new CountingStore();
    private final List<AuditEntry> audit = new ArrayList<>();
    private final ControlService controls = new ControlService(store, new ControlAuthorization(audit::add), audit::add,
            ControlRules.defaults(), clock);
    private final List<Consumer<ControlChanged>> listeners = new ArrayList<>();
    private final ControlEvents events = listener -> {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    };
    /** Hands over on the calling thread, in three shares (as the board's own threads would, in turn). */
    private final ControlBoard board = new ControlBoard(controls, events, new ControlActivityQuery(controls::history, clock),
            Runnable::run, 3);

    @BeforeEach
    void signIn() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "olga", "n/a", AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private void changeDelivered(ControlChanged change) {
        List.copyOf(listeners).forEach(l -> l.accept(change));
    }

    @Test
    void a_change_is_read_once_and_handed_as_one_snapshot_to_every_dashboard() {
        List<ControlBoard.Snapshot> handed = new ArrayList<>();
        for (int i = 0; i < 200; i++) board.subscribe(handed::add);
        controls.pause("maintenance window");
        ControlChanged paused = controls.history(Control.TRADING, 1).getFirst();
        int readsBefore = store.reads;
        store.historyReads.clear();

        changeDelivered(paused);
        for (ControlBoard.Snapshot s : handed) {
            s.history(Control.TRADING, 0, 50);
            s.lastDay();
        }

        assertThat(handed).as("every dashboard, whatever its share").hasSize(200);
        assertThat(handed).allSatisfy(s -> assertThat(s).isSameAs(handed.getFirst()));
        assertThat(store.reads - readsBefore).as("the states read once for 200 dashboards").isEqualTo(1);
        assertThat(handed.getFirst().reading()).isInstanceOfSatisfying(ControlsReading.Known.class,
                known -> assertThat(known.trading().state()).isEqualTo(TradingState.PAUSED));
        assertThat(handed.getFirst().history(Control.TRADING, 0, 50)).extracting(ControlChanged::reason)
                .containsExactly("maintenance window");
        assertThat(handed.getFirst().lastDay()).isSameAs(handed.getLast().lastDay());
        assertThat(store.historyReads).as("one page of the history, and the chart's reads, once")
                .hasSizeLessThanOrEqualTo(1 + 2 * Control.values().length);
    }

    @Test
    void each_read_is_numbered_after_the_one_before() {
        var first = board.readNow();
        var second = board.current(Duration.ZERO);

        assertThat(second.sequence()).isGreaterThan(first.sequence());
        assertThat(board.current(Duration.ofMinutes(1)).sequence()).isEqualTo(second.sequence());
    }

    @Test
    void the_boards_own_threads_hand_every_dashboard_the_snapshot() {
        var pooled = new ControlBoard(controls, events, new ControlActivityQuery(controls::history, clock));
        try {
            List<ControlBoard.Snapshot> handed = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < 50; i++) pooled.subscribe(handed::add);

            pooled.publish();

            io.tradepilot.testing.Eventually.eventually(Duration.ofSeconds(30), () -> handed.size() == 50,
                    "every dashboard handed the snapshot");
            assertThat(handed).allSatisfy(s -> assertThat(s).isSameAs(handed.getFirst()));
        } finally {
            pooled.close();
        }
    }

    @Test
    void rows_past_the_snapshots_page_are_read_from_the_store() {
        for (int i = 0; i < ControlBoard.HISTORY_PAGE + 5; i++) {
            if (i % 2 == 0) controls.pause("pause " + i);
            else controls.resume("resume " + i);
        }
        var snapshot = board.readNow();

        assertThat(snapshot.history(Control.TRADING, 0, 10)).extracting(ControlChanged::reason).startsWith("pause 54");
        store.historyReads.clear();
        assertThat(snapshot.history(Control.TRADING, 45, 10)).hasSize(10);
        assertThat(store.historyReads).containsExactly(55);
        assertThat(snapshot.history(Control.TRADING, 50, 50)).hasSize(5);
    }

    @Test
    void a_poll_shares_a_recent_reading_and_reads_again_once_it_is_too_old() {
        var first = board.current(Duration.ofMinutes(1));
        int reads = store.reads;

        assertThat(board.current(Duration.ofMinutes(1))).isSameAs(first);
        assertThat(store.reads).isEqualTo(reads);

        controls.pause("maintenance window");
        var fresh = board.current(Duration.ZERO);
        assertThat(fresh).isNotSameAs(first);
        assertThat(((ControlsReading.Known) fresh.reading()).trading().state()).isEqualTo(TradingState.PAUSED);
    }

    @Test
    void an_unreadable_state_is_a_snapshot_too() {
        List<ControlBoard.Snapshot> handed = new ArrayList<>();
        board.subscribe(handed::add);
        store.unavailable = true;

        board.publish();

        assertThat(handed).singleElement().satisfies(s -> assertThat(s.reading()).isInstanceOf(ControlsReading.Unknown.class));
    }

    @Test
    void with_no_dashboard_open_a_change_reads_nothing_and_the_next_dashboard_reads_afresh() {
        var before = board.readNow();
        int reads = store.reads;

        changeDelivered(null);

        assertThat(store.reads).isEqualTo(reads);
        assertThat(board.current(Duration.ofMinutes(1))).isNotSameAs(before);
    }

    @Test
    void a_cancelled_subscription_gets_no_more_snapshots() {
        List<ControlBoard.Snapshot> handed = new ArrayList<>();
        var subscription = board.subscribe(handed::add);
        board.publish();
        subscription.cancel();
        board.publish();

        assertThat(handed).hasSize(1);
    }
}
