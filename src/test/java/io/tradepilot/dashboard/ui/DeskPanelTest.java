package io.tradepilot.dashboard.ui;

import io.tradepilot.dashboard.DeskFrame;
import io.tradepilot.trading.EquityPoint;
import com.vaadin.flow.internal.change.NodeChange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the dashboard's trading panel shows for a frame, without a browser. */
class DeskPanelTest {

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static DeskFrame live(String engineState, String reason, BigDecimal limit, BigDecimal room) {
        return new DeskFrame("PAPER", "INR", "LEADER", engineState, reason, Instant.parse("2025-03-03T05:00:00Z"), 10,
                true, null, List.of(new DeskFrame.Market("NSE", "Asia/Kolkata", true, "Open until 15:30 IST.", null, null)),
                d("990000.125"), d("900000"), d("1000000"), d("-9999.875"), d("0"), d("-9999.875"), d("0.01"), d("90000"),
                d("4950"), d("0.005"), limit, room, room == null ? null : d("0.008"), 1,
                List.of(new DeskFrame.Position("SYNTH-ALPHA", d("100"), d("1000"), d("900.05"), d("-9995"), d("0"))),
                List.of(new EquityPoint(Instant.parse("2025-03-03T05:00:00Z"), d("900000"), d("990000.125"), d("0"),
                        d("-9999.875"), d("0.01"), d("1000000"))),
                List.of(new DeskFrame.DayPnl(LocalDate.parse("2025-03-03"), d("-9999.875"))));
    }

    @Test
    void figures_are_exact_with_the_currency_and_the_room_to_the_loss_limit_is_spelled_out() {
        var panel = new DeskPanel();

        panel.show(live("RUNNING", "resumed by admin", d("0.018"), d("8000.125")));

        assertThat(panel.mode.getText()).isEqualTo("PAPER");
        assertThat(panel.engineState.getText()).as("no stale reason while running").isEqualTo("RUNNING");
        assertThat(panel.figures.get("equity").getText()).isEqualTo("INR 990,000.125");
        assertThat(panel.figures.get("day-pnl").getText()).isEqualTo("INR -9,999.875");
        assertThat(panel.figures.get("heat").getText()).startsWith("0.50 %").contains("INR 4,950.00 at risk");
        assertThat(panel.figures.get("loss-room").getText()).startsWith("INR 8,000.125").contains("0.80 %").contains("limit 1.80 %");
        assertThat(panel.notice.isVisible()).isFalse();
        assertThat(panel.equityChart.optionsJson()).contains("990000.125");
        assertThat(panel.markets.getChildren().findFirst().orElseThrow().getId()).hasValue("market-nse");
    }

    @Test
    void a_stopped_engine_shows_why_and_a_missing_limit_says_off() {
        var panel = new DeskPanel();

        panel.show(live("TRIPPED", "DAILY_LOSS", null, null));

        assertThat(panel.engineState.getText()).isEqualTo("TRIPPED (DAILY_LOSS)");
        assertThat(panel.figures.get("loss-room").getText()).isEqualTo("limit off");
    }

    @Test
    void the_ledger_view_of_a_standby_says_so() {
        var panel = new DeskPanel();
        var frame = new DeskFrame("PAPER", "INR", "STANDBY", null, null, null, 0, false,
                "STANDBY: another instance runs the engine.", List.of(), null, null, null, null, null, null, null, null,
                null, null, null, null, null, 0, List.of(), List.of(), List.of());

        panel.show(frame);

        assertThat(panel.notice.isVisible()).isTrue();
        assertThat(panel.notice.getText()).startsWith("STANDBY");
        assertThat(panel.role.getText()).isEqualTo("STANDBY");
        assertThat(panel.marketTime.getText()).isEqualTo("no bar yet");
        assertThat(panel.figures.get("heat").getText()).isEqualTo("—");
    }

    @Test
    void a_frame_that_changes_only_figures_sends_only_those_and_sessions_share_its_charts() {
        var panel = new DeskPanel();
        var frame = live("RUNNING", null, d("0.018"), d("8000.125"));
        panel.show(frame);
        var ui = new AttachedUi(panel);
        var market = panel.markets.getChildren().findFirst().orElseThrow();

        var next = new DeskFrame(frame.mode(), frame.currency(), frame.role(), frame.engineState(), frame.stateReason(),
                frame.marketTime(), frame.barsProcessed() + 1, frame.live(), frame.notice(), frame.markets(), d("990001"),
                frame.cash(), frame.dayStartEquity(), frame.dayPnl(), frame.realizedPnl(), frame.unrealizedPnl(), frame.drawdown(),
                frame.grossExposure(), frame.openRisk(), frame.heat(), frame.dailyLossLimit(), frame.lossRoom(),
                frame.lossRoomShare(), frame.workingOrders(), frame.positions(), frame.equityCurve(), frame.dailyPnl());
        panel.show(next);
        List<NodeChange> changes = ui.changes();

        assertThat(panel.figures.get("equity").getText()).isEqualTo("INR 990,001.00");
        assertThat(panel.markets.getChildren().findFirst().orElseThrow()).as("markets unchanged: not rebuilt").isSameAs(market);
        var equity = panel.figures.get("equity").getElement().getNode();
        assertThat(changes).as("only the equity figure's text changes").isNotEmpty()
                .allMatch(c -> c.getNode() == equity || c.getNode().getParent() == equity);
        assertThat(ui.sent()).as("nothing else, e.g. the positions grid is not refilled").isEmpty();

        var other = new DeskPanel();
        other.show(next);
        var third = new DeskPanel();
        third.show(next);
        assertThat(third.equityChart.optionsJson()).as("one frame's chart is written once for every session")
                .isSameAs(other.equityChart.optionsJson());
    }
}
