package io.tradepilot.scheduler.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import io.tradepilot.scheduler.EodReport;
import io.tradepilot.scheduler.JobRun;
import io.tradepilot.scheduler.JobStatus;
import io.tradepilot.scheduler.NearBreakout;
import io.tradepilot.scheduler.ScanReport;
import io.tradepilot.scheduler.SchedulerQueries;
import io.tradepilot.scheduler.SetupLine;
import io.tradepilot.scheduler.TrackerFinding;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Setups page without a browser: it opens on the newest scan's day, shows that day's setups, and the picker shows history. */
class SetupsViewTest {

    private static final Instant T = Instant.parse("2026-12-04T10:45:00Z");
    private static final LocalDate SCAN_DAY = LocalDate.of(2026, 12, 4);
    private final UI ui = new UI();
    private final List<LocalDate> asked = new ArrayList<>();
    private Optional<ScanReport> scan = Optional.of(new ScanReport(7, "3wi", "NSE", SCAN_DAY, T, 50, List.of()));

    private final SchedulerQueries queries = new SchedulerQueries() {
        public List<JobStatus> jobs() { return List.of(); }
        public List<JobRun> runs(int limit) { return List.of(); }
        public List<EodReport> eodReports(int limit) { return List.of(); }
        public List<EodReport> eodReports(LocalDate day) { return List.of(); }
        public Optional<ScanReport> latestScan() { return scan; }
        public List<TrackerFinding> trackerFindings(int limit) { return List.of(); }
        public List<NearBreakout> nearBreakouts(LocalDate day) { return List.of(); }

        public List<SetupLine> setups(LocalDate day) {
            asked.add(day);
            if (!day.equals(SCAN_DAY)) return List.of();
            return List.of(line("TCS", "ENTERED", "entered by scan 7"), line("INFY", "NOT_TAKEN", "refused: RISK_REJECTED: INFY: heat"),
                    line("BEL", "NEAR_BREAKOUT", "near breakout UP"));
        }
    };

    private static SetupLine line(String symbol, String state, String reason) {
        return new SetupLine("3wi-v1:" + symbol + ":2026-11-16", symbol, state, "BREAKOUT_UP", new BigDecimal("110"), new BigDecimal("90"),
                new BigDecimal("111"), new BigDecimal("90"), new BigDecimal("142.5"), new BigDecimal("174"), new BigDecimal("285"),
                state.equals("ENTERED") ? "O3" : null, reason, List.of());
    }

    @BeforeEach
    void ui() {
        UI.setCurrent(ui);
    }

    @AfterEach
    void clear() {
        UI.setCurrent(null);
    }

    @Test
    void opens_on_the_newest_scan_day_with_its_setups_their_state_and_why_one_was_not_taken() {
        SetupsView view = new SetupsView(queries, Clock.fixed(T, ZoneOffset.UTC));
        assertThat(view.date.getValue()).isEqualTo(SCAN_DAY);
        assertThat(view.grid.getGenericDataView().getItems().toList()).extracting(SetupLine::state)
                .containsExactly("ENTERED", "NOT_TAKEN", "NEAR_BREAKOUT");
        assertThat(view.summary.getText()).isEqualTo("2026-12-04: 3 setups, 1 entered, 1 near breakout, 1 not taken");
        assertThat(SetupsView.badge("NOT_TAKEN").getElement().getThemeList()).contains("badge", "error");
        assertThat(SetupsView.badge("ENTERED").getElement().getThemeList()).contains("badge", "success");
    }

    @Test
    void the_date_picker_shows_an_earlier_day_and_without_any_scan_today_is_shown() {
        SetupsView view = new SetupsView(queries, Clock.fixed(T, ZoneOffset.UTC));
        view.date.setValue(LocalDate.of(2026, 11, 27));
        assertThat(asked).containsExactly(SCAN_DAY, LocalDate.of(2026, 11, 27));
        assertThat(view.grid.getGenericDataView().getItems().toList()).isEmpty();
        assertThat(view.summary.getText()).isEqualTo("2026-11-27: 0 setups, 0 entered, 0 near breakout, 0 not taken");
        scan = Optional.empty();
        assertThat(new SetupsView(queries, Clock.fixed(Instant.parse("2026-12-07T05:00:00Z"), ZoneOffset.UTC)).date.getValue())
                .isEqualTo(LocalDate.of(2026, 12, 7));
    }
}
