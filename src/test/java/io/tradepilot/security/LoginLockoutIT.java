package io.tradepilot.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;

import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.testing.TestUser;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

class LoginLockoutIT extends IntegrationTestSupport {

    private static final String STRANGER = "203.0.113.66";
    private static final String OWNER = "198.51.100.7";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserAdministration administration;

    @Test
    void the_right_password_signs_in() throws Exception {
        TestUser viewer = users.viewer();

        mvc.perform(formLogin("/login").user(viewer.username()).password(viewer.password()))
                .andExpect(authenticated().withUsername(viewer.username()).withRoles("VIEWER"));
    }

    @Test
    void an_admin_holds_the_roles_below_it() throws Exception {
        TestUser admin = users.newAdmin();

        mvc.perform(formLogin("/login").user(admin.username()).password(admin.password()))
                .andExpect(authenticated().withRoles("ADMIN", "OPERATOR", "VIEWER"));
    }

    @Test
    void after_three_wrong_passwords_even_the_right_one_is_refused_for_thirty_seconds() throws Exception {
        TestUser operator = users.operator();
        wrongPassword(operator, 2);

        MvcResult third = mvc.perform(formLogin("/login").user(operator.username()).password("wrong"))
                .andExpect(unauthenticated()).andReturn();
        assertThat(failure(third)).isInstanceOf(LockedException.class).hasMessageContaining("30 seconds");

        MvcResult refused = mvc.perform(formLogin("/login").user(operator.username()).password(operator.password()))
                .andExpect(unauthenticated()).andReturn();
        assertThat(failure(refused)).isInstanceOf(LockedException.class).hasMessageContaining("locked");
        assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/login?error");

        clock.advance(Duration.ofSeconds(31));
        mvc.perform(formLogin("/login").user(operator.username()).password(operator.password()))
                .andExpect(authenticated());
    }

