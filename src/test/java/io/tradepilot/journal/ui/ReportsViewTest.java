package io.tradepilot.journal.ui;

import com.vaadin.flow.component.html.Paragraph;
import io.tradepilot.journal.PerformanceReport;
import io.tradepilot.journal.ReportPeriod;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Reports page: bookmarkable URLs and what a report shows. */
class ReportsViewTest {

    @Test
    void a_url_names_a_stored_report_by_period_and_start_and_malformed_ones_name_none() {
        assertThat(ReportsView.parse(Map.of("period", List.of("week"), "start", List.of("2026-03-02"))))
                .contains(Map.entry(ReportPeriod.WEEK, LocalDate.of(2026, 3, 2)));
        assertThat(ReportsView.parse(Map.of("period", List.of("YEAR"), "start", List.of("2026-03-02")))).isEmpty();
        assertThat(ReportsView.parse(Map.of("period", List.of("DAY"), "start", List.of("2026-13-02")))).isEmpty();
        assertThat(ReportsView.parse(Map.of("period", List.of("DAY")))).isEmpty();
    }

    @Test
    void a_report_shows_its_figures_and_states_open_risk_as_a_share_of_equity() {
        var portfolio = new PerformanceReport.Portfolio(new BigDecimal("100000"), new BigDecimal("2500"), List.of(
                new PerformanceReport.PositionLine("ABC", new BigDecimal("10"), new BigDecimal("100"), null, null)));
        PerformanceReport r = PerformanceReport.of(ReportPeriod.DAY, LocalDate.of(2026, 3, 6), Instant.parse("2026-03-06T11:00:00Z"),
                List.of(), ZoneId.of("Asia/Kolkata"), portfolio);
        var box = ReportsView.render(r, "INR", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Kolkata")));
        String text = box.getChildren().filter(Paragraph.class::isInstance).map(p -> ((Paragraph) p).getText()).toList().toString();
        assertThat(text).contains("trades 0").contains("Open positions: 1").contains("2.50").contains("whole exposure");
    }
}
