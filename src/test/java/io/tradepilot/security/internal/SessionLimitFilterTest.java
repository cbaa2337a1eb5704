package io.tradepilot.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

class SessionLimitFilterTest {

    private Instant now = Instant.parse("2026-03-02T09:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final SessionLimitFilter filter = new SessionLimitFilter(clock, Duration.ofMinutes(15), Duration.ofHours(4));
    private MockHttpSession session;

    @BeforeEach
    void signIn() throws Exception {
        session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, new SecurityContextImpl());
        request();
    }

    @Test
    void a_session_used_within_fifteen_minutes_stays() throws Exception {
        pass(Duration.ofMinutes(15));
        request();

        assertThat(session.isInvalid()).isFalse();
    }

    @Test
    void a_session_idle_for_more_than_fifteen_minutes_ends() throws Exception {
        pass(Duration.ofMinutes(15).plusSeconds(1));
        request();

        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void heartbeats_do_not_keep_an_idle_session_alive() throws Exception {
        pass(Duration.ofMinutes(10));
        MockHttpServletRequest heartbeat = new MockHttpServletRequest("POST", "/");
        heartbeat.setParameter("v-r", "heartbeat");
        heartbeat.setSession(session);
        filter.doFilter(heartbeat, new MockHttpServletResponse(), new MockFilterChain());
        pass(Duration.ofMinutes(6));
        request();

        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void an_active_session_ends_four_hours_after_sign_in() throws Exception {
        for (int i = 0; i < 17; i++) {
            pass(Duration.ofMinutes(14));
            request();
        }
        assertThat(session.isInvalid()).as("after 3 h 58 min").isFalse();

        pass(Duration.ofMinutes(3));
        request();

        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void sessions_nobody_signed_in_to_are_left_alone() throws Exception {
        MockHttpSession anonymous = new MockHttpSession();
        pass(Duration.ofDays(1));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/login");
        request.setSession(anonymous);
        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());

        assertThat(anonymous.isInvalid()).isFalse();
    }

    private void pass(Duration duration) {
        now = now.plus(duration);
    }

    private void request() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setSession(session);
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).as("the request always continues").isNotNull();
    }
}
