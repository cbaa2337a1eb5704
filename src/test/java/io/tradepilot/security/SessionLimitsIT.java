package io.tradepilot.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.testing.TestUser;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/** Through the whole security filter chain, with the application's clock moved forward. */
class SessionLimitsIT extends IntegrationTestSupport {

    @Test
    void a_session_survives_fourteen_idle_minutes_and_ends_after_more_than_fifteen() throws Exception {
        MockHttpSession session = signIn(users.viewer());
        assertSignedIn(session);

        clock.advance(Duration.ofMinutes(14));
        assertSignedIn(session);

        clock.advance(Duration.ofMinutes(15).plusSeconds(5));
        assertSentToSignIn(session);
    }

    @Test
    void an_active_session_ends_four_hours_after_sign_in() throws Exception {
        MockHttpSession session = signIn(users.operator());
        for (int i = 0; i < 17; i++) {
            clock.advance(Duration.ofMinutes(14));
            assertSignedIn(session);
        }

        clock.advance(Duration.ofMinutes(3));
        assertSentToSignIn(session);
    }

    @Test
    void disabling_a_user_ends_their_sessions() throws Exception {
        TestUser viewer = users.viewer();
        MockHttpSession session = signIn(viewer);
        assertSignedIn(session);

        users.disable(viewer);

        mvc.perform(get("/account/password").session(session)).andExpect(status().is3xxRedirection());
    }

    private MockHttpSession signIn(TestUser user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user.username()).password(user.password()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getRequest().getSession();
    }

    private void assertSignedIn(MockHttpSession session) throws Exception {
        mvc.perform(get("/account/password").session(session)).andExpect(status().isOk());
    }

    private void assertSentToSignIn(MockHttpSession session) throws Exception {
        mvc.perform(get("/account/password").session(session)).andExpect(redirectedUrl("/login"));
    }
}
