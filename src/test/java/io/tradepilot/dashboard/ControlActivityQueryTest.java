package io.tradepilot.dashboard;

import io.tradepilot.controls.Control;
import io.tradepilot.controls.ControlAction;
import io.tradepilot.controls.ControlChanged;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ControlActivityQueryTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:30:00Z");

    private static ControlChanged engagedAt(String at) {
        return new ControlChanged(Control.KILL_SWITCH, ControlAction.ENGAGE_KILL_SWITCH, "ACTIVE", "ENGAGED", "olga",
                Instant.parse(at), "broker down", "");
    }

    @Test
    void changes_are_counted_in_the_hour_they_happened_and_older_ones_are_left_out() {
        var query = new ControlActivityQuery((control, limit) -> control == Control.KILL_SWITCH
                ? List.of(engagedAt("2026-01-05T10:29:59Z"), engagedAt("2026-01-05T10:00:00Z"),
                        engagedAt("2026-01-05T08:59:59Z"), engagedAt("2026-01-04T01:00:00Z"))
                : List.of(), Clock.fixed(NOW, ZoneOffset.UTC));

        var activity = query.lastHours(3);

        assertThat(activity.hours()).containsExactly(Instant.parse("2026-01-05T08:00:00Z"),
                Instant.parse("2026-01-05T09:00:00Z"), Instant.parse("2026-01-05T10:00:00Z"));
        assertThat(activity.counts().get(Control.KILL_SWITCH)).containsExactly(1, 0, 2);
        assertThat(activity.counts().get(Control.TRADING)).containsExactly(0, 0, 0);
    }

    @Test
    void the_counts_are_reused_until_a_history_gets_a_new_entry() {
        List<ControlChanged> killSwitch = new ArrayList<>(List.of(engagedAt("2026-01-05T10:00:00Z")));
        List<Integer> fullReads = new ArrayList<>();
        var query = new ControlActivityQuery((control, limit) -> {
            if (limit > 1) fullReads.add(limit);
            return control == Control.KILL_SWITCH ? List.copyOf(killSwitch) : List.of();
        }, Clock.fixed(NOW, ZoneOffset.UTC));

        var first = query.lastHours(3);
        var again = query.lastHours(3);
        assertThat(again).isSameAs(first);
        assertThat(fullReads).as("one full read per control, once").hasSize(Control.values().length);

        killSwitch.addFirst(engagedAt("2026-01-05T10:29:00Z"));
        assertThat(query.lastHours(3).counts().get(Control.KILL_SWITCH)).containsExactly(0, 0, 2);
        assertThat(query.lastHours(2).hours()).hasSize(2);
    }
}
