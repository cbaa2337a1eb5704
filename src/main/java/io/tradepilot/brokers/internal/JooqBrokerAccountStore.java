package io.tradepilot.brokers.internal;

import static io.tradepilot.db.Tables.BROKER_ACCOUNT;
import static io.tradepilot.db.Tables.BROKER_ACTIVE_ACCOUNT;

import io.tradepilot.brokers.AccountEnvironment;
import io.tradepilot.brokers.BrokerKind;
import io.tradepilot.db.tables.records.BrokerAccountRecord;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The broker accounts' tables. Credentials pass through here only sealed; opening them is the caller's business.
 * Every method runs in the caller's transaction.
 */
final class JooqBrokerAccountStore {

    private final DSLContext db;

    JooqBrokerAccountStore(DSLContext db) {
        this.db = db;
    }

    /** An account row as stored: settings in the clear, credentials sealed. */
    record StoredAccount(long id, BrokerKind broker, String name, AccountEnvironment environment, String tradingUrl,
                         String marketDataUrl, String tradeStreamUrl, String dataStreamUrl, String dataFeed,
                         String sealedKeyId, String sealedSecret, String sealedAccessToken, Instant accessTokenExpiresAt,
                         boolean enabled, Instant lastTestAt, Boolean lastTestOk, String lastError, Instant createdAt,
                         String updatedBy, Instant updatedAt) {

        @Override
        public String toString() {
            return "StoredAccount[id=" + id + ", broker=" + broker + ", name=" + name + "]";
        }
    }

    List<StoredAccount> accounts() {
        return db.selectFrom(BROKER_ACCOUNT).orderBy(BROKER_ACCOUNT.NAME).fetch(JooqBrokerAccountStore::account);
    }

    Optional<StoredAccount> account(long id) {
        return db.selectFrom(BROKER_ACCOUNT).where(BROKER_ACCOUNT.ID.eq(id)).fetchOptional(JooqBrokerAccountStore::account);
    }

    /** Locks the account's row until the transaction ends (serializes changes of one account). */
    Optional<StoredAccount> accountForUpdate(long id) {
        return db.selectFrom(BROKER_ACCOUNT).where(BROKER_ACCOUNT.ID.eq(id)).forUpdate()
                .fetchOptional(JooqBrokerAccountStore::account);
    }

    boolean nameTaken(String name, Long exceptId) {
        var condition = DSL.lower(BROKER_ACCOUNT.NAME).eq(name.toLowerCase(Locale.ROOT));
        if (exceptId != null) {
            condition = condition.and(BROKER_ACCOUNT.ID.ne(exceptId));
        }
        return db.fetchExists(BROKER_ACCOUNT, condition);
    }

    long insert(StoredAccount a) {
        BrokerAccountRecord r = db.newRecord(BROKER_ACCOUNT);
        fill(r, a);
        r.setCreatedAt(a.createdAt());
        r.store();
        return r.getId();
    }

    void update(StoredAccount a) {
        BrokerAccountRecord r = db.fetchOne(BROKER_ACCOUNT, BROKER_ACCOUNT.ID.eq(a.id()));
        if (r == null) return;
        fill(r, a);
        r.update();
    }

    boolean delete(long id) {
        return db.deleteFrom(BROKER_ACCOUNT).where(BROKER_ACCOUNT.ID.eq(id)).execute() > 0;
    }

    /** Records the outcome of a connection test or of opening the account's session. */
    void recordTest(long id, Instant at, boolean ok, String error) {
        db.update(BROKER_ACCOUNT).set(BROKER_ACCOUNT.LAST_TEST_AT, at).set(BROKER_ACCOUNT.LAST_TEST_OK, ok)
                .set(BROKER_ACCOUNT.LAST_ERROR, error == null ? null : cut(error, 1000))
                .where(BROKER_ACCOUNT.ID.eq(id)).execute();
    }

    /** Stores an access token the broker issued (Kite's daily token), sealed, with its expiry. */
    void storeAccessToken(long id, String sealedToken, Instant expiresAt) {
        db.update(BROKER_ACCOUNT).set(BROKER_ACCOUNT.ACCESS_TOKEN, sealedToken)
                .set(BROKER_ACCOUNT.ACCESS_TOKEN_EXPIRES_AT, expiresAt).where(BROKER_ACCOUNT.ID.eq(id)).execute();
    }

    /** The active account's id, if any. */
    Optional<Long> activeId() {
        return db.select(BROKER_ACTIVE_ACCOUNT.ACCOUNT_ID).from(BROKER_ACTIVE_ACCOUNT).where(BROKER_ACTIVE_ACCOUNT.ID.eq(1))
                .fetchOptional(BROKER_ACTIVE_ACCOUNT.ACCOUNT_ID);
    }

    void setActive(long accountId, String by, Instant at) {
        db.insertInto(BROKER_ACTIVE_ACCOUNT)
                .set(BROKER_ACTIVE_ACCOUNT.ID, 1).set(BROKER_ACTIVE_ACCOUNT.ACCOUNT_ID, accountId)
                .set(BROKER_ACTIVE_ACCOUNT.UPDATED_BY, by).set(BROKER_ACTIVE_ACCOUNT.UPDATED_AT, at)
                .onConflict(BROKER_ACTIVE_ACCOUNT.ID).doUpdate()
                .set(BROKER_ACTIVE_ACCOUNT.ACCOUNT_ID, accountId)
                .set(BROKER_ACTIVE_ACCOUNT.UPDATED_BY, by).set(BROKER_ACTIVE_ACCOUNT.UPDATED_AT, at)
                .execute();
    }

    /** Whether an account was active (and now none is). */
    boolean clearActive() {
        return db.deleteFrom(BROKER_ACTIVE_ACCOUNT).execute() > 0;
    }

    private static void fill(BrokerAccountRecord r, StoredAccount a) {
        r.setBroker(a.broker().name());
        r.setName(a.name());
        r.setEnvironment(a.environment().name());
        r.setTradingUrl(a.tradingUrl());
        r.setMarketDataUrl(a.marketDataUrl());
        r.setTradeStreamUrl(a.tradeStreamUrl());
        r.setDataStreamUrl(a.dataStreamUrl());
        r.setDataFeed(a.dataFeed());
        r.setKeyId(a.sealedKeyId());
        r.setSecret(a.sealedSecret());
        r.setAccessToken(a.sealedAccessToken());
        r.setAccessTokenExpiresAt(a.accessTokenExpiresAt());
        r.setEnabled(a.enabled());
        r.setLastTestAt(a.lastTestAt());
        r.setLastTestOk(a.lastTestOk());
        r.setLastError(a.lastError());
        r.setUpdatedBy(a.updatedBy());
        r.setUpdatedAt(a.updatedAt());
    }

    private static StoredAccount account(BrokerAccountRecord r) {
        return new StoredAccount(r.getId(), BrokerKind.valueOf(r.getBroker()), r.getName(),
                AccountEnvironment.valueOf(r.getEnvironment()), r.getTradingUrl(), r.getMarketDataUrl(), r.getTradeStreamUrl(),
                r.getDataStreamUrl(), r.getDataFeed(), r.getKeyId(), r.getSecret(), r.getAccessToken(),
                r.getAccessTokenExpiresAt(), r.getEnabled(), r.getLastTestAt(), r.getLastTestOk(), r.getLastError(),
                r.getCreatedAt(), r.getUpdatedBy(), r.getUpdatedAt());
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
