package io.tradepilot.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;

import io.tradepilot.security.Roles.Role;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.testing.TestUser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class UserAdministrationIT extends IntegrationTestSupport {

    @Autowired
    UserAdministration administration;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_user_created_without_a_password_gets_a_generated_one_that_signs_in() throws Exception {
        TestUser admin = users.newAdmin();
        String name = "gen-" + System.nanoTime();

        CreatedUser created = users.as(admin, () -> administration.createUser(name, Role.OPERATOR, null));

        assertThat(created.generatedPassword()).isPresent();
        assertThat(created.user().role()).isEqualTo(Role.OPERATOR);
        mvc.perform(formLogin("/login").user(name).password(created.generatedPassword().get()))
                .andExpect(authenticated().withRoles("OPERATOR", "VIEWER"));
    }

    @Test
    void passwords_are_stored_as_bcrypt_hashes_and_never_in_clear() {
        TestUser viewer = users.viewer();

        String hash = jdbc.queryForObject("select password_hash from app_user where username = ?", String.class,
                viewer.username());
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(viewer.password());
    }

    @Test
    void a_taken_username_an_invalid_one_and_a_weak_password_are_refused_and_audited() {
        TestUser admin = users.newAdmin();
        TestUser existing = users.viewer();

        users.as(admin, () -> {
            assertThatThrownBy(() -> administration.createUser(existing.username(), Role.VIEWER, null))
                    .isInstanceOf(SecurityRefusal.class).hasMessageContaining("taken");
            assertThatThrownBy(() -> administration.createUser("No Spaces!", Role.VIEWER, null))
                    .isInstanceOf(SecurityRefusal.class);
            assertThatThrownBy(() -> administration.createUser("weak-" + System.nanoTime(), Role.VIEWER, "short"))
                    .isInstanceOf(SecurityRefusal.class).hasMessageContaining("12");
        });
        assertThat(jdbc.queryForList("select outcome from audit_event where username = ? and action = 'USER_CREATED'",
                String.class, admin.username())).containsOnly("FAILED").hasSize(3);
    }

    @Test
    void the_last_enabled_admin_can_be_neither_demoted_nor_disabled() {
        List<UserSummary> admins = users.as(users.admin(), () -> administration.listUsers()).stream()
                .filter(u -> u.role() == Role.ADMIN && u.enabled()).toList();
        TestUser me = users.admin();
        users.as(me, () -> admins.stream().filter(u -> !u.username().equals("admin"))
                .forEach(u -> administration.setEnabled(u.username(), false)));

        assertThatThrownBy(() -> users.as(me, () -> administration.changeRole("admin", Role.VIEWER)))
                .isInstanceOf(SecurityRefusal.class).hasMessageContaining("last enabled admin");
        assertThatThrownBy(() -> users.as(me, () -> administration.setEnabled("admin", false)))
                .isInstanceOf(SecurityRefusal.class);
    }

    @Test
    void a_password_reset_replaces_the_password_and_lifts_a_lockout() throws Exception {
        TestUser operator = users.operator();
        for (int i = 0; i < 3; i++) {
            mvc.perform(formLogin("/login").user(operator.username()).password("wrong-" + i));
        }

        String fresh = users.as(users.admin(), () -> administration.resetPassword(operator.username()));

        mvc.perform(formLogin("/login").user(operator.username()).password(operator.password()))
                .andExpect(unauthenticated());
        mvc.perform(formLogin("/login").user(operator.username()).password(fresh)).andExpect(authenticated());
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'PASSWORD_RESET' and target = ?",
                Long.class, operator.username())).isEqualTo(1L);
    }

    @Test
    void role_changes_are_audited_with_before_and_after() {
        TestUser viewer = users.viewer();

        users.as(users.admin(), () -> administration.changeRole(viewer.username(), Role.OPERATOR));

        assertThat(jdbc.queryForObject("select detail from audit_event where action = 'ROLE_CHANGED' and target = ?",
                String.class, viewer.username())).isEqualTo("VIEWER -> OPERATOR");
    }

    @Test
    void a_user_changes_their_own_password_only_with_the_current_one_and_within_the_policy() throws Exception {
        TestUser viewer = users.viewer();

        users.as(viewer, () -> {
            assertThatThrownBy(() -> accounts.changeOwnPassword("wrong-current", "a-new-good-password"))
                    .isInstanceOf(SecurityRefusal.class).hasMessageContaining("current password");
            assertThatThrownBy(() -> accounts.changeOwnPassword(viewer.password(), "too-short"))
                    .isInstanceOf(SecurityRefusal.class);
            accounts.changeOwnPassword(viewer.password(), "a-new-good-password");
        });

        mvc.perform(formLogin("/login").user(viewer.username()).password("a-new-good-password"))
                .andExpect(authenticated());
    }
}
