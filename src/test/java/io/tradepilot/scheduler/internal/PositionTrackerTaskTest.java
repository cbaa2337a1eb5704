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

    @Test
    void with_alert_configured_a_finding_only_alerts_and_trades_nothing() {
        // no trades and no order path: an ALERT setting must not reach them
        PositionTrackerTask alerting = new PositionTrackerTask(null, null, null,
                new SchedulerProperties.Tracker(SchedulerProperties.TrackerAction.ALERT, SchedulerProperties.TrackerAction.ALERT), null);
        var position = new io.tradepilot.trading.LivePortfolio.Position("TCS", new BigDecimal("10"), new BigDecimal("4000"),
                new BigDecimal("3750"), new BigDecimal("37500"), new BigDecimal("-2500"), BigDecimal.ZERO);
        assertThat(alerting.act(position, "exit", "-6.25 %")).isEqualTo("alert only (tradepilot.scheduler.tracker.on-exit=ALERT)");
        assertThat(alerting.act(position, "caution", "-3.10 %")).isEqualTo("alert only (tradepilot.scheduler.tracker.on-caution=ALERT)");
    }
}
