package io.tradepilot.dashboard.ui;

import io.tradepilot.audit.AuditEntry;
import io.tradepilot.controls.Control;
import io.tradepilot.controls.ControlAction;
import io.tradepilot.controls.ControlChanged;
import io.tradepilot.controls.ControlEvents;
import io.tradepilot.controls.ControlRules;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.InMemoryControlStore;
import io.tradepilot.controls.internal.ControlAuthorization;
import io.tradepilot.dashboard.ControlActivityQuery;
import io.tradepilot.dashboard.ControlBoard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the dashboard shows each role, without a browser (the server authorizes regardless: see ControlRoleMatrixIT). */
class DashboardViewTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryControlStore store = new InMemoryControlStore(clock);
    private final List<AuditEntry> audit = new ArrayList<>();
    private final ControlService controls = new ControlService(store, new ControlAuthorization(audit::add), audit::add,
            ControlRules.defaults(), clock);
    private final ControlEvents events = listener -> () -> { };

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private DashboardView viewAs(String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                role.toLowerCase(), "n/a", AuthorityUtils.createAuthorityList("ROLE_" + role)));
        return new DashboardView(controls, new ControlBoard(controls, events, new ControlActivityQuery(controls::history, clock), Runnable::run, 1),
                new io.tradepilot.base.live.LiveFeed<>("test-desk", () -> null, java.time.Duration.ofSeconds(1)), java.time.Duration.ZERO);
    }

    private static List<ControlAction> visible(DashboardView view) {
        return view.buttons.entrySet().stream().filter(e -> e.getValue().isVisible()).map(java.util.Map.Entry::getKey).toList();
    }

    @Test
    void a_viewer_sees_the_states_but_no_control() {
        var view = viewAs("VIEWER");

        assertThat(visible(view)).isEmpty();
        assertThat(view.killSwitchState.getText()).isEqualTo("ACTIVE");
        assertThat(view.banner.getText()).contains("Trading allowed");
    }

    @Test
    void an_operator_sees_every_control_but_disengaging_the_kill_switch() {
        assertThat(visible(viewAs("OPERATOR"))).containsExactlyInAnyOrder(ControlAction.PAUSE, ControlAction.RESUME,
                ControlAction.ENGAGE_KILL_SWITCH, ControlAction.TRIP_CIRCUIT_BREAKER, ControlAction.RESET_CIRCUIT_BREAKER);
    }

    @Test
    void an_admin_sees_every_control_and_only_the_applicable_ones_are_enabled() {
        var view = viewAs("ADMIN");
        controls.engageKillSwitch("broker rejects every order");
        view.refresh();

        assertThat(visible(view)).containsExactlyInAnyOrder(ControlAction.values());
        assertThat(view.buttons.get(ControlAction.ENGAGE_KILL_SWITCH).isEnabled()).isFalse();
        assertThat(view.buttons.get(ControlAction.DISENGAGE_KILL_SWITCH).isEnabled()).isTrue();
        assertThat(view.killSwitchState.getText()).isEqualTo("ENGAGED");
        assertThat(view.killSwitchDetail.getText()).contains("By admin").contains("broker rejects every order");
        assertThat(view.banner.getText()).startsWith("All new orders blocked");
    }

    @Test
    void an_unreadable_state_is_shown_as_unknown_and_blocked_with_every_control_disabled() {
        var view = viewAs("ADMIN");
        store.unavailable = true;

        view.refresh();

        assertThat(view.banner.getText()).startsWith("UNKNOWN").contains("BLOCKED");
        assertThat(view.killSwitchState.getText()).isEqualTo("UNKNOWN");
        assertThat(view.buttons.values()).noneMatch(b -> b.isEnabled());
    }

    @Test
    void a_poll_that_finds_the_states_unchanged_sends_nothing_to_the_browser() {
        var view = viewAs("ADMIN");
        var ui = new AttachedUi(view);

        view.refreshState();

        assertThat(ui.sent()).isEmpty();

        controls.pause("maintenance window");
        view.refreshState();
        assertThat(view.tradingState.getText()).isEqualTo("PAUSED");
        assertThat(view.buttons.get(ControlAction.RESUME).isEnabled()).isTrue();
    }

    @Test
    void a_snapshot_older_than_the_one_shown_changes_nothing() {
        var view = viewAs("ADMIN");
        var board = new ControlBoard(controls, events, new ControlActivityQuery(controls::history, clock), Runnable::run, 1);
        var older = board.readNow();
        controls.pause("maintenance window");
        var newer = board.readNow();

        view.show(newer);
        view.show(older);

        assertThat(view.tradingState.getText()).isEqualTo("PAUSED");
    }

    @Test
    void a_history_grid_is_built_when_its_tab_is_first_shown_and_fetches_only_the_rows_asked_for() {
        var view = viewAs("ADMIN");
        controls.engageKillSwitch("broker rejects every order");
        Control first = Control.values()[0];
        assertThat(view.histories).containsOnlyKeys(first);

        view.tabs.setSelectedIndex(java.util.Arrays.asList(Control.values()).indexOf(Control.KILL_SWITCH));

        assertThat(view.histories).containsOnlyKeys(first, Control.KILL_SWITCH);
        var grid = view.histories.get(Control.KILL_SWITCH);
        assertThat(fetch(grid, 0, 50)).extracting(ControlChanged::reason).containsExactly("broker rejects every order");
        assertThat(fetch(grid, 1, 50)).isEmpty();
        assertThat(fetch(grid, DashboardView.HISTORY_ROWS, 50)).as("past the cap").isEmpty();
    }

    private static List<ControlChanged> fetch(com.vaadin.flow.component.grid.Grid<ControlChanged> grid, int offset, int limit) {
        return grid.getDataProvider().fetch(new com.vaadin.flow.data.provider.Query<>(offset, limit, List.of(), null, null)).toList();
    }
}