    @Test
    void the_lock_grows_to_five_minutes_after_five_failures_and_fifteen_after_seven() throws Exception {
        TestUser viewer = users.viewer();
        wrongPassword(viewer, 3);
        clock.advance(Duration.ofSeconds(31));
        wrongPassword(viewer, 1);
        clock.advance(Duration.ofSeconds(31));

        MvcResult fifth = mvc.perform(formLogin("/login").user(viewer.username()).password("wrong")).andReturn();
        assertThat(failure(fifth)).hasMessageContaining("5 minutes");
        clock.advance(Duration.ofMinutes(4));
        assertThat(failure(mvc.perform(formLogin("/login").user(viewer.username()).password(viewer.password()))
                .andReturn())).as("still locked after 4 minutes").isInstanceOf(LockedException.class);
        clock.advance(Duration.ofSeconds(61));
        wrongPassword(viewer, 1);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));

        MvcResult seventh = mvc.perform(formLogin("/login").user(viewer.username()).password("wrong")).andReturn();
        assertThat(failure(seventh)).hasMessageContaining("15 minutes");
    }

    @Test
    void failures_and_locks_are_audited_with_the_client_address() throws Exception {
        TestUser viewer = users.viewer();
        wrongPassword(viewer, 3);
        mvc.perform(formLogin("/login").user(viewer.username()).password(viewer.password()));

        assertThat(jdbc.queryForList("select outcome from audit_event where action = 'LOGIN' and target = ? order by id",
                String.class, viewer.username()))
                .containsExactly("FAILED", "FAILED", "RATE_LIMITED", "RATE_LIMITED");
        assertThat(jdbc.queryForList("select client_address from audit_event where action = 'LOGIN' and target = ?",
                String.class, viewer.username())).containsOnly("127.0.0.1");
    }

    @Test
    void a_stranger_locks_out_only_their_own_address_and_the_owner_signs_in_from_another() throws Exception {
        TestUser admin = users.newAdmin();
        for (int i = 0; i < 7; i++) {
            clock.advance(Duration.ofMinutes(6)); // past the lock the last guess caused
            mvc.perform(signIn(admin.username(), "guess-" + i, STRANGER)).andExpect(unauthenticated());
        }
        MvcResult stranger = mvc.perform(signIn(admin.username(), admin.password(), STRANGER))
                .andExpect(unauthenticated()).andReturn();
        assertThat(failure(stranger)).as("even the right password, from the stranger's address")
                .isInstanceOf(LockedException.class).hasMessageContaining("15 minutes");

        mvc.perform(signIn(admin.username(), admin.password(), OWNER))
                .andExpect(authenticated().withUsername(admin.username()));

        MvcResult stillLocked = mvc.perform(signIn(admin.username(), admin.password(), STRANGER))
                .andExpect(unauthenticated()).andReturn();
        assertThat(failure(stillLocked)).as("the owner's sign-in does not unlock the stranger")
                .isInstanceOf(LockedException.class);
        assertThat(jdbc.queryForList("select client_address || ' ' || outcome from audit_event"
                        + " where action = 'LOGIN' and target = ? order by id", String.class, admin.username()))
                .startsWith("203.0.113.66 FAILED", "203.0.113.66 FAILED", "203.0.113.66 RATE_LIMITED",
                        "203.0.113.66 RATE_LIMITED", "203.0.113.66 RATE_LIMITED", "203.0.113.66 RATE_LIMITED",
                        "203.0.113.66 RATE_LIMITED")
                .contains("198.51.100.7 SUCCESS")
                .endsWith("203.0.113.66 RATE_LIMITED");
    }

    @Test
    void guessing_from_many_addresses_locks_the_account_for_new_addresses_but_not_for_the_owners() throws Exception {
        TestUser viewer = users.viewer();
        mvc.perform(signIn(viewer.username(), viewer.password(), OWNER)).andExpect(authenticated());
        for (int i = 1; i <= 30; i++) {
            mvc.perform(signIn(viewer.username(), "guess", "192.0.2." + i)).andExpect(unauthenticated());
        }

        MvcResult newcomer = mvc.perform(signIn(viewer.username(), viewer.password(), "192.0.2.200"))
                .andExpect(unauthenticated()).andReturn();
        assertThat(failure(newcomer)).isInstanceOf(LockedException.class).hasMessageContaining("15 minutes");
        mvc.perform(signIn(viewer.username(), viewer.password(), OWNER)).andExpect(authenticated());
    }

    @Test
    void an_admins_password_reset_lifts_every_addresss_lock() throws Exception {
        TestUser viewer = users.viewer();
        for (int i = 0; i < 3; i++) {
            mvc.perform(signIn(viewer.username(), "guess", STRANGER)).andExpect(unauthenticated());
        }

        String newPassword = users.as(users.admin(), () -> administration.resetPassword(viewer.username()));

        mvc.perform(signIn(viewer.username(), newPassword, STRANGER)).andExpect(authenticated());
    }

    @Test
    void a_disabled_user_cannot_sign_in() throws Exception {
        TestUser viewer = users.viewer();
        users.disable(viewer);

        mvc.perform(formLogin("/login").user(viewer.username()).password(viewer.password()))
                .andExpect(unauthenticated());
    }

    @Test
    void an_overlong_password_is_a_plain_failed_sign_in_not_an_error() throws Exception {
        TestUser viewer = users.viewer();

        mvc.perform(formLogin("/login").user(viewer.username()).password("p".repeat(500)))
                .andExpect(unauthenticated())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/login?error"));
    }

    @Test
    void usernames_are_not_case_sensitive() throws Exception {
        TestUser viewer = users.viewer();

        mvc.perform(formLogin("/login").user(viewer.username().toUpperCase()).password(viewer.password()))
                .andExpect(authenticated().withUsername(viewer.username()));
    }

    private static MockHttpServletRequestBuilder signIn(String username, String password, String clientAddress) {
        return post("/login").param("username", username).param("password", password).with(csrf())
                .with(request -> {
                    request.setRemoteAddr(clientAddress);
                    return request;
                });
    }

    private void wrongPassword(TestUser user, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            mvc.perform(formLogin("/login").user(user.username()).password("wrong-" + i)).andExpect(unauthenticated());
        }
    }

    private static Throwable failure(MvcResult result) {
        return (Throwable) result.getRequest().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }
}
