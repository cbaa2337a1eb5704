package io.tradepilot.security.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.security.CreatedUser;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.Roles.Role;
import io.tradepilot.security.SecurityRefusal;
import io.tradepilot.security.UserAdministration;
import io.tradepilot.security.UserSummary;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
@HandleAuthorizationDenied(handlerClass = AuditingDenialHandler.class)
class DefaultUserAdministration implements UserAdministration {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");

    private final AppUserRepository users;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final UserSessions sessions;
    private final Clock clock;
    private final LoginClientRepository loginClients;

    DefaultUserAdministration(AppUserRepository users, PasswordEncoder encoder, AuditLog audit,
                              UserSessions sessions, Clock clock, LoginClientRepository loginClients) {
        this.users = users;
        this.loginClients = loginClients;
        this.encoder = encoder;
        this.audit = audit;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<UserSummary> listUsers() {
        return users.findAllByOrderByUsernameAsc().stream().map(AppUser::summary).toList();
    }

    @Override
    public CreatedUser createUser(String username, Role role, String password) {
        String name = DatabaseUserDetailsService.normalize(username);
        return attempt("USER_CREATED", name, () -> {
            if (!USERNAME.matcher(name).matches()) {
                throw new SecurityRefusal(
                        "A username has 3 to 64 characters: lower-case letters, digits, '.', '_' or '-'.");
            }
            if (role == null) {
                throw new SecurityRefusal("Choose a role.");
            }
            if (users.findByUsername(name).isPresent()) {
                throw new SecurityRefusal("The username '" + name + "' is taken.");
            }
            boolean generate = password == null || password.isEmpty();
            String actual = generate ? PasswordPolicy.generate() : password;
            PasswordPolicy.check(name, actual);
            AppUser user = users.save(new AppUser(name, encoder.encode(actual), role, clock.instant()));
            return new Outcome<>(new CreatedUser(user.summary(), generate ? Optional.of(actual) : Optional.empty()),
                    "role " + role + (generate ? "; password generated" : ""));
        });
    }

    @Override
    public UserSummary changeRole(String username, Role role) {
        String name = DatabaseUserDetailsService.normalize(username);
        return attempt("ROLE_CHANGED", name, () -> {
            if (role == null) {
                throw new SecurityRefusal("Choose a role.");
            }
            AppUser user = existing(name);
            Role before = user.role();
            if (before == role) {
                return new Outcome<>(user.summary(), "unchanged: " + role);
            }
            if (before == Role.ADMIN && user.enabled() && users.countByRoleAndEnabledTrue(Role.ADMIN) <= 1) {
                throw new SecurityRefusal("'" + name + "' is the last enabled admin; make another admin first.");
            }
            user.changeRole(role);
            sessions.endAll(name);
            return new Outcome<>(user.summary(), before + " -> " + role);
        });
    }

    @Override
    public UserSummary setEnabled(String username, boolean enabled) {
        String name = DatabaseUserDetailsService.normalize(username);
        return attempt(enabled ? "USER_ENABLED" : "USER_DISABLED", name, () -> {
            AppUser user = existing(name);
            if (!enabled) {
                if (name.equals(CurrentUser.username())) {
                    throw new SecurityRefusal("You cannot disable yourself.");
                }
                if (user.role() == Role.ADMIN && user.enabled() && users.countByRoleAndEnabledTrue(Role.ADMIN) <= 1) {
                    throw new SecurityRefusal("'" + name + "' is the last enabled admin.");
                }
            }
            user.setEnabled(enabled);
            if (enabled) {
                loginClients.liftLocks(name);
            } else {
                sessions.endAll(name);
            }
            return new Outcome<>(user.summary(), null);
        });
    }

    @Override
    public String resetPassword(String username) {
        String name = DatabaseUserDetailsService.normalize(username);
        return attempt("PASSWORD_RESET", name, () -> {
            AppUser user = existing(name);
            String password = PasswordPolicy.generate();
            user.changePassword(encoder.encode(password), clock.instant());
            loginClients.liftLocks(name);
            sessions.endAll(name);
            return new Outcome<>(password, "generated; lockout lifted");
        });
    }

    private AppUser existing(String username) {
        return users.findByUsername(username)
                .orElseThrow(() -> new SecurityRefusal("There is no user '" + username + "'."));
    }

    private record Outcome<T>(T value, String detail) {
    }

    /** Records the attempt first (refused when it cannot be), then makes the change and completes the record. */
    private <T> T attempt(String action, String target, java.util.function.Supplier<Outcome<T>> change) {
        AuditLog.Pending record = AuditFirst.begin(audit, action, target);
        try {
            Outcome<T> outcome = change.get();
            record.complete(AuditOutcome.SUCCESS, outcome.detail());
            return outcome.value();
        } catch (SecurityRefusal refusal) {
            record.complete(AuditOutcome.FAILED, refusal.getMessage());
            throw refusal;
        } catch (RuntimeException e) {
            record.complete(AuditOutcome.FAILED, "error: " + e.getClass().getSimpleName());
            throw e;
        }
    }
}
