package io.tradepilot.scheduler.internal;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The tracker's thresholds (BEHAVIOUR.md "Tracker") on longs and shorts, exact at the boundaries. */
class PositionTrackerTaskTest {

    private static String rule(String qty, String avg, String mark) {
        return PositionTrackerTask.rule(PositionTrackerTask.move(new BigDecimal(qty), new BigDecimal(avg), new BigDecimal(mark)));
    }

    @Test
    void long_positions_follow_the_seed_thresholds() {
        assertThat(rule("10", "100", "94")).isEqualTo("exit");
        assertThat(rule("10", "100", "94.01")).isEqualTo("caution");
        assertThat(rule("10", "100", "97")).isEqualTo("caution");
        assertThat(rule("10", "100", "97.01")).isNull();
        assertThat(rule("10", "100", "103")).isEqualTo("breakeven");
        assertThat(rule("10", "100", "106")).isEqualTo("book25");
        assertThat(rule("10", "100", "110")).isEqualTo("book50");
    }

    @Test
    void shorts_are_mirrored() {
        assertThat(rule("-10", "100", "106")).isEqualTo("exit");
        assertThat(rule("-10", "100", "90")).isEqualTo("book50");
        assertThat(rule("-10", "100", "102")).isNull();
    }
}
