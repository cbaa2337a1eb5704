package io.tradepilot.alerts.internal;

import io.tradepilot.base.format.Json;
import static io.tradepilot.db.Tables.ALERT;
import static io.tradepilot.db.Tables.ALERT_CHANNEL;
import static io.tradepilot.db.Tables.ALERT_DELIVERY;
import static io.tradepilot.db.Tables.ALERT_RULE;
import static io.tradepilot.db.Tables.ALERT_SETTINGS;

import io.tradepilot.alerts.AlertEntry;
import io.tradepilot.alerts.AlertRule;
import io.tradepilot.alerts.ChannelKind;
import io.tradepilot.alerts.QuietHours;
import io.tradepilot.alerts.RuleSetting;
import io.tradepilot.alerts.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The alerts' tables. Secrets pass through here only sealed ({@link StoredChannel#sealedSecret()}); opening them
 * is the caller's business. Every method runs in the caller's transaction.
 */
final class JooqAlertStore {

    private static final JsonMapper JSON = Json.mapper();
    private static final TypeReference<LinkedHashMap<String, String>> SETTINGS = new TypeReference<>() {
    };

    private final DSLContext db;

    JooqAlertStore(DSLContext db) {
        this.db = db;
    }

    /** A channel row as stored: settings in the clear, the secret sealed. */
    record StoredChannel(long id, String name, ChannelKind kind, boolean enabled, Severity minSeverity, int ratePerMinute,
                         Map<String, String> settings, String sealedSecret, String updatedBy, Instant updatedAt) {
    }

    /** A delivery claimed for sending: {@code attempts} counts this attempt and fences the outcome. */
    record Claimed(long id, long alertId, long channelId, int attempts) {
    }

    // ---- channels

    List<StoredChannel> channels() {
        return db.selectFrom(ALERT_CHANNEL).orderBy(ALERT_CHANNEL.NAME).fetch(this::channel);
    }

    Optional<StoredChannel> channel(long id) {
        return db.selectFrom(ALERT_CHANNEL).where(ALERT_CHANNEL.ID.eq(id)).fetchOptional(this::channel);
    }

    boolean nameTaken(String name, Long exceptId) {
        var condition = DSL.lower(ALERT_CHANNEL.NAME).eq(name.toLowerCase(java.util.Locale.ROOT));
        if (exceptId != null) {
            condition = condition.and(ALERT_CHANNEL.ID.ne(exceptId));
        }
        return db.fetchExists(ALERT_CHANNEL, condition);
    }

    long insertChannel(StoredChannel c) {
        return db.insertInto(ALERT_CHANNEL)
                .set(ALERT_CHANNEL.NAME, c.name()).set(ALERT_CHANNEL.KIND, c.kind().name())
                .set(ALERT_CHANNEL.ENABLED, c.enabled()).set(ALERT_CHANNEL.MIN_SEVERITY, c.minSeverity().name())
                .set(ALERT_CHANNEL.RATE_PER_MINUTE, c.ratePerMinute()).set(ALERT_CHANNEL.SETTINGS, json(c.settings()))
                .set(ALERT_CHANNEL.SECRET, c.sealedSecret()).set(ALERT_CHANNEL.UPDATED_BY, c.updatedBy())
                .set(ALERT_CHANNEL.UPDATED_AT, c.updatedAt())
                .returning(ALERT_CHANNEL.ID).fetchOne().getId();
    }

    void updateChannel(StoredChannel c) {
        db.update(ALERT_CHANNEL)
                .set(ALERT_CHANNEL.NAME, c.name()).set(ALERT_CHANNEL.KIND, c.kind().name())
                .set(ALERT_CHANNEL.ENABLED, c.enabled()).set(ALERT_CHANNEL.MIN_SEVERITY, c.minSeverity().name())
                .set(ALERT_CHANNEL.RATE_PER_MINUTE, c.ratePerMinute()).set(ALERT_CHANNEL.SETTINGS, json(c.settings()))
                .set(ALERT_CHANNEL.SECRET, c.sealedSecret()).set(ALERT_CHANNEL.UPDATED_BY, c.updatedBy())
                .set(ALERT_CHANNEL.UPDATED_AT, c.updatedAt())
                .where(ALERT_CHANNEL.ID.eq(c.id())).execute();
    }

    boolean deleteChannel(long id) {
        return db.deleteFrom(ALERT_CHANNEL).where(ALERT_CHANNEL.ID.eq(id)).execute() > 0;
    }

    // ---- rules and quiet hours

