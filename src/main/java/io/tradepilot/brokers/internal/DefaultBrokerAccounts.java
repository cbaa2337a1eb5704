package io.tradepilot.brokers.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.brokers.AccountCredentials;
import io.tradepilot.brokers.ActiveAccountChanged;
import io.tradepilot.brokers.BrokerAccount;
import io.tradepilot.brokers.BrokerAccountRefusal;
import io.tradepilot.brokers.BrokerAccountRequest;
import io.tradepilot.brokers.BrokerAccounts;
import io.tradepilot.brokers.ConnectionCheck;
import io.tradepilot.brokers.VenueSessionFactory;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.Roles;
import io.tradepilot.security.UserAudit;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Broker accounts for admins (see {@link BrokerAccounts}). Each change: audit record first ({@link UserAudit#begin}; actions
 * {@code BROKER_ACCOUNT_CREATED|UPDATED|DELETED|TESTED|ACTIVATED|DEACTIVATED|TOKEN_STORED}, details without credentials),
 * then validation and the change in one transaction, then the record completed with SUCCESS or FAILED (the refusal's
 * code and message). A connection test talks to the broker outside any transaction.
 */
@PreAuthorize(Roles.IS_ADMIN)
@HandleAuthorizationDenied(handlerClass = BrokerAccountsDeniedHandler.class)
class DefaultBrokerAccounts implements BrokerAccounts {

    static final String CREATED = "BROKER_ACCOUNT_CREATED";
    static final String UPDATED = "BROKER_ACCOUNT_UPDATED";
    static final String DELETED = "BROKER_ACCOUNT_DELETED";
    static final String TESTED = "BROKER_ACCOUNT_TESTED";
    static final String ACTIVATED = "BROKER_ACCOUNT_ACTIVATED";
    static final String DEACTIVATED = "BROKER_ACCOUNT_DEACTIVATED";
    static final String TOKEN_STORED = "BROKER_ACCOUNT_TOKEN_STORED";

    private final JooqBrokerAccountStore store;
    private final AccountSecrets secrets;
    private final AccountRules rules;
    private final DefaultVenueAccounts venues;
    private final UserAudit audit;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DefaultBrokerAccounts(JooqBrokerAccountStore store, AccountSecrets secrets, AccountRules rules, DefaultVenueAccounts venues,
                          AuditLog audit, TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.secrets = secrets;
        this.rules = rules;
        this.venues = venues;
        this.audit = new UserAudit(audit);
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public List<BrokerAccount> accounts() {
        return transactions.execute(tx -> {
            Optional<Long> active = store.activeId();
            return store.accounts().stream().map(a -> view(a, active)).toList();
        });
    }

    @Override
    public BrokerAccount create(BrokerAccountRequest request) {
        String name = request.name() == null ? "" : request.name().strip();
        return audited(CREATED, "broker-account:" + name, describe(request), () -> {
            AccountRules.Valid v = rules.validate(request, true);
            if (store.nameTaken(v.name(), null)) throw nameTaken(v.name());
            Instant now = clock.instant();
            long id = store.insert(new JooqBrokerAccountStore.StoredAccount(0, v.broker(), v.name(), v.environment(),
                    v.tradingUrl(), v.marketDataUrl(), v.tradeStreamUrl(), v.dataStreamUrl(), v.dataFeed(),
                    secrets.seal(v.broker(), "key_id", v.keyId()), secrets.seal(v.broker(), "secret", v.secret()), null, null,
                    v.enabled(), null, null, null, now, CurrentUser.username(), now));
            return view(store.account(id).orElseThrow(), store.activeId());
        });
    }

    @Override
    public BrokerAccount update(long id, BrokerAccountRequest request) {
        return audited(UPDATED, "broker-account:" + id, describe(request), () -> {
            JooqBrokerAccountStore.StoredAccount existing = store.accountForUpdate(id)
                    .orElseThrow(() -> BrokerAccountRefusal.noSuchAccount(id));
            AccountRules.Valid v = rules.validate(request, false);
            if (v.broker() != existing.broker() && (v.keyId() == null || v.secret() == null)) {
                throw BrokerAccountRefusal.badParameter("keyId", "an account that changes its broker needs its new key id and secret");
            }
            if (store.nameTaken(v.name(), id)) throw nameTaken(v.name());
            boolean active = store.activeId().filter(a -> a == id).isPresent();
            if (active && !v.enabled()) {
                throw new BrokerAccountRefusal(409, "ACCOUNT_ACTIVE", "enabled", "the active account cannot be disabled: deactivate it first");
            }
            boolean newCredentials = v.keyId() != null || v.secret() != null;
            String keyId = v.keyId() != null ? secrets.seal(v.broker(), "key_id", v.keyId()) : existing.sealedKeyId();
            String secret = v.secret() != null ? secrets.seal(v.broker(), "secret", v.secret()) : existing.sealedSecret();
            boolean sameEndpoint = existing.tradingUrl().equals(v.tradingUrl()) && existing.broker() == v.broker();
            store.update(new JooqBrokerAccountStore.StoredAccount(id, v.broker(), v.name(), v.environment(), v.tradingUrl(),
                    v.marketDataUrl(), v.tradeStreamUrl(), v.dataStreamUrl(), v.dataFeed(), keyId, secret,
                    // an access token belongs to the credentials and endpoint it was issued for
                    newCredentials || !sameEndpoint ? null : existing.sealedAccessToken(),
                    newCredentials || !sameEndpoint ? null : existing.accessTokenExpiresAt(),
                    v.enabled(), newCredentials ? null : existing.lastTestAt(), newCredentials ? null : existing.lastTestOk(),
                    newCredentials ? null : existing.lastError(), existing.createdAt(), CurrentUser.username(), clock.instant()));
            return view(store.account(id).orElseThrow(), store.activeId());
        });
    }

    @Override
    public void delete(long id) {
        audited(DELETED, "broker-account:" + id, null, () -> {
            store.accountForUpdate(id).orElseThrow(() -> BrokerAccountRefusal.noSuchAccount(id));
            if (store.activeId().filter(a -> a == id).isPresent()) {
                throw new BrokerAccountRefusal(409, "ACCOUNT_ACTIVE", "id", "the active account cannot be deleted: deactivate it first");
            }
            store.delete(id);
            return null;
        });
    }

    @Override
    public ConnectionCheck test(long id) {
        JooqBrokerAccountStore.StoredAccount account = transactions.execute(tx -> store.account(id))
                .orElseThrow(() -> BrokerAccountRefusal.noSuchAccount(id));
        AuditLog.Pending record = begin(TESTED, "broker-account:" + account.name(),
                account.broker() + " " + account.environment() + " at " + account.tradingUrl());
        ConnectionCheck check;
        Optional<VenueSessionFactory> factory = venues.factory(account.broker());
        if (factory.isEmpty()) {
            check = new ConnectionCheck(false, "no adapter for " + account.broker() + " in this build", clock.instant());
        } else {
            AccountCredentials credentials = null;
            try {
                credentials = secrets.credentials(account);
            } catch (IllegalStateException unopenable) {
                // credentials stays null
            }
            check = credentials == null ? new ConnectionCheck(false, "the stored credentials cannot be opened"
                    + " (was TRADEPILOT_SECRETS_KEY changed?): type the key id and secret again", clock.instant())
                    : factory.get().check(credentials);
        }
        ConnectionCheck outcome = check;
        transactions.executeWithoutResult(tx -> store.recordTest(id, outcome.at(), outcome.ok(), outcome.ok() ? null : outcome.detail()));
        record.complete(outcome.ok() ? AuditOutcome.SUCCESS : AuditOutcome.FAILED, outcome.detail());
        return outcome;
    }

    @Override
    public BrokerAccount activate(long id) {
        BrokerAccount activated = audited(ACTIVATED, "broker-account:" + id, null, () -> {
            JooqBrokerAccountStore.StoredAccount account = store.accountForUpdate(id)
                    .orElseThrow(() -> BrokerAccountRefusal.noSuchAccount(id));
            if (!account.enabled()) {
                throw new BrokerAccountRefusal(409, "ACCOUNT_DISABLED", "id", "account " + account.name() + " is disabled: enable it first");
            }
            if (venues.factory(account.broker()).isEmpty()) {
                throw new BrokerAccountRefusal(422, "BROKER_NOT_SUPPORTED", "broker", "no adapter for " + account.broker() + " in this build");
            }
            try {
                secrets.credentials(account);
            } catch (IllegalStateException unopenable) {
                throw new BrokerAccountRefusal(409, "SECRETS_UNREADABLE", "secret",
                        "the stored credentials cannot be opened (was TRADEPILOT_SECRETS_KEY changed?): type them again");
            }
            store.setActive(id, CurrentUser.username(), clock.instant());
            return view(store.account(id).orElseThrow(), Optional.of(id));
        });
        events.publishEvent(new ActiveAccountChanged(id, CurrentUser.username()));
        return activated;
    }

    @Override
    public BrokerAccount storeAccessToken(long id, String accessToken, Instant expiresAt) {
        return audited(TOKEN_STORED, "broker-account:" + id, "expires " + expiresAt, () -> {
            JooqBrokerAccountStore.StoredAccount account = store.accountForUpdate(id)
                    .orElseThrow(() -> BrokerAccountRefusal.noSuchAccount(id));
            if (accessToken == null || accessToken.isBlank()) {
                throw BrokerAccountRefusal.badParameter("accessToken", "accessToken is required");
            }
            io.tradepilot.security.PlainText.singleLine("accessToken", accessToken)
                    .ifPresent(v -> { throw BrokerAccountRefusal.badText("accessToken", v.message()); });
            store.storeAccessToken(id, secrets.seal(account.broker(), "access_token", accessToken.strip()), expiresAt);
            return view(store.account(id).orElseThrow(), store.activeId());
        });
    }

    @Override
    public void deactivate() {
        boolean was = audited(DEACTIVATED, "broker-accounts", null, store::clearActive);
        if (was) events.publishEvent(new ActiveAccountChanged(null, CurrentUser.username()));
    }

    private <T> T audited(String action, String target, String detail, Supplier<T> change) {
        AuditLog.Pending record = begin(action, target, detail);
        try {
            T result = transactions.execute(tx -> change.get());
            record.complete(AuditOutcome.SUCCESS, detail);
            return result;
        } catch (BrokerAccountRefusal refusal) {
            record.complete(AuditOutcome.FAILED, refusal.code() + ": " + refusal.getMessage());
            throw refusal;
        }
    }

    /**
     * Records a change before it is made: the caller changes only when this returns and completes the record.
     *
     * @throws BrokerAccountRefusal 503 {@code AUDIT_UNAVAILABLE} when the record cannot be written: make no change
     */
    private AuditLog.Pending begin(String action, String target, String detail) {
        return audit.begin(action, target, detail, () -> new BrokerAccountRefusal(503, "AUDIT_UNAVAILABLE", null,
                "the change was not made: its audit record cannot be written"));
    }

    private BrokerAccount view(JooqBrokerAccountStore.StoredAccount a, Optional<Long> active) {
        String hint;
        try {
            hint = AccountSecrets.hint(secrets.open(a.broker(), "key_id", a.sealedKeyId()));
        } catch (IllegalStateException unopenable) {
            hint = "•••• (cannot be opened: was TRADEPILOT_SECRETS_KEY changed?)";
        }
        boolean isActive = active.filter(id -> id == a.id()).isPresent();
        return new BrokerAccount(a.id(), a.broker(), a.name(), a.environment(), a.tradingUrl(), a.marketDataUrl(),
                a.tradeStreamUrl(), a.dataStreamUrl(), a.dataFeed(), hint, a.enabled(), isActive, a.lastTestAt(), a.lastTestOk(),
                a.lastError(), a.sealedAccessToken() != null, a.accessTokenExpiresAt(),
                isActive ? venues.health(a.id()).orElse(null) : null, a.updatedBy(), a.updatedAt());
    }

    private static BrokerAccountRefusal nameTaken(String name) {
        return new BrokerAccountRefusal(409, "ACCOUNT_NAME_TAKEN", "name", "an account named " + name + " exists");
    }

    /** The request for the audit log: broker, environment, URLs and whether credentials were given — never them. */
    private static String describe(BrokerAccountRequest r) {
        return "broker " + r.broker() + "; environment " + r.environment() + "; enabled " + r.enabled()
                + "; trading " + blank(r.tradingUrl()) + "; market data " + blank(r.marketDataUrl())
                + "; trade stream " + blank(r.tradeStreamUrl()) + "; data stream " + blank(r.dataStreamUrl())
                + "; feed " + (r.dataFeed() == null || r.dataFeed().isBlank() ? "default" : r.dataFeed().strip())
                + (r.keyId() == null && r.secret() == null ? "; credentials unchanged" : "; credentials set");
    }

    /** A URL as the audit log may show it: scheme, host, port and path only (a query or user info may hold a secret). */
    private static String blank(String s) {
        if (s == null || s.isBlank()) return "default";
        try {
            java.net.URI u = new java.net.URI(s.strip());
            return u.getHost() == null ? "(not a URL)"
                    : u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()) + (u.getRawPath() == null ? "" : u.getRawPath());
        } catch (java.net.URISyntaxException e) {
            return "(not a URL)";
        }
    }
}
