package io.tradepilot.brokers.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.brokers.AccountCredentials;
import io.tradepilot.brokers.BrokerAccount;
import io.tradepilot.brokers.BrokerAccountRefusal;
import io.tradepilot.brokers.BrokerAccounts;
import io.tradepilot.brokers.BrokerErrors;
import io.tradepilot.brokers.BrokerKind;
import io.tradepilot.brokers.BrokerRefusal;
import io.tradepilot.brokers.KiteLoginStatus;
import io.tradepilot.brokers.KiteLogins;
import io.tradepilot.brokers.VenueHealth;
import io.tradepilot.brokers.kite.KiteClient;
import io.tradepilot.brokers.kite.KiteConfig;
import io.tradepilot.brokers.kite.KiteException;
import io.tradepilot.brokers.kite.KiteLogin;
import io.tradepilot.brokers.kite.KiteSession;
import io.tradepilot.brokers.kite.KiteSessionFactory;
import io.tradepilot.brokers.kite.KiteSessionToken;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.Roles;
import io.tradepilot.security.UserAudit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Kite login for admins (see {@link KiteLogins}) over the stored Kite accounts. A started login is a one-time
 * state (128 random bits, hex) bound to the admin and the account and valid 10 minutes, sent to Kite in
 * {@code redirect_params} and checked when Kite redirects back, so that nobody can make an admin's browser store a
 * token of someone else's Kite account. Audited as {@code KITE_LOGIN_STARTED} and {@code KITE_LOGIN} (the exchange is
 * recorded before Kite is asked; details name the account and Kite's user id). The token is
 * handed to {@link BrokerAccounts#storeAccessToken}, which seals it; it appears in no log, audit record or exception.
 */
@PreAuthorize(Roles.IS_ADMIN)
@HandleAuthorizationDenied(handlerClass = BrokersDeniedHandler.class)
class DefaultKiteLogins implements KiteLogins {

    static final String KITE_LOGIN_STARTED = "KITE_LOGIN_STARTED";
    static final String KITE_LOGIN = "KITE_LOGIN";
    static final Duration STATE_VALIDITY = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Started(String username, long accountId, Instant expires) { }

    private final KiteProperties properties;
    private final JooqBrokerAccountStore store;
    private final AccountSecrets secrets;
    private final BrokerAccounts accounts;
    private final UserAudit audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Map<String, Started> states = new ConcurrentHashMap<>();

    DefaultKiteLogins(KiteProperties properties, JooqBrokerAccountStore store, AccountSecrets secrets, BrokerAccounts accounts,
                      AuditLog audit, TransactionTemplate transactions, Clock clock) {
        this.properties = properties;
        this.store = store;
        this.secrets = secrets;
        this.accounts = accounts;
        this.audit = new UserAudit(audit);
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public List<KiteLoginStatus> status() {
        Instant now = clock.instant();
        return accounts.accounts().stream().filter(a -> a.broker() == BrokerKind.KITE).map(a -> status(a, now)).toList();
    }

    /** An account's login: no token, expired, refused by Kite (what its open session saw), or usable. */
    static KiteLoginStatus status(BrokerAccount a, Instant now) {
        VenueHealth health = a.health();
        String problem = health != null && health.lastError() != null && health.lastError().startsWith(KiteSession.LOGIN_NEEDED)
                ? health.lastError() : null;
        KiteLoginStatus.State state = !a.accessTokenSet() ? KiteLoginStatus.State.NOT_LOGGED_IN
                : a.tokenExpiresAt() != null && !now.isBefore(a.tokenExpiresAt()) ? KiteLoginStatus.State.EXPIRED
                : problem != null ? KiteLoginStatus.State.LOGIN_NEEDED
                : KiteLoginStatus.State.LOGGED_IN;
        return new KiteLoginStatus(state, a.id(), a.name(), a.accessTokenSet() ? a.tokenExpiresAt() : null, problem);
    }

    @Override
    public URI beginLogin(long accountId) {
        String target = "broker-account:" + accountId;
        AccountCredentials account;
        try {
            account = kiteAccount(accountId);
        } catch (BrokerAccountRefusal refusal) {
            audit.record(KITE_LOGIN_STARTED, target, AuditOutcome.FAILED, refusal.code() + ": " + refusal.getMessage());
            throw refusal;
        }
        Instant now = clock.instant();
        states.values().removeIf(s -> !now.isBefore(s.expires()));
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String state = HexFormat.of().formatHex(bytes);
        states.put(state, new Started(CurrentUser.username(), accountId, now.plus(STATE_VALIDITY)));
        audit.record(KITE_LOGIN_STARTED, target, AuditOutcome.SUCCESS, "Kite login page opened for " + account.name());
        URI login = KiteLogin.loginUrl(KiteSessionFactory.config(account, properties));
        return URI.create(login + "&redirect_params=" + URLEncoder.encode("state=" + state, StandardCharsets.UTF_8));
    }

    @Override
    public KiteLoginStatus completeLogin(String requestToken, String state) {
        Started started = state == null ? null : states.get(state);
        String target = started == null ? "kite" : "broker-account:" + started.accountId();
        if (requestToken == null || requestToken.isBlank() || requestToken.length() > 200 || !requestToken.matches("[A-Za-z0-9]+")) {
            audit.record(KITE_LOGIN, target, AuditOutcome.FAILED, "malformed request_token");
            throw new BrokerRefusal(400, "INVALID_PARAMETER", "request_token must be 1-200 letters and digits");
        }
        started = state == null ? null : states.remove(state);
        if (started == null || !started.username().equals(CurrentUser.username()) || !clock.instant().isBefore(started.expires())) {
            audit.record(KITE_LOGIN, target, AuditOutcome.FAILED, "login state unknown, used, expired or another user's");
            throw new BrokerRefusal(403, "LOGIN_STATE_INVALID",
                    "This Kite login was not started here by you in the last " + STATE_VALIDITY.toMinutes() + " minutes: start it again.");
        }
        long accountId = started.accountId();
        // recorded before Kite is asked: no record, no exchange
        AuditLog.Pending pending = audit.begin(KITE_LOGIN, target, "exchanging Kite's request token", () -> new BrokerRefusal(503,
                "AUDIT_UNAVAILABLE", "the change was not made: its audit record cannot be written"));
        HttpClient http = null;
        try {
            AccountCredentials account = kiteAccount(accountId);
            KiteConfig config = KiteSessionFactory.config(account, properties);
            http = HttpClient.newBuilder().connectTimeout(config.requestTimeout()).build();
            KiteClient client = new KiteClient(http, config, new BrokerCallGuard("kite-login", config.guard(),
                    e -> e instanceof KiteException k && k.brokerFailure(), e -> false, BrokerErrors.IGNORE));
            KiteSessionToken token = KiteLogin.exchange(client, config, requestToken);
            Instant validUntil = KiteLogin.validUntil(clock.instant());
            BrokerAccount stored = accounts.storeAccessToken(accountId, token.accessToken(), validUntil);
            pending.complete(AuditOutcome.SUCCESS, "Kite user " + token.userId() + " for " + account.name() + ", valid until " + validUntil);
            return status(stored, clock.instant());
        } catch (KiteException e) {
            pending.complete(AuditOutcome.FAILED, e.getMessage());
            if (e.kind() == KiteException.Kind.TOKEN || e.kind() == KiteException.Kind.REFUSED || e.kind() == KiteException.Kind.NOT_FOUND) {
                throw new BrokerRefusal(422, "REQUEST_TOKEN_REFUSED", "Kite refused the request token (" + e.getMessage() + "): sign in again.");
            }
            throw new BrokerRefusal(503, "BROKER_UNAVAILABLE", "Kite did not answer the token exchange (" + e.getMessage() + "): try again.");
        } catch (BrokerAccountRefusal e) {
            pending.complete(AuditOutcome.FAILED, e.code() + ": " + e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            pending.complete(AuditOutcome.FAILED, e.getClass().getSimpleName());
            throw e;
        } finally {
            if (http != null) http.shutdownNow();
        }
    }

    /**
     * The stored Kite account {@code id} with its credentials opened.
     *
     * @throws BrokerAccountRefusal {@code ACCOUNT_NOT_FOUND}, {@code INVALID_PARAMETER} (not a Kite account),
     *                              {@code SECRETS_UNREADABLE}
     */
    private AccountCredentials kiteAccount(long id) {
        JooqBrokerAccountStore.StoredAccount a = transactions.execute(tx -> store.account(id))
                .orElseThrow(() -> BrokerAccountRefusal.noSuchAccount(id));
        if (a.broker() != BrokerKind.KITE) {
            throw BrokerAccountRefusal.badParameter("id", "account " + a.name() + " is not a Kite account");
        }
        try {
            return secrets.credentials(a);
        } catch (IllegalStateException unopenable) {
            throw new BrokerAccountRefusal(409, "SECRETS_UNREADABLE", "secret",
                    "the stored credentials cannot be opened (was TRADEPILOT_SECRETS_KEY changed?): type them again");
        }
    }
}
