package io.tradepilot.brokers.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.brokers.BrokerErrors;
import io.tradepilot.brokers.BrokerRefusal;
import io.tradepilot.brokers.KiteLoggedIn;
import io.tradepilot.brokers.KiteLoginStatus;
import io.tradepilot.brokers.KiteLogins;
import io.tradepilot.brokers.kite.KiteClient;
import io.tradepilot.brokers.kite.KiteConfig;
import io.tradepilot.brokers.kite.KiteException;
import io.tradepilot.brokers.kite.KiteLogin;
import io.tradepilot.brokers.kite.KiteSessionToken;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.Roles;
import io.tradepilot.security.SecretBox;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Kite login for admins (see {@link KiteLogins}). A started login is a one-time state (128 random bits, hex) bound
 * to the admin and valid 10 minutes, sent to Kite in {@code redirect_params} and checked when Kite redirects back, so
 * that nobody can make an admin's browser store a token of someone else's Kite account. The token exchange is
 * recorded first ({@code KITE_LOGIN}); the token is sealed ({@link SecretBox}, context
 * {@code kite-access-token:<account>}) before it is stored, and appears in no log, audit record or exception.
 */
@PreAuthorize(Roles.IS_ADMIN)
@HandleAuthorizationDenied(handlerClass = BrokersDeniedHandler.class)
class DefaultKiteLogins implements KiteLogins {

    static final Duration STATE_VALIDITY = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Started(String username, Instant expires) { }

    private final KiteProperties properties;
    private final JooqKiteLoginStore store;
    private final SecretBox secrets;
    private final BrokersAudit audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<String, Started> states = new ConcurrentHashMap<>();

    DefaultKiteLogins(KiteProperties properties, JooqKiteLoginStore store, SecretBox secrets, BrokersAudit audit,
                      ApplicationEventPublisher events, Clock clock) {
        this.properties = properties;
        this.store = store;
        this.secrets = secrets;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public KiteLoginStatus status() {
        return status(properties, store, clock.instant());
    }

    static KiteLoginStatus status(KiteProperties properties, JooqKiteLoginStore store, Instant now) {
        if (!properties.configured()) return new KiteLoginStatus(KiteLoginStatus.State.NOT_CONFIGURED, null, null, null, null, null, null);
        return store.find(properties.accountId()).map(l -> new KiteLoginStatus(
                        l.problem() != null ? KiteLoginStatus.State.LOGIN_NEEDED
                                : now.isBefore(l.validUntil()) ? KiteLoginStatus.State.LOGGED_IN : KiteLoginStatus.State.EXPIRED,
                        l.accountId(), l.kiteUserId(), l.loggedInAt(), l.validUntil(), l.loggedInBy(), l.problem()))
                .orElse(new KiteLoginStatus(KiteLoginStatus.State.NOT_LOGGED_IN, properties.accountId(), null, null, null, null, null));
    }

    @Override
    public URI beginLogin() {
        if (!properties.configured()) {
            audit.record(BrokersAudit.KITE_LOGIN_STARTED, "kite", AuditOutcome.FAILED, "no Kite app configured");
            throw notConfigured();
        }
        Instant now = clock.instant();
        states.values().removeIf(s -> !now.isBefore(s.expires()));
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String state = HexFormat.of().formatHex(bytes);
        states.put(state, new Started(CurrentUser.username(), now.plus(STATE_VALIDITY)));
        audit.record(BrokersAudit.KITE_LOGIN_STARTED, properties.accountId(), AuditOutcome.SUCCESS, "Kite login page opened");
        URI login = KiteLogin.loginUrl(properties.toConfig());
        return URI.create(login + "&redirect_params=" + URLEncoder.encode("state=" + state, StandardCharsets.UTF_8));
    }

    @Override
    public KiteLoginStatus completeLogin(String requestToken, String state) {
        String target = properties.configured() ? properties.accountId() : "kite";
        if (!properties.configured()) {
            audit.record(BrokersAudit.KITE_LOGIN, target, AuditOutcome.FAILED, "no Kite app configured");
            throw notConfigured();
        }
        if (requestToken == null || requestToken.isBlank() || requestToken.length() > 200 || !requestToken.matches("[A-Za-z0-9]+")) {
            audit.record(BrokersAudit.KITE_LOGIN, target, AuditOutcome.FAILED, "malformed request_token");
            throw new BrokerRefusal(400, "INVALID_PARAMETER", "request_token must be 1-200 letters and digits");
        }
        Started started = state == null ? null : states.remove(state);
        if (started == null || !started.username().equals(CurrentUser.username()) || !clock.instant().isBefore(started.expires())) {
            audit.record(BrokersAudit.KITE_LOGIN, target, AuditOutcome.FAILED, "login state unknown, used, expired or another user's");
            throw new BrokerRefusal(403, "LOGIN_STATE_INVALID",
                    "This Kite login was not started here by you in the last " + STATE_VALIDITY.toMinutes() + " minutes: start it again.");
        }
        AuditLog.Pending pending = audit.begin(BrokersAudit.KITE_LOGIN, target, "exchanging Kite's request token");
        KiteConfig config = properties.toConfig();
        HttpClient http = HttpClient.newBuilder().connectTimeout(config.requestTimeout()).build();
        try {
            KiteClient client = new KiteClient(http, config, new BrokerCallGuard("kite-login", config.guard(),
                    e -> e instanceof KiteException k && k.brokerFailure(), e -> false, BrokerErrors.IGNORE));
            KiteSessionToken token = KiteLogin.exchange(client, config, requestToken);
            Instant loggedIn = clock.instant();
            Instant validUntil = KiteLogin.validUntil(loggedIn);
            store.save(new JooqKiteLoginStore.StoredLogin(target, token.userId() == null ? "" : token.userId(),
                    secrets.seal(token.accessToken(), context(target)), loggedIn, validUntil, CurrentUser.username(), null, null));
            pending.complete(AuditOutcome.SUCCESS, "Kite user " + token.userId() + ", valid until " + validUntil);
            events.publishEvent(new KiteLoggedIn(target, validUntil));
            return status();
        } catch (KiteException e) {
            pending.complete(AuditOutcome.FAILED, e.getMessage());
            if (e.kind() == KiteException.Kind.TOKEN || e.kind() == KiteException.Kind.REFUSED || e.kind() == KiteException.Kind.NOT_FOUND) {
                throw new BrokerRefusal(422, "REQUEST_TOKEN_REFUSED", "Kite refused the request token (" + e.getMessage() + "): sign in again.");
            }
            throw new BrokerRefusal(503, "BROKER_UNAVAILABLE", "Kite did not answer the token exchange (" + e.getMessage() + "): try again.");
        } catch (RuntimeException e) {
            pending.complete(AuditOutcome.FAILED, e.getClass().getSimpleName());
            throw e;
        } finally {
            http.shutdownNow();
        }
    }

    static String context(String accountId) {
        return "kite-access-token:" + accountId;
    }

    private static BrokerRefusal notConfigured() {
        return new BrokerRefusal(409, "KITE_NOT_CONFIGURED", "No Kite Connect app is configured (tradepilot.brokers.kite.api-key, api-secret).");
    }
}
