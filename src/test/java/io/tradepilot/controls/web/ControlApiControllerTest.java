package io.tradepilot.controls.web;

import io.tradepilot.controls.ControlRules;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.InMemoryControlStore;
import io.tradepilot.audit.AuditEntry;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.controls.internal.ControlAuthorization;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** How the API maps results to HTTP: the controller alone (security and audit are proven in the ITs). */
class ControlApiControllerTest {

    private final InMemoryControlStore store = new InMemoryControlStore(Clock.systemUTC());
    private final List<AuditEntry> audit = new ArrayList<>();
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        var service = new ControlService(store, new ControlAuthorization(audit::add), audit::add,
                ControlRules.defaults(), Clock.systemUTC());
        mvc = MockMvcBuilders.standaloneSetup(new ControlApiController(service)).build();
        signIn("ADMIN");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signIn(String role) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "someone", "n/a", AuthorityUtils.createAuthorityList("ROLE_" + role)));
    }

    private ResultActions postJson(String path, String body) throws Exception {
        return mvc.perform(post("/api/v1" + path).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void the_state_shows_each_control_and_whether_orders_may_go_out() throws Exception {
        mvc.perform(get("/api/v1/state"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("KNOWN"))
                .andExpect(jsonPath("$.killSwitch.state").value("ACTIVE"))
                .andExpect(jsonPath("$.trading.state").value("ACTIVE"))
                .andExpect(jsonPath("$.circuitBreaker.state").value("OPEN"))
                .andExpect(jsonPath("$.newEntriesAllowed").value(true));
    }

    @Test
    void engaging_returns_the_change_and_the_state_then_blocks_new_orders() throws Exception {
        postJson("/kill-switch/engage", "{\"reason\":\"broker is down\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.to").value("ENGAGED"))
                .andExpect(jsonPath("$.user").value("someone"));

        mvc.perform(get("/api/v1/state"))
                .andExpect(jsonPath("$.killSwitch.state").value("ENGAGED"))
                .andExpect(jsonPath("$.killSwitch.changedBy").value("someone"))
                .andExpect(jsonPath("$.killSwitch.reason").value("broker is down"))
                .andExpect(jsonPath("$.newEntriesAllowed").value(false))
                .andExpect(jsonPath("$.exitsAllowed").value(false));
    }

    @Test
    void engaging_twice_is_a_409_problem_with_a_code() throws Exception {
        postJson("/kill-switch/engage", "{\"reason\":\"broker is down\"}").andExpect(status().isOk());

        postJson("/kill-switch/engage", "{\"reason\":\"broker is down\"}")
                .andExpect(status().isConflict())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.code").value("ALREADY_ENGAGED"))
                .andExpect(jsonPath("$.status").value(409));
    }

    @Test
    void a_short_reason_is_a_422_problem() throws Exception {
        postJson("/kill-switch/engage", "{\"reason\":\"short\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("REASON_TOO_SHORT"));
        postJson("/kill-switch/engage", "{}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("REASON_TOO_SHORT"));
    }

    @Test
    void a_wrong_confirmation_word_is_a_422_problem_and_nothing_changes() throws Exception {
        postJson("/kill-switch/engage", "{\"reason\":\"broker is down\"}").andExpect(status().isOk());

        postJson("/kill-switch/disengage", "{\"notes\":\"all clear\",\"confirm\":\"yes\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("CONFIRMATION_MISMATCH"));
        mvc.perform(get("/api/v1/state")).andExpect(jsonPath("$.killSwitch.state").value("ENGAGED"));

        postJson("/kill-switch/disengage", "{\"notes\":\"all clear\",\"confirm\":\"CONFIRM\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.to").value("ACTIVE"));
    }

    @Test
    void a_trip_reason_may_be_listed_or_free_text() throws Exception {
        postJson("/circuit-breaker/trip", "{\"reason\":\"data_stale\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.detail").value("DATA_STALE"));
        postJson("/circuit-breaker/reset", "{\"reason\":\"feed restored and checked\",\"acknowledge\":true}")
                .andExpect(status().isOk());
        postJson("/circuit-breaker/trip", "{\"reason\":\"odd fills on NIFTY\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.detail").value("MANUAL"))
                .andExpect(jsonPath("$.reason").value("MANUAL: odd fills on NIFTY"));
    }

    @Test
    void a_second_reset_within_a_minute_is_a_429_with_retry_after() throws Exception {
        postJson("/circuit-breaker/trip", "{\"reason\":\"BROKER_ERRORS\"}").andExpect(status().isOk());
        postJson("/circuit-breaker/reset", "{\"reason\":\"broker confirmed the fix\",\"acknowledge\":true}")
                .andExpect(status().isOk());
        postJson("/circuit-breaker/trip", "{\"reason\":\"BROKER_ERRORS\"}").andExpect(status().isOk());

        postJson("/circuit-breaker/reset", "{\"reason\":\"broker confirmed the fix\",\"acknowledge\":true}")
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.code").value("RATE_LIMITED"));
        assertThat(audit).last().extracting(AuditEntry::outcome)
                .isEqualTo(AuditOutcome.RATE_LIMITED);
    }

    @Test
    void a_reset_without_acknowledgement_is_a_422_problem() throws Exception {
        postJson("/circuit-breaker/trip", "{\"reason\":\"BROKER_ERRORS\"}").andExpect(status().isOk());

        postJson("/circuit-breaker/reset", "{\"reason\":\"broker confirmed the fix\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("ACKNOWLEDGEMENT_REQUIRED"));
    }

    @Test
    void pause_and_resume_need_no_body() throws Exception {
        mvc.perform(post("/api/v1/pause")).andExpect(status().isOk()).andExpect(jsonPath("$.to").value("PAUSED"));
        mvc.perform(post("/api/v1/pause")).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("ALREADY_PAUSED"));
        postJson("/resume", "{\"reason\":\"lunch is over\"}").andExpect(status().isOk());
    }

    @Test
    void an_unreadable_state_is_a_503_problem_saying_trading_is_blocked() throws Exception {
        store.unavailable = true;

        mvc.perform(get("/api/v1/state"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("STATE_UNAVAILABLE"));
        postJson("/kill-switch/engage", "{\"reason\":\"broker is down\"}")
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("STATE_UNAVAILABLE"));
    }

    @Test
    void malformed_json_and_oversized_fields_are_400_not_500() throws Exception {
        postJson("/kill-switch/engage", "{\"reason\":").andExpect(status().isBadRequest());
        postJson("/kill-switch/engage", "{\"reason\":\"" + "x".repeat(2001) + "\"}").andExpect(status().isBadRequest());
    }
}
