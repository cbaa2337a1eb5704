package io.tradepilot.scheduler.internal;

import io.tradepilot.scheduler.NearBreakout;
import io.tradepilot.scheduler.ScanReport;
import io.tradepilot.scheduler.SetupLine;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SetupLinesTest {

    private static final LocalDate WEEK = LocalDate.of(2026, 11, 16);
    private static final Instant AT = Instant.parse("2026-12-04T10:30:00Z");

    private static ScanReport.Row row(String symbol, String state, String decision, String orderId, String reason) {
        ScanReport.Row r = new ScanReport.Row(symbol, state, true, d("510"), d("480"), state.startsWith("BREAKOUT") ? d("512") : null,
                state.startsWith("BREAKOUT") ? d("480") : null, null, null, state.startsWith("BREAKOUT") ? d("10") : null, true, "");
        String id = SetupDecision.setupId(symbol, WEEK);
        return decision == null ? r.decided(id, null, null, null) : r.decided(id, decision, orderId, reason);
    }

    private static SchedulerStore.SetupRow taken(String symbol, String orderId, String exitState, String exitReason) {
        return new SchedulerStore.SetupRow(SetupDecision.setupId(symbol, WEEK), symbol, WEEK, 1, "TAKEN", orderId, "entered by scan 1",
                AT, new SchedulerStore.Plan("BUY", d("10"), d("512"), d("480"), d("560"), d("608")), exitState, exitReason);
    }

    @Test
    void every_state_of_a_day_with_the_reason_a_setup_was_not_taken() {
        List<ScanReport.Row> rows = List.of(
                row("AAA", "BREAKOUT_UP", "TAKEN", "O1", "entered by scan 1"),
                row("BBB", "BREAKOUT_UP", "SKIPPED", "O0", "already taken: order O0"),
                row("CCC", "BREAKOUT_UP", "SKIPPED", null, "qualified, but scan orders are off (x=false)"),
                row("DDD", "BREAKOUT_UP", "REFUSED", null, "refused: RISK_REJECTED: MAX_OPEN_POSITIONS"),
                row("EEE", "BREAKOUT_DOWN", "SKIPPED", null, "not qualified: shorts not allowed"),
                row("FFF", "ACTIVE", null, null, null),
                row("GGG", "ACTIVE", null, null, null));
        Map<String, SchedulerStore.SetupRow> setups = Map.of(
                SetupDecision.setupId("AAA", WEEK), taken("AAA", "O1", "OPEN", null),
                SetupDecision.setupId("BBB", WEEK), taken("BBB", "O0", "EXITED", "position flat after the entry filled"));
        List<NearBreakout> near = List.of(
                new NearBreakout(WEEK.plusWeeks(3), SetupDecision.setupId("GGG", WEEK), "GGG", "UP", d("510"), d("480"), d("506"), "LIVE",
                        d("0.78"), 70, AT),
                new NearBreakout(WEEK.plusWeeks(3), SetupDecision.setupId("HHH", WEEK), "HHH", "UP", d("100"), d("90"), d("99.5"), "DAILY",
                        d("0.50"), 55, AT));
        Function<String, List<String>> exits = id -> id.contains("BBB") ? List.of("EXIT STOP SELL 10 PLACED order O5") : List.of();

        Map<String, SetupLine> lines = SetupLines.of(rows, setups, near, exits).stream()
                .collect(Collectors.toMap(SetupLine::symbol, Function.identity()));

        assertThat(lines.get("AAA").state()).isEqualTo("ENTERED");
        assertThat(lines.get("AAA").target1()).isEqualByComparingTo("560");
        assertThat(lines.get("BBB").state()).isEqualTo("EXITED");
        assertThat(lines.get("BBB").orderId()).isEqualTo("O0");
        assertThat(lines.get("BBB").exits()).containsExactly("EXIT STOP SELL 10 PLACED order O5");
        assertThat(lines.get("CCC").state()).isEqualTo("QUALIFIED");
        assertThat(lines.get("DDD").state()).isEqualTo("NOT_TAKEN");
        assertThat(lines.get("DDD").reason()).isEqualTo("refused: RISK_REJECTED: MAX_OPEN_POSITIONS");
        assertThat(lines.get("EEE").state()).isEqualTo("NOT_TAKEN");
        assertThat(lines.get("EEE").reason()).isEqualTo("not qualified: shorts not allowed");
        assertThat(lines.get("FFF").state()).isEqualTo("FOUND");
        assertThat(lines.get("GGG").state()).isEqualTo("NEAR_BREAKOUT");
        assertThat(lines.get("GGG").reason()).contains("506", "0.78 %", "510");
        assertThat(lines.get("HHH").state()).as("listed by the watch alone").isEqualTo("NEAR_BREAKOUT");
        assertThat(SetupLines.of(rows, setups, near, exits).getFirst().symbol()).as("entered first").isEqualTo("AAA");
    }

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }
}