    Map<AlertRule, RuleSetting> rules() {
        Map<AlertRule, RuleSetting> rules = new LinkedHashMap<>();
        for (AlertRule rule : AlertRule.values()) {
            rules.put(rule, RuleSetting.defaults(rule));
        }
        db.selectFrom(ALERT_RULE).fetch().forEach(r -> {
            try {
                AlertRule rule = AlertRule.valueOf(r.getRule());
                rules.put(rule, new RuleSetting(rule, r.getEnabled(), Severity.valueOf(r.getSeverity()),
                        Duration.ofSeconds(r.getDedupSeconds()), r.getUpdatedBy(), r.getUpdatedAt()));
            } catch (IllegalArgumentException ruleOfAnotherVersion) {
                // a rule this version does not know stays stored and unused
            }
        });
        return rules;
    }

    RuleSetting rule(AlertRule rule) {
        return db.selectFrom(ALERT_RULE).where(ALERT_RULE.RULE.eq(rule.name())).fetchOptional()
                .map(r -> new RuleSetting(rule, r.getEnabled(), Severity.valueOf(r.getSeverity()),
                        Duration.ofSeconds(r.getDedupSeconds()), r.getUpdatedBy(), r.getUpdatedAt()))
                .orElseGet(() -> RuleSetting.defaults(rule));
    }

    void saveRule(RuleSetting s) {
        db.insertInto(ALERT_RULE)
                .set(ALERT_RULE.RULE, s.rule().name()).set(ALERT_RULE.ENABLED, s.enabled())
                .set(ALERT_RULE.SEVERITY, s.severity().name()).set(ALERT_RULE.DEDUP_SECONDS, (int) s.dedupWindow().toSeconds())
                .set(ALERT_RULE.UPDATED_BY, s.updatedBy()).set(ALERT_RULE.UPDATED_AT, s.updatedAt())
                .onConflict(ALERT_RULE.RULE).doUpdate()
                .set(ALERT_RULE.ENABLED, s.enabled()).set(ALERT_RULE.SEVERITY, s.severity().name())
                .set(ALERT_RULE.DEDUP_SECONDS, (int) s.dedupWindow().toSeconds())
                .set(ALERT_RULE.UPDATED_BY, s.updatedBy()).set(ALERT_RULE.UPDATED_AT, s.updatedAt())
                .execute();
    }

    QuietHours quietHours() {
        return db.selectFrom(ALERT_SETTINGS).where(ALERT_SETTINGS.ID.eq(1)).fetchOptional()
                .map(r -> new QuietHours(r.getQuietFrom(), r.getQuietTo(), ZoneId.of(r.getZone())))
                .orElseGet(() -> QuietHours.none(ZoneId.of("UTC")));
    }

    void saveQuietHours(QuietHours q, String user, Instant at) {
        db.update(ALERT_SETTINGS).set(ALERT_SETTINGS.QUIET_FROM, q.from()).set(ALERT_SETTINGS.QUIET_TO, q.to())
                .set(ALERT_SETTINGS.ZONE, q.zone().getId()).set(ALERT_SETTINGS.UPDATED_BY, user)
                .set(ALERT_SETTINGS.UPDATED_AT, at).where(ALERT_SETTINGS.ID.eq(1)).execute();
    }

    // ---- raising

    /** Serializes raises of one rule and key across transactions and instances until this transaction ends. */
    void lockRuleKey(AlertRule rule, String key) {
        db.execute("SELECT pg_advisory_xact_lock(hashtextextended({0}, 7001))", DSL.val(rule.name() + ":" + key));
    }

    boolean sourceRaised(String sourceId) {
        return db.fetchExists(ALERT, ALERT.SOURCE_ID.eq(sourceId));
    }

    /** Folds a raise into the newest alert of {@code rule} and {@code key} raised at or after {@code since}; false when there is none. */
    boolean foldIntoRecent(AlertRule rule, String key, Instant since) {
        Long id = db.select(ALERT.ID).from(ALERT)
                .where(ALERT.RULE.eq(rule.name()), ALERT.DEDUP_KEY.eq(key), ALERT.RAISED_AT.ge(since))
                .orderBy(ALERT.RAISED_AT.desc(), ALERT.ID.desc()).limit(1).fetchOne(ALERT.ID);
        if (id == null) {
            return false;
        }
        db.update(ALERT).set(ALERT.REPEATS, ALERT.REPEATS.plus(1)).where(ALERT.ID.eq(id)).execute();
        return true;
    }

    /** Inserts an alert; empty when an alert with the same source id exists. */
    Optional<Long> insertAlert(AlertRule rule, Severity severity, String key, String sourceId, String title, String body,
                               Instant at) {
        return db.insertInto(ALERT)
                .set(ALERT.RULE, rule.name()).set(ALERT.SEVERITY, severity.name()).set(ALERT.DEDUP_KEY, key)
                .set(ALERT.SOURCE_ID, sourceId).set(ALERT.TITLE, title).set(ALERT.BODY, body)
                .set(ALERT.RAISED_AT, at).set(ALERT.REPEATS, 0)
                .onConflict(ALERT.SOURCE_ID).doNothing()
                .returning(ALERT.ID).fetchOptional().map(r -> r.getId());
    }

