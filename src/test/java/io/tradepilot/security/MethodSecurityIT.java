package io.tradepilot.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradepilot.security.Roles.Role;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.testing.TestUser;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/** The services are the security boundary: wrong roles are refused on the server, whatever the UI shows. */
class MethodSecurityIT extends IntegrationTestSupport {

    @Autowired
    UserAdministration administration;

    @Autowired
    AccountService accounts;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void operators_and_viewers_are_denied_every_user_administration_method() {
        TestUser target = users.viewer();
        for (TestUser caller : new TestUser[] {users.operator(), users.viewer()}) {
            denied(caller, a -> a.listUsers());
            denied(caller, a -> a.createUser("never-created-" + caller.role().name().toLowerCase(), Role.ADMIN, null));
            denied(caller, a -> a.changeRole(target.username(), Role.ADMIN));
            denied(caller, a -> a.setEnabled(target.username(), false));
            denied(caller, a -> a.resetPassword(target.username()));
        }
    }

    @Test
    void each_denial_is_audited_with_the_caller_and_the_target() {
        TestUser operator = users.operator();
        TestUser target = users.viewer();

        denied(operator, a -> a.resetPassword(target.username()));

        assertThat(jdbc.queryForMap("select * from audit_event where username = ? and action = 'PASSWORD_RESET'",
                operator.username()))
                .containsEntry("outcome", "DENIED").containsEntry("target", target.username())
                .hasEntrySatisfying("detail", detail -> assertThat(detail.toString()).contains("caller is OPERATOR"));
    }

    @Test
    void an_admin_may_use_every_user_administration_method() {
        TestUser admin = users.newAdmin();
        TestUser target = users.viewer();

        users.as(admin, () -> {
            assertThat(administration.listUsers()).isNotEmpty();
            administration.changeRole(target.username(), Role.OPERATOR);
            administration.resetPassword(target.username());
            administration.setEnabled(target.username(), false);
            administration.setEnabled(target.username(), true);
        });
    }

    @Test
    void without_a_signed_in_user_own_account_and_token_methods_are_refused() {
        assertThatThrownBy(() -> users.anonymously(() -> {
            accounts.changeOwnPassword("a", "b");
            return null;
        })).isInstanceOfAny(AccessDeniedException.class, AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> users.anonymously(() -> tokens.create("x", null)))
                .isInstanceOfAny(AccessDeniedException.class, AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> users.anonymously(() -> tokens.revoke(1)))
                .isInstanceOfAny(AccessDeniedException.class, AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void every_method_of_the_security_services_declares_who_may_call_it() {
        for (Class<?> service : new Class<?>[] {UserAdministration.class, AccountService.class, ApiTokenService.class}) {
            for (Method method : service.getDeclaredMethods()) {
                assertThat(method.isAnnotationPresent(RolesAllowed.class) || method.isAnnotationPresent(PreAuthorize.class))
                        .as(service.getSimpleName() + "." + method.getName()).isTrue();
            }
        }
    }

    private void denied(TestUser caller, Consumer<UserAdministration> call) {
        assertThatThrownBy(() -> users.as(caller, () -> call.accept(administration)))
                .as(caller.role() + " calling user administration")
                .isInstanceOf(AccessDeniedException.class);
    }
}
