package io.tradepilot.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.server.ErrorEvent;
import io.tradepilot.base.web.StoreUnavailable;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.NestedRuntimeException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.CannotCreateTransactionException;

/** The web console's answer to a store that does not answer, without a browser. */
class StoreUnavailableViewTest {

    /** Held here: Vaadin keeps the current UI only weakly. */
    private final UI ui = new UI();

    @BeforeEach
    void ui() {
        UI.setCurrent(ui);
    }

    @AfterEach
    void clear() {
        UI.setCurrent(null);
    }

    private static BeforeEnterEvent opening(String path) {
        BeforeEnterEvent event = mock(BeforeEnterEvent.class);
        when(event.getLocation()).thenReturn(new Location(path));
        return event;
    }

    private static String text(Component view) {
        return view.getChildren().map(c -> c instanceof HasText t ? t.getText() : "").collect(Collectors.joining(" | "));
    }

    @Test
    void a_page_whose_database_does_not_answer_says_so_with_503_and_no_technical_detail() {
        StoreUnavailableView view = new StoreUnavailableView();
        var failure = new CannotCreateTransactionException("Could not open JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 3000ms"));
        int status = view.setErrorParameter(opening("orders"), new ErrorParameter<>(NestedRuntimeException.class, failure));
        assertThat(status).isEqualTo(503);
        assertThat(text(view)).startsWith("Database unavailable | The database is not reachable right now. Try again in a few seconds.")
                .contains("Try again").doesNotContain("Hikari").doesNotContain("JDBC");
    }

    @Test
    void another_data_failure_is_a_plain_500_page() {
        StoreUnavailableView view = new StoreUnavailableView();
        int status = view.setErrorParameter(opening("journal"), new ErrorParameter<>(NestedRuntimeException.class,
                new DataIntegrityViolationException("duplicate key value violates unique constraint \"x\"")));
        assertThat(status).isEqualTo(500);
        assertThat(text(view)).startsWith("This page could not be shown").doesNotContain("duplicate key");
    }

    @Test
    void an_action_failing_on_an_unreachable_store_shows_a_notice_and_nothing_else_is_caught() {
        StoreUnavailableErrors errors = new StoreUnavailableErrors();
        errors.error(new ErrorEvent(new DataAccessResourceFailureException("gone")));
        var notice = StoreUnavailableErrors.notice(StoreUnavailable.DATABASE);
        assertThat(notice.isOpened()).isTrue();
        assertThat(notice.getDuration()).isEqualTo(StoreUnavailableErrors.NOTICE_MILLIS);
        // any other failure goes to Vaadin's default handler (which logs it) without a notice or an exception
        errors.error(new ErrorEvent(new IllegalArgumentException("not a store")));
    }
}
