package io.tradepilot.strategies.internal;

import static io.tradepilot.db.Tables.CONFIG_APPLIED;
import static io.tradepilot.db.Tables.CONFIG_VERSION;

import io.tradepilot.strategies.ConfigRefusal;
import io.tradepilot.strategies.ConfigVersion;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The stored versions and their applications in PostgreSQL (tables {@code config_version}, {@code config_applied}). */
final class JooqConfigStore {

    static final String STRATEGY = "STRATEGY";
    static final String RISK = "RISK";
    static final String LIMITS = "limits";

    private final DSLContext db;

    JooqConfigStore(DSLContext db) {
        this.db = db;
    }

    /** Whether nothing of {@code kind} is stored yet. */
    boolean empty(String kind) {
        return !db.fetchExists(CONFIG_VERSION, CONFIG_VERSION.KIND.eq(kind));
    }

    /**
     * Stores the next version of {@code key}; refuses (409 CONCURRENT_CHANGE) when another writer took that number
     * meanwhile.
     */
    ConfigVersion add(String kind, String key, String document, Integer basedOn, String by, Instant at, String reason) {
        Integer max = db.select(DSL.max(CONFIG_VERSION.VERSION)).from(CONFIG_VERSION)
                .where(CONFIG_VERSION.KIND.eq(kind), CONFIG_VERSION.CONFIG_KEY.eq(key)).fetchOne(0, Integer.class);
        int next = max == null ? 1 : max + 1;
        try {
            db.insertInto(CONFIG_VERSION)
                    .set(CONFIG_VERSION.KIND, kind).set(CONFIG_VERSION.CONFIG_KEY, key).set(CONFIG_VERSION.VERSION, next)
                    .set(CONFIG_VERSION.DOCUMENT, document).set(CONFIG_VERSION.BASED_ON, basedOn)
                    .set(CONFIG_VERSION.CREATED_BY, by).set(CONFIG_VERSION.CREATED_AT, at).set(CONFIG_VERSION.REASON, reason)
                    .execute();
        } catch (IntegrityConstraintViolationException e) {
            throw new ConfigRefusal(409, "CONCURRENT_CHANGE", null, "another version of " + key + " was stored at the same moment: try again");
        }
        return new ConfigVersion(kind, key, next, document, basedOn, by, at, reason, false);
    }

    /** Records that {@code version} of {@code key} is applied from now on. */
    void applied(String kind, String key, int version, String by, Instant at, String reason, boolean live) {
        applied(kind, key, version, by, at, reason, live, null);
    }

    /**
     * Records that {@code version} of {@code key} is applied from now on, with the symbols its universe resolved to
     * ({@code symbols} null: the version lists its own).
     */
    void applied(String kind, String key, int version, String by, Instant at, String reason, boolean live, List<String> symbols) {
        db.insertInto(CONFIG_APPLIED)
                .set(CONFIG_APPLIED.KIND, kind).set(CONFIG_APPLIED.CONFIG_KEY, key).set(CONFIG_APPLIED.VERSION, version)
                .set(CONFIG_APPLIED.APPLIED_BY, by).set(CONFIG_APPLIED.APPLIED_AT, at).set(CONFIG_APPLIED.REASON, reason)
                .set(CONFIG_APPLIED.LIVE, live).set(CONFIG_APPLIED.SYMBOLS, symbols == null ? null : String.join(",", symbols))
                .execute();
    }

    /** Key to the symbols its applied version's universe resolved to when it was applied (keys whose version lists its symbols: absent). */
    Map<String, List<String>> appliedSymbols(String kind) {
        Map<String, List<String>> out = new HashMap<>();
        db.select(CONFIG_APPLIED.CONFIG_KEY, CONFIG_APPLIED.SYMBOLS).from(CONFIG_APPLIED).where(CONFIG_APPLIED.KIND.eq(kind))
                .orderBy(CONFIG_APPLIED.SEQ).forEach(r -> {
                    if (r.value2() == null) out.remove(r.value1());
                    else out.put(r.value1(), List.of(r.value2().split(",")));
                });
        return out;
    }

    /** Key to the version applied now, of {@code kind}. */
    Map<String, Integer> appliedVersions(String kind) {
        Map<String, Integer> out = new HashMap<>();
        db.select(CONFIG_APPLIED.CONFIG_KEY, CONFIG_APPLIED.VERSION).from(CONFIG_APPLIED).where(CONFIG_APPLIED.KIND.eq(kind))
                .orderBy(CONFIG_APPLIED.SEQ).forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    /** Every version of {@code key}, oldest first. */
    List<ConfigVersion> history(String kind, String key) {
        Integer applied = appliedVersions(kind).get(key);
        List<ConfigVersion> out = new ArrayList<>();
        db.selectFrom(CONFIG_VERSION).where(CONFIG_VERSION.KIND.eq(kind), CONFIG_VERSION.CONFIG_KEY.eq(key))
                .orderBy(CONFIG_VERSION.VERSION).forEach(r -> out.add(version(r, applied)));
        return out;
    }

    Optional<ConfigVersion> find(String kind, String key, int version) {
        Integer applied = appliedVersions(kind).get(key);
        return db.selectFrom(CONFIG_VERSION)
                .where(CONFIG_VERSION.KIND.eq(kind), CONFIG_VERSION.CONFIG_KEY.eq(key), CONFIG_VERSION.VERSION.eq(version))
                .fetchOptional().map(r -> version(r, applied));
    }

    /** The latest version of every key of {@code kind}, by key. */
    List<ConfigVersion> latest(String kind) {
        Map<String, Integer> applied = appliedVersions(kind);
        var v = CONFIG_VERSION.as("v");
        List<ConfigVersion> out = new ArrayList<>();
        db.selectFrom(CONFIG_VERSION).where(CONFIG_VERSION.KIND.eq(kind)).and(CONFIG_VERSION.VERSION.eq(
                        DSL.select(DSL.max(v.VERSION)).from(v).where(v.KIND.eq(CONFIG_VERSION.KIND), v.CONFIG_KEY.eq(CONFIG_VERSION.CONFIG_KEY))))
                .orderBy(CONFIG_VERSION.CONFIG_KEY).forEach(r -> out.add(version(r, applied.get(r.getConfigKey()))));
        return out;
    }

    private static ConfigVersion version(Record rec, Integer applied) {
        var r = rec.into(CONFIG_VERSION);
        return new ConfigVersion(r.getKind(), r.getConfigKey(), r.getVersion(), r.getDocument(), r.getBasedOn(), r.getCreatedBy(),
                r.getCreatedAt(), r.getReason(), applied != null && applied == r.getVersion());
    }
}
