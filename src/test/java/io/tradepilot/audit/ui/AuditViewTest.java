package io.tradepilot.audit.ui;

import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.audit.AuditQuery;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Audit view's filters, without a browser: each one narrows the query, and the count follows. */
class AuditViewTest {

    private final List<AuditQuery.Filter> asked = new ArrayList<>();

    private final AuditQuery query = new AuditQuery() {
        public List<Row> find(Filter filter, int offset, int limit) {
            return List.of();
        }

        public int count(Filter filter) {
            asked.add(filter);
            return filter.outcome() == AuditOutcome.DENIED ? 1 : 42;
        }

        public List<String> actions() {
            return List.of("KILL_SWITCH_ENGAGE", "TRADING_PAUSE");
        }
    };

    @Test
    void without_filters_everything_is_counted() {
        var view = new AuditView(query);

        assertThat(asked.getLast()).isEqualTo(AuditQuery.Filter.any());
        assertThat(view.count.getText()).isEqualTo("42 records");
    }

    @Test
    void each_filter_narrows_the_query_in_utc() {
        var view = new AuditView(query);

        view.from.setValue(LocalDateTime.parse("2026-01-05T09:00:00"));
        view.to.setValue(LocalDateTime.parse("2026-01-05T10:00:00"));
        view.user.setValue("olga");
        view.action.setValue("KILL_SWITCH_ENGAGE");
        view.outcome.setValue(AuditOutcome.DENIED);

        assertThat(asked.getLast()).isEqualTo(new AuditQuery.Filter(Instant.parse("2026-01-05T09:00:00Z"),
                Instant.parse("2026-01-05T10:00:00Z"), "olga", "KILL_SWITCH_ENGAGE", AuditOutcome.DENIED));
        assertThat(view.count.getText()).isEqualTo("1 record");
    }

    @Test
    void a_rows_details_show_its_reason_and_detail_in_full() {
        var row = new AuditQuery.Row(1, Instant.parse("2026-03-02T04:00:00Z"), "op", "KILL_SWITCH_ENGAGE", "desk", "r".repeat(400),
                AuditOutcome.SUCCESS, "d".repeat(600), "127.0.0.1");
        var details = (com.vaadin.flow.component.html.Div) AuditView.details(row);
        assertThat(details.getText()).isEqualTo("Reason: " + "r".repeat(400) + "\nDetail: " + "d".repeat(600));
        assertThat(details.getStyle().get("white-space")).isEqualTo("pre-wrap");
    }
}
