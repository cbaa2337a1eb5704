package io.tradepilot.scheduler.internal;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;

import static io.tradepilot.scheduler.internal.SetupExitRule.Trigger.STOP;
import static io.tradepilot.scheduler.internal.SetupExitRule.Trigger.TARGET1;
import static io.tradepilot.scheduler.internal.SetupExitRule.Trigger.TARGET2;
import static org.assertj.core.api.Assertions.assertThat;

/** BEHAVIOUR.md's plan: entry 111, stop 90 → R 21, T1 142.5, T2 174 (long); the short mirrors it. */
class SetupExitRuleTest {

    private static Optional<SetupExitRule.Trigger> longBar(String high, String low, boolean booked) {
        return SetupExitRule.check("BUY", d("90"), d("142.5"), d("174"), booked, d(high), d(low));
    }

    private static Optional<SetupExitRule.Trigger> shortBar(String high, String low, boolean booked) {
        // short entry 89, stop 110 → R 21, T1 57.5, T2 26
        return SetupExitRule.check("SELL", d("110"), d("57.5"), d("26"), booked, d(high), d(low));
    }

    @Test
    void a_long_exits_when_a_bar_touches_the_stop_and_books_or_exits_at_the_targets() {
        assertThat(longBar("120", "91", false)).isEmpty();
        assertThat(longBar("120", "90", false)).contains(STOP); // a touch is enough
        assertThat(longBar("142.45", "100", false)).isEmpty();
        assertThat(longBar("142.5", "100", false)).contains(TARGET1);
        assertThat(longBar("150", "100", true)).as("target 1 is booked once").isEmpty();
        assertThat(longBar("174", "100", true)).contains(TARGET2);
        assertThat(longBar("180", "100", false)).as("a bar past both targets exits the rest").contains(TARGET2);
    }

    @Test
    void a_bar_touching_the_stop_and_a_target_counts_as_the_stop() {
        assertThat(longBar("180", "85", false)).contains(STOP);
        assertThat(shortBar("115", "20", false)).contains(STOP);
    }

    @Test
    void a_short_mirrors_the_long() {
        assertThat(shortBar("109.95", "80", false)).isEmpty();
        assertThat(shortBar("110", "80", false)).contains(STOP);
        assertThat(shortBar("80", "57.5", false)).contains(TARGET1);
        assertThat(shortBar("80", "57.5", true)).isEmpty();
        assertThat(shortBar("80", "26", true)).contains(TARGET2);
    }

    @Test
    void target_one_books_half_of_the_entry_in_whole_shares_never_more_than_held() {
        assertThat(SetupExitRule.bookQuantity(d("285"), d("285"))).isEqualByComparingTo("142");
        assertThat(SetupExitRule.bookQuantity(d("3"), d("3"))).isEqualByComparingTo("1");
        assertThat(SetupExitRule.bookQuantity(d("1"), d("1"))).isEqualByComparingTo("0");
        assertThat(SetupExitRule.bookQuantity(d("10"), d("-3"))).isEqualByComparingTo("3");
    }

    @Test
    void the_kinds_make_one_full_exit_per_trade_whatever_triggered_it() {
        assertThat(STOP.kind()).isEqualTo("EXIT");
        assertThat(TARGET2.kind()).isEqualTo("EXIT");
        assertThat(SetupExitRule.Trigger.TRACKER.kind()).isEqualTo("EXIT");
        assertThat(TARGET1.kind()).isEqualTo("BOOK");
    }

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }
}