    void insertDelivery(long alertId, long channelId, Instant due) {
        db.insertInto(ALERT_DELIVERY)
                .set(ALERT_DELIVERY.ALERT_ID, alertId).set(ALERT_DELIVERY.CHANNEL_ID, channelId)
                .set(ALERT_DELIVERY.STATUS, AlertEntry.DeliveryStatus.PENDING.name()).set(ALERT_DELIVERY.ATTEMPTS, 0)
                .set(ALERT_DELIVERY.NEXT_ATTEMPT_AT, due)
                .onConflictDoNothing().execute();
    }

    // ---- the outbox

    /**
     * Claims up to {@code limit} due deliveries for this sender until {@code leaseUntil}: pending ones due at
     * {@code now}, and those whose sender's lease ran out. Rows another transaction holds are skipped, so two
     * senders never claim the same delivery.
     */
    List<Claimed> claim(Instant now, Instant leaseUntil, int limit) {
        return db.resultQuery("""
                        UPDATE alert_delivery SET status = 'SENDING', lease_until = {0}, attempts = attempts + 1
                        WHERE id IN (SELECT id FROM alert_delivery
                                     WHERE (status = 'PENDING' AND next_attempt_at <= {1})
                                        OR (status = 'SENDING' AND lease_until <= {1})
                                     ORDER BY next_attempt_at, id LIMIT {2} FOR UPDATE SKIP LOCKED)
                        RETURNING id, alert_id, channel_id, attempts""",
                        DSL.val(leaseUntil, ALERT_DELIVERY.LEASE_UNTIL.getDataType()),
                        DSL.val(now, ALERT_DELIVERY.NEXT_ATTEMPT_AT.getDataType()), DSL.val(limit))
                .fetch(r -> new Claimed(r.get("id", Long.class), r.get("alert_id", Long.class),
                        r.get("channel_id", Long.class), r.get("attempts", Integer.class)));
    }

    /** Deliveries of {@code channelId} sent at or after {@code since}, oldest first. */
    List<Instant> sentSince(long channelId, Instant since) {
        return db.select(ALERT_DELIVERY.SENT_AT).from(ALERT_DELIVERY)
                .where(ALERT_DELIVERY.CHANNEL_ID.eq(channelId), ALERT_DELIVERY.SENT_AT.ge(since))
                .orderBy(ALERT_DELIVERY.SENT_AT).fetch(ALERT_DELIVERY.SENT_AT);
    }

    /** Puts a claimed delivery back without counting the attempt (rate limit); false when the claim was lost. */
    boolean release(Claimed c, Instant due) {
        return finish(c, AlertEntry.DeliveryStatus.PENDING, c.attempts() - 1, due, null, null);
    }

    boolean markSent(Claimed c, Instant at) {
        return finish(c, AlertEntry.DeliveryStatus.SENT, c.attempts(), at, at, null);
    }

    boolean markRetry(Claimed c, Instant due, String error) {
        return finish(c, AlertEntry.DeliveryStatus.PENDING, c.attempts(), due, null, error);
    }

    boolean markFailed(Claimed c, Instant at, String error) {
        return finish(c, AlertEntry.DeliveryStatus.FAILED, c.attempts(), at, null, error);
    }

    private boolean finish(Claimed c, AlertEntry.DeliveryStatus status, int attempts, Instant next, Instant sentAt, String error) {
        return db.update(ALERT_DELIVERY).set(ALERT_DELIVERY.STATUS, status.name()).set(ALERT_DELIVERY.ATTEMPTS, attempts)
                .set(ALERT_DELIVERY.NEXT_ATTEMPT_AT, next).set(ALERT_DELIVERY.SENT_AT, sentAt)
                .set(ALERT_DELIVERY.LEASE_UNTIL, (Instant) null)
                .set(ALERT_DELIVERY.LAST_ERROR, error == null ? null : cut(error, 500))
                .where(ALERT_DELIVERY.ID.eq(c.id()), ALERT_DELIVERY.STATUS.eq(AlertEntry.DeliveryStatus.SENDING.name()),
                        ALERT_DELIVERY.ATTEMPTS.eq(c.attempts()))
                .execute() == 1;
    }

    /** The alert of a delivery, as it goes out. */
    Optional<OutgoingAlert> outgoing(Claimed c) {
        return db.selectFrom(ALERT).where(ALERT.ID.eq(c.alertId())).fetchOptional()
                .map(a -> new OutgoingAlert(c.id(), a.getId(), AlertRule.valueOf(a.getRule()), Severity.valueOf(a.getSeverity()),
                        a.getTitle(), a.getBody(), a.getRaisedAt(), a.getRepeats()));
    }

