package io.tradepilot.testing;

import io.tradepilot.security.ApiTokenSummary;
import io.tradepilot.security.ApiTokenService;
import io.tradepilot.security.Roles.Role;
import io.tradepilot.security.UserAdministration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Users for tests, created through the real services (so with real hashes and audit records), each
 * with a unique name so that tests sharing a database never collide.
 */
public final class TestUsers {

    /** The password of the first admin, {@code admin}, in every integration test context. */
    public static final String ADMIN_PASSWORD = "it-first-pass-0f3a9c-Q7";

    private final UserAdministration administration;
    private final ApiTokenService tokens;
    private final UserDetailsService users;
    private final SecurityContextHolderStrategy contexts;

    TestUsers(UserAdministration administration, ApiTokenService tokens, UserDetailsService users,
              SecurityContextHolderStrategy contexts) {
        this.administration = administration;
        this.tokens = tokens;
        this.users = users;
        this.contexts = contexts;
    }

    /**
     * Makes this application context's security context strategy the JVM-wide one. Each context
     * (Vaadin) brings its own strategy instance with its own thread-local storage and installs it
     * globally when it starts; with several cached test contexts, the global one may belong to
     * another context than the services a test calls.
     */
    public void useThisContextsSecurityStrategy() {
        if (SecurityContextHolder.getContextHolderStrategy() != contexts) {
            SecurityContextHolder.setContextHolderStrategy(contexts);
        }
    }

    /** The first admin. */
    public TestUser admin() {
        return new TestUser("admin", ADMIN_PASSWORD, Role.ADMIN);
    }

    /** A new enabled user with {@code role}, e.g. {@code operator-1a2b3c4d}. */
    public TestUser create(Role role) {
        String username = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "pw-" + UUID.randomUUID();
        asSystemAdmin(() -> administration.createUser(username, role, password));
        return new TestUser(username, password, role);
    }

    public TestUser viewer() {
        return create(Role.VIEWER);
    }

    public TestUser operator() {
        return create(Role.OPERATOR);
    }

    public TestUser newAdmin() {
        return create(Role.ADMIN);
    }

    /** Creates an API token for {@code user} and returns its secret ({@code tp_...}). */
    public String apiToken(TestUser user) {
        return apiToken(user, null);
    }

    /** Creates an API token for {@code user} that expires at {@code expiresAt} and returns its secret. */
    public String apiToken(TestUser user, Instant expiresAt) {
        return as(user, () -> {
            // the shared admin collects tokens across the test classes of one run, and a user may hold 20 usable ones:
            // the oldest test tokens go first (each test class uses the tokens it created itself)
            List<ApiTokenSummary> held = tokens.listMine().stream()
                    .filter(t -> t.revokedAt() == null && t.name().equals("test token"))
                    .sorted(java.util.Comparator.comparing(ApiTokenSummary::createdAt)).toList();
            for (int i = 0; i + MAX_HELD <= held.size(); i++) tokens.revoke(held.get(i).id());
            return tokens.create("test token", expiresAt).secret();
        });
    }

    /** Test tokens a user keeps before the oldest are revoked (the service allows 20 usable ones). */
    private static final int MAX_HELD = 10;

    /** Disables {@code user} (as an admin). */
    public void disable(TestUser user) {
        asSystemAdmin(() -> administration.setEnabled(user.username(), false));
    }

    /**
     * Runs {@code work} on this thread signed in as {@code user}, with the authorities the real
     * user store gives it, as service-layer code sees a web or API caller.
     */
    public <T> T as(TestUser user, Callable<T> work) {
        UserDetails details = users.loadUserByUsername(user.username());
        return runWith(UsernamePasswordAuthenticationToken.authenticated(details.getUsername(), null,
                details.getAuthorities()), work);
    }

    /** {@link #as(TestUser, Callable)} for work without a result. */
    public void as(TestUser user, Runnable work) {
        as(user, () -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code work} as nobody (no authentication at all). */
    public <T> T anonymously(Callable<T> work) {
        return runWith(null, work);
    }

    private <T> T asSystemAdmin(Callable<T> work) {
        return runWith(UsernamePasswordAuthenticationToken.authenticated("it-setup", null, List.of(
                new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("ROLE_OPERATOR"),
                new SimpleGrantedAuthority("ROLE_VIEWER"))), work);
    }

    private <T> T runWith(UsernamePasswordAuthenticationToken authentication, Callable<T> work) {
        useThisContextsSecurityStrategy();
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
