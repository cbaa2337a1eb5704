package io.tradepilot.brokers.internal;

import io.tradepilot.brokers.AccountCredentials;
import io.tradepilot.brokers.AccountHistory;
import io.tradepilot.brokers.ActiveAccountStatus;
import io.tradepilot.brokers.BrokerKind;
import io.tradepilot.brokers.MonitoredSession;
import io.tradepilot.brokers.VenueAccounts;
import io.tradepilot.brokers.VenueHealth;
import io.tradepilot.brokers.VenueSession;
import io.tradepilot.brokers.VenueSessionFactory;
import java.lang.ref.WeakReference;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link VenueAccounts} over the account store: the active account (enabled, credentials readable, its broker with a
 * {@link VenueSessionFactory}) opened by its broker's factory. An account that cannot be opened gives no session (the
 * paper venue), is logged at ERROR and shows the failure as its last error on the Connections page. Remembers the
 * sessions it opened (weakly) to show their {@link VenueHealth}, and says which account is active
 * ({@link ActiveAccountStatus}, read by the daily pre-flight).
 */
final class DefaultVenueAccounts implements VenueAccounts, ActiveAccountStatus {

    private static final Logger log = LoggerFactory.getLogger(DefaultVenueAccounts.class);

    private final JooqBrokerAccountStore store;
    private final AccountSecrets secrets;
    private final Map<BrokerKind, VenueSessionFactory> factories;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Map<Long, WeakReference<VenueSession>> opened = new ConcurrentHashMap<>();

    DefaultVenueAccounts(JooqBrokerAccountStore store, AccountSecrets secrets, List<VenueSessionFactory> factories,
                         TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.secrets = secrets;
        this.factories = byKind(factories);
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The factories by broker; two for one broker are a wiring mistake that must not start. */
    static Map<BrokerKind, VenueSessionFactory> byKind(List<VenueSessionFactory> factories) {
        Map<BrokerKind, VenueSessionFactory> map = new EnumMap<>(BrokerKind.class);
        for (VenueSessionFactory f : factories) {
            if (map.put(f.broker(), f) != null) {
                throw new IllegalStateException("Two VenueSessionFactory beans for " + f.broker());
            }
        }
        return map;
    }

    Optional<VenueSessionFactory> factory(BrokerKind broker) {
        return Optional.ofNullable(factories.get(broker));
    }

    @Override
    public Optional<VenueSession> activeSession() {
        Optional<JooqBrokerAccountStore.StoredAccount> active = storedActive();
        if (active.isEmpty()) return Optional.empty();
        JooqBrokerAccountStore.StoredAccount account = active.get();
        try {
            VenueSession session = open(account);
            opened.put(account.id(), new WeakReference<>(session));
            log.info("Broker account {} ({} {}) opened", account.name(), account.broker(), account.environment());
            return Optional.of(session);
        } catch (Unopenable e) {
            if (e.record) failed(account, e.getMessage());
            else log.error("Broker account {} {}: trading the paper venue", account.name(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * {@inheritDoc} A session of its own, opened like the trading session's but neither remembered (the health shown
     * stays the trading session's) nor started, and whose failure to open is not recorded on the account.
     */
    @Override
    public Optional<AccountHistory> historyReader() {
        Optional<JooqBrokerAccountStore.StoredAccount> active = storedActive();
        if (active.isEmpty()) return Optional.empty();
        try {
            return Optional.of(AccountHistory.of(open(active.get())));
        } catch (Unopenable e) {
            throw new IllegalStateException("broker account " + active.get().name() + " " + e.getMessage(), e);
        }
    }

    /** A new session of {@code account} by its broker's factory; refuses (with the reason) one that cannot be opened. */
    private VenueSession open(JooqBrokerAccountStore.StoredAccount account) {
        if (!account.enabled()) throw new Unopenable("is active but disabled", false);
        VenueSessionFactory factory = factories.get(account.broker());
        if (factory == null) throw new Unopenable("no adapter for " + account.broker() + " in this build", true);
        AccountCredentials credentials;
        try {
            credentials = secrets.credentials(account);
        } catch (IllegalStateException unopenable) {
            throw new Unopenable(unopenable.getMessage(), true);
        }
        try {
            return factory.open(credentials);
        } catch (RuntimeException e) {
            throw new Unopenable("cannot open the session: " + e.getMessage(), true);
        }
    }

    /** Why an account cannot be opened; {@code record}: worth recording as the account's last error. */
    private static final class Unopenable extends RuntimeException {
        final boolean record;

        Unopenable(String why, boolean record) {
            super(why, null, false, false);
            this.record = record;
        }
    }

    @Override
    public Optional<ActiveAccount> activeAccount() {
        Optional<JooqBrokerAccountStore.StoredAccount> active = storedActive();
        return active.map(a -> new ActiveAccount(a.name(), a.broker(), a.environment(), a.enabled(), a.lastTestAt(),
                a.lastTestOk(), a.lastError(), a.sealedAccessToken() != null, a.accessTokenExpiresAt(),
                health(a.id()).orElse(null)));
    }

    private Optional<JooqBrokerAccountStore.StoredAccount> storedActive() {
        return transactions.execute(tx -> store.activeId().flatMap(store::account));
    }

    /** The health of the session last opened for {@code accountId}, when it is still there and reports it. */
    Optional<VenueHealth> health(long accountId) {
        WeakReference<VenueSession> ref = opened.get(accountId);
        VenueSession session = ref == null ? null : ref.get();
        if (session instanceof MonitoredSession monitored) {
            try {
                return Optional.of(monitored.health());
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private void failed(JooqBrokerAccountStore.StoredAccount account, String why) {
        log.error("Broker account {} cannot be used: {}; trading the paper venue", account.name(), why);
        try {
            transactions.executeWithoutResult(tx -> store.recordTest(account.id(), clock.instant(), false, why));
        } catch (RuntimeException e) {
            log.warn("Could not record the failure of broker account {}: {}", account.name(), e.toString());
        }
    }
}
