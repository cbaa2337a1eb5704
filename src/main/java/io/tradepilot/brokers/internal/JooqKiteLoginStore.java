package io.tradepilot.brokers.internal;

import org.jooq.DSLContext;

import java.time.Instant;
import java.util.Optional;

import static io.tradepilot.db.Tables.KITE_LOGIN;

/** The {@code kite_login} table: one row per Kite account; the access token only sealed. */
final class JooqKiteLoginStore {

    /** One stored login; {@code sealedToken} as {@link io.tradepilot.security.SecretBox} sealed it. */
    record StoredLogin(String accountId, String kiteUserId, String sealedToken, Instant loggedInAt, Instant validUntil,
                       String loggedInBy, String problem, Instant problemAt) { }

    private final DSLContext db;

    JooqKiteLoginStore(DSLContext db) {
        this.db = db;
    }

    Optional<StoredLogin> find(String accountId) {
        return db.selectFrom(KITE_LOGIN).where(KITE_LOGIN.ACCOUNT_ID.eq(accountId)).fetchOptional(r -> new StoredLogin(
                r.getAccountId(), r.getKiteUserId(), r.getAccessToken(), r.getLoggedInAt(), r.getValidUntil(),
                r.getLoggedInBy(), r.getProblem(), r.getProblemAt()));
    }

    /** Stores a new login, replacing the account's previous one (and its problem). */
    void save(StoredLogin l) {
        Instant at = l.loggedInAt();
        Instant until = l.validUntil();
        db.insertInto(KITE_LOGIN)
                .set(KITE_LOGIN.ACCOUNT_ID, l.accountId()).set(KITE_LOGIN.KITE_USER_ID, l.kiteUserId())
                .set(KITE_LOGIN.ACCESS_TOKEN, l.sealedToken()).set(KITE_LOGIN.LOGGED_IN_AT, at)
                .set(KITE_LOGIN.VALID_UNTIL, until).set(KITE_LOGIN.LOGGED_IN_BY, l.loggedInBy())
                .setNull(KITE_LOGIN.PROBLEM).setNull(KITE_LOGIN.PROBLEM_AT)
                .onConflict(KITE_LOGIN.ACCOUNT_ID).doUpdate()
                .set(KITE_LOGIN.KITE_USER_ID, l.kiteUserId()).set(KITE_LOGIN.ACCESS_TOKEN, l.sealedToken())
                .set(KITE_LOGIN.LOGGED_IN_AT, at).set(KITE_LOGIN.VALID_UNTIL, until).set(KITE_LOGIN.LOGGED_IN_BY, l.loggedInBy())
                .setNull(KITE_LOGIN.PROBLEM).setNull(KITE_LOGIN.PROBLEM_AT)
                .execute();
    }

    /** Marks the account's stored login refused by Kite; false when there is none or it was already marked. */
    boolean markProblem(String accountId, String problem, Instant at) {
        return db.update(KITE_LOGIN).set(KITE_LOGIN.PROBLEM, problem)
                .set(KITE_LOGIN.PROBLEM_AT, at)
                .where(KITE_LOGIN.ACCOUNT_ID.eq(accountId)).and(KITE_LOGIN.PROBLEM.isNull()).execute() > 0;
    }
}