    // ---- history

    List<AlertEntry> history(int offset, int limit) {
        var alerts = db.selectFrom(ALERT).orderBy(ALERT.RAISED_AT.desc(), ALERT.ID.desc()).offset(offset).limit(limit).fetch();
        List<Long> ids = alerts.map(a -> a.getId());
        Map<Long, List<AlertEntry.Delivery>> deliveries = deliveries(ids);
        List<AlertEntry> entries = new ArrayList<>();
        for (var a : alerts) {
            entry(a, deliveries.getOrDefault(a.getId(), List.of())).ifPresent(entries::add);
        }
        return entries;
    }

    /** One alert with its deliveries, empty when unknown (or of a rule this version does not know). */
    Optional<AlertEntry> entry(long id) {
        return db.selectFrom(ALERT).where(ALERT.ID.eq(id)).fetchOptional()
                .flatMap(a -> entry(a, deliveries(List.of(id)).getOrDefault(id, List.of())));
    }

    /** The row as an entry; empty for a rule of another version (the history skips it). */
    private static Optional<AlertEntry> entry(io.tradepilot.db.tables.records.AlertRecord a, List<AlertEntry.Delivery> deliveries) {
        AlertRule rule;
        try {
            rule = AlertRule.valueOf(a.getRule());
        } catch (IllegalArgumentException ruleOfAnotherVersion) {
            return Optional.empty();
        }
        return Optional.of(new AlertEntry(a.getId(), rule, Severity.valueOf(a.getSeverity()), a.getTitle(), a.getBody(),
                a.getRaisedAt(), a.getRepeats(), deliveries, a.getAcknowledgedBy(), a.getAcknowledgedAt()));
    }

    /** Stores who acknowledged alert {@code id} and when, unless it already is; true when this call did. */
    boolean acknowledge(long id, String username, Instant at) {
        return db.update(ALERT).set(ALERT.ACKNOWLEDGED_BY, username).set(ALERT.ACKNOWLEDGED_AT, at)
                .where(ALERT.ID.eq(id)).and(ALERT.ACKNOWLEDGED_AT.isNull()).execute() > 0;
    }

    long unacknowledged() {
        return db.fetchCount(ALERT, ALERT.ACKNOWLEDGED_AT.isNull());
    }

    private Map<Long, List<AlertEntry.Delivery>> deliveries(Collection<Long> alertIds) {
        Map<Long, List<AlertEntry.Delivery>> byAlert = new LinkedHashMap<>();
        if (alertIds.isEmpty()) {
            return byAlert;
        }
        db.select(ALERT_DELIVERY.ALERT_ID, ALERT_DELIVERY.CHANNEL_ID, ALERT_CHANNEL.NAME, ALERT_DELIVERY.STATUS,
                        ALERT_DELIVERY.ATTEMPTS, ALERT_DELIVERY.NEXT_ATTEMPT_AT, ALERT_DELIVERY.SENT_AT, ALERT_DELIVERY.LAST_ERROR)
                .from(ALERT_DELIVERY).join(ALERT_CHANNEL).on(ALERT_CHANNEL.ID.eq(ALERT_DELIVERY.CHANNEL_ID))
                .where(ALERT_DELIVERY.ALERT_ID.in(alertIds)).orderBy(ALERT_CHANNEL.NAME)
                .forEach(r -> byAlert.computeIfAbsent(r.get(ALERT_DELIVERY.ALERT_ID), k -> new ArrayList<>())
                        .add(new AlertEntry.Delivery(r.get(ALERT_DELIVERY.CHANNEL_ID), r.get(ALERT_CHANNEL.NAME),
                                AlertEntry.DeliveryStatus.valueOf(r.get(ALERT_DELIVERY.STATUS)), r.get(ALERT_DELIVERY.ATTEMPTS),
                                r.get(ALERT_DELIVERY.NEXT_ATTEMPT_AT), r.get(ALERT_DELIVERY.SENT_AT), r.get(ALERT_DELIVERY.LAST_ERROR))));
        return byAlert;
    }

    private StoredChannel channel(Record r) {
        var c = r.into(ALERT_CHANNEL);
        return new StoredChannel(c.getId(), c.getName(), ChannelKind.valueOf(c.getKind()), c.getEnabled(),
                Severity.valueOf(c.getMinSeverity()), c.getRatePerMinute(), settings(c.getSettings()), c.getSecret(),
                c.getUpdatedBy(), c.getUpdatedAt());
    }

    private static Map<String, String> settings(String json) {
        return json == null || json.isBlank() ? Map.of() : JSON.readValue(json, SETTINGS);
    }

    private static String json(Map<String, String> settings) {
        return JSON.writeValueAsString(new java.util.TreeMap<>(settings));
    }

    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
