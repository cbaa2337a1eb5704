package io.tradepilot.controls;

import io.tradepilot.audit.AuditEntry;
import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditUnavailableException;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.controls.internal.ControlAuthorization;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The service's own logic without Spring: authorization inside the method, audit of every attempt, atomic retry. */
class ControlServiceTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryControlStore store = new InMemoryControlStore(clock);
    private final List<AuditEntry> audit = new ArrayList<>();
    private final ControlService service = new ControlService(store, new ControlAuthorization(audit::add), audit::add,
            ControlRules.defaults(), clock);

    @AfterEach
    void clearSecurityContext() {
        SecurityContextHolder.clearContext();
    }

    private static void signIn(String user, String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, "n/a",
                AuthorityUtils.createAuthorityList("ROLE_" + role)));
    }

    @Test
    void an_operator_engages_the_kill_switch_and_the_attempt_is_audited_as_success() {
        signIn("olga", "OPERATOR");

        var result = service.engageKillSwitch("broker is down");

        assertThat(result).isInstanceOf(ControlResult.Applied.class);
        assertThat(((ControlsReading.Known) service.read()).killSwitch().engaged()).isTrue();
        assertThat(audit).singleElement().satisfies(a -> {
            assertThat(a.username()).isEqualTo("olga");
            assertThat(a.action()).isEqualTo("KILL_SWITCH_ENGAGE");
            assertThat(a.target()).isEqualTo("kill_switch");
            assertThat(a.reason()).isEqualTo("broker is down");
            assertThat(a.outcome()).isEqualTo(AuditOutcome.SUCCESS);
        });
    }

    @Test
    void a_viewer_is_denied_inside_the_method_too_and_the_denial_is_audited() {
        signIn("vera", "VIEWER");

        assertThatThrownBy(() -> service.engageKillSwitch("broker is down")).isInstanceOf(AuthorizationDeniedException.class);

        assertThat(store.writes).isZero();
        assertThat(audit).singleElement().satisfies(a -> {
            assertThat(a.username()).isEqualTo("vera");
            assertThat(a.outcome()).isEqualTo(AuditOutcome.DENIED);
            assertThat(a.reason()).isEqualTo("broker is down");
        });
    }

    @Test
    void an_operator_may_not_disengage_the_kill_switch() {
        signIn("olga", "OPERATOR");
        service.engageKillSwitch("broker is down");

        assertThatThrownBy(() -> service.disengageKillSwitch("all clear", "CONFIRM"))
                .isInstanceOf(AuthorizationDeniedException.class);

        assertThat(audit).last().satisfies(a -> {
            assertThat(a.action()).isEqualTo("KILL_SWITCH_DISENGAGE");
            assertThat(a.outcome()).isEqualTo(AuditOutcome.DENIED);
        });
        assertThat(((ControlsReading.Known) service.read()).killSwitch().engaged()).isTrue();
    }

    @Test
    void a_refused_change_is_audited_as_failed_with_its_code() {
        signIn("olga", "OPERATOR");

        var result = service.engageKillSwitch("short");

        assertThat(result).isInstanceOfSatisfying(ControlResult.Refused.class,
                r -> assertThat(r.refusal().code()).isEqualTo(RefusalCode.REASON_TOO_SHORT));
        assertThat(audit).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo(AuditOutcome.FAILED);
            assertThat(a.detail()).startsWith("REASON_TOO_SHORT");
        });
    }

    @Test
    void a_rate_limited_reset_is_audited_as_rate_limited() {
        signIn("olga", "OPERATOR");
        service.tripCircuitBreaker(TripReason.DATA_STALE, null);
        service.resetCircuitBreaker("data feed is back and checked", true);
        service.tripCircuitBreaker(TripReason.DATA_STALE, null);
        signIn("otto", "OPERATOR");

        var result = service.resetCircuitBreaker("data feed is back and checked", true);

        assertThat(result).isInstanceOfSatisfying(ControlResult.Refused.class,
                r -> assertThat(r.refusal().code()).isEqualTo(RefusalCode.RATE_LIMITED));
        assertThat(audit).last().satisfies(a -> {
            assertThat(a.username()).isEqualTo("otto");
            assertThat(a.outcome()).isEqualTo(AuditOutcome.RATE_LIMITED);
        });
    }

    @Test
    void when_the_state_cannot_be_read_nothing_changes_and_the_attempt_is_audited_as_failed() {
        signIn("olga", "OPERATOR");
        store.unavailable = true;

        var result = service.pause("going to lunch");

        assertThat(result).isInstanceOfSatisfying(ControlResult.Refused.class,
                r -> assertThat(r.refusal().code()).isEqualTo(RefusalCode.STATE_UNAVAILABLE));
        assertThat(service.read()).isInstanceOf(ControlsReading.Unknown.class);
        assertThat(audit).singleElement().satisfies(a -> assertThat(a.outcome()).isEqualTo(AuditOutcome.FAILED));
    }

    @Test
    void a_change_made_by_someone_else_in_between_makes_the_rule_decide_again() {
        signIn("olga", "OPERATOR");
        store.beforeNextWrite = () -> store.bump(Control.KILL_SWITCH);

        var result = service.engageKillSwitch("broker is down");

        assertThat(result).isInstanceOf(ControlResult.Applied.class);
        assertThat(store.writes).isEqualTo(1);
    }

    /** An audit log whose store is down: records after the fact are kept (its spool), records before it are refused. */
    private final class StoreDown implements AuditLog {
        final List<AuditEntry> spooled = new ArrayList<>();

        @Override
        public void record(AuditEntry entry) {
            spooled.add(entry);
        }

        @Override
        public Pending begin(AuditEntry attempt) {
            spooled.add(attempt.withOutcome(AuditOutcome.FAILED, "AUDIT_UNAVAILABLE: test"));
            throw new AuditUnavailableException("The audit log cannot be written, so nothing was changed.", null);
        }
    }

    @Test
    void actions_that_make_trading_safer_are_applied_while_the_audit_log_is_down_and_their_records_kept() {
        var down = new StoreDown();
        var service = new ControlService(store, new ControlAuthorization(down), down, ControlRules.defaults(), clock);
        signIn("olga", "OPERATOR");

        assertThat(service.pause("lunch")).isInstanceOf(ControlResult.Applied.class);
        assertThat(service.engageKillSwitch("broker is down")).isInstanceOf(ControlResult.Applied.class);
        assertThat(service.tripCircuitBreaker(TripReason.DATA_STALE, null)).isInstanceOf(ControlResult.Applied.class);

        var state = (ControlsReading.Known) service.read();
        assertThat(state.trading().state()).isEqualTo(TradingState.PAUSED);
        assertThat(state.killSwitch().engaged()).isTrue();
        assertThat(down.spooled).extracting(AuditEntry::action, AuditEntry::outcome).containsExactly(
                tuple("TRADING_PAUSE", AuditOutcome.SUCCESS), tuple("KILL_SWITCH_ENGAGE", AuditOutcome.SUCCESS),
                tuple("CIRCUIT_BREAKER_TRIP", AuditOutcome.SUCCESS));
    }

    @Test
    void other_actions_are_refused_unchanged_while_the_audit_log_is_down() {
        var down = new StoreDown();
        var service = new ControlService(store, new ControlAuthorization(down), down, ControlRules.defaults(), clock);
        signIn("ada", "ADMIN");
        service.pause(null);
        service.engageKillSwitch("broker is down");
        int writes = store.writes;

        for (ControlResult result : List.of(service.resume("back from lunch"),
                service.disengageKillSwitch("broker is back", "CONFIRM"))) {
            assertThat(result).isInstanceOfSatisfying(ControlResult.Refused.class,
                    r -> assertThat(r.refusal().code()).isEqualTo(RefusalCode.AUDIT_UNAVAILABLE));
        }

        assertThat(store.writes).isEqualTo(writes);
        assertThat(down.spooled).filteredOn(e -> e.outcome() == AuditOutcome.FAILED)
                .extracting(AuditEntry::action).containsExactly("TRADING_RESUME", "KILL_SWITCH_DISENGAGE");
    }

    @Test
    void a_text_with_a_control_character_is_refused_naming_the_field_and_audited() {
        signIn("olga", "OPERATOR");

        var result = service.pause("nul\u0000 in reason");
        var confirm = service.tripCircuitBreaker("MANUAL", "feed\u001b[31m stuck");

        assertThat(result).isInstanceOfSatisfying(ControlResult.Refused.class, r -> {
            assertThat(r.refusal().code()).isEqualTo(RefusalCode.INVALID_TEXT);
            assertThat(r.refusal().field()).contains("reason");
        });
        assertThat(confirm).isInstanceOfSatisfying(ControlResult.Refused.class,
                r -> assertThat(r.refusal().field()).contains("detail"));
        assertThat(store.writes).isZero();
        assertThat(audit).extracting(AuditEntry::action, AuditEntry::outcome).containsExactly(
                tuple("TRADING_PAUSE", AuditOutcome.FAILED), tuple("CIRCUIT_BREAKER_TRIP", AuditOutcome.FAILED));
        assertThat(audit.getFirst().detail()).startsWith("INVALID_TEXT: Field 'reason'");
    }

    @Test
    void line_breaks_are_plain_text_in_a_reason() {
        signIn("olga", "OPERATOR");

        assertThat(service.engageKillSwitch("first line\r\n\tsecond line")).isInstanceOf(ControlResult.Applied.class);
    }

    @Test
    void an_admin_may_do_everything_an_operator_may() {
        signIn("ada", "ADMIN");

        assertThat(service.permittedActions()).containsExactlyInAnyOrder(ControlAction.values());
        assertThat(service.pause(null)).isInstanceOf(ControlResult.Applied.class);
        assertThat(service.engageKillSwitch("end of the world")).isInstanceOf(ControlResult.Applied.class);
        assertThat(service.disengageKillSwitch("world still here", "CONFIRM")).isInstanceOf(ControlResult.Applied.class);
    }

    @Test
    void a_viewer_is_permitted_no_action_and_an_operator_all_but_disengaging() {
        signIn("vera", "VIEWER");
        assertThat(service.permittedActions()).isEmpty();
        signIn("olga", "OPERATOR");
        assertThat(service.permittedActions()).doesNotContain(ControlAction.DISENGAGE_KILL_SWITCH).hasSize(5);
    }
}
