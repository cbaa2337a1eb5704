package io.tradepilot.scheduler.internal;

import io.tradepilot.scheduler.ScanReport;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class SetupDecisionTest {

    static ScanReport.Row row(String state, boolean complete, boolean tradeable, String quantity, String note) {
        return new ScanReport.Row("wipro", state, complete, new BigDecimal("510"), new BigDecimal("480"), new BigDecimal("512"),
                new BigDecimal("480"), new BigDecimal("560"), new BigDecimal("608"), quantity == null ? null : new BigDecimal(quantity),
                tradeable, note);
    }

    @Test
    void the_setup_id_is_symbol_mother_week_and_rules_version_and_the_same_on_every_run() {
        String id = SetupDecision.setupId("wipro ", LocalDate.of(2026, 11, 16));
        assertThat(id).isEqualTo("3wi-v1:WIPRO:2026-11-16");
        assertThat(SetupDecision.setupId("WIPRO", LocalDate.of(2026, 11, 16))).isEqualTo(id);
        assertThat(SetupDecision.setupId("WIPRO", LocalDate.of(2026, 11, 23))).isNotEqualTo(id);
        assertThat(SetupDecision.setupId("INFY", LocalDate.of(2026, 11, 16))).isNotEqualTo(id);
    }

    @Test
    void a_complete_tradeable_sized_breakout_is_entered_only_with_the_switch_on() {
        ScanReport.Row qualified = row("BREAKOUT_UP", true, true, "200", "");
        assertThat(SetupDecision.of(qualified, true)).isInstanceOf(SetupDecision.Enter.class);
        assertThat(SetupDecision.of(qualified, false)).isEqualTo(new SetupDecision.Skip(
                "qualified, but scan orders are off (tradepilot.scheduler.scans.place-orders=false)", true));
    }

    @Test
    void every_setup_not_entered_says_why() {
        assertThat(SetupDecision.of(row("NEAR_BREAKOUT", true, false, null, ""), true))
                .isEqualTo(new SetupDecision.Skip("not qualified: no breakout (NEAR_BREAKOUT)", false));
        assertThat(SetupDecision.of(row("BREAKOUT_UP", false, true, "200", ""), true))
                .isEqualTo(new SetupDecision.Skip("not qualified: the breakout week is not complete (provisional close)", true));
        assertThat(SetupDecision.of(row("BREAKOUT_UP", true, false, "200", "filters failed: rsi volume"), true))
                .isEqualTo(new SetupDecision.Skip("not qualified: filters failed: rsi volume", true));
        assertThat(SetupDecision.of(row("BREAKOUT_DOWN", true, false, "200", "shorts not allowed"), true))
                .isEqualTo(new SetupDecision.Skip("not qualified: shorts not allowed", true));
        assertThat(SetupDecision.of(row("BREAKOUT_UP", true, true, "0", "open risk cap 24000 reached"), true))
                .isEqualTo(new SetupDecision.Skip("not qualified: open risk cap 24000 reached", true));
    }
}
