package io.tradepilot.alerts.internal;

import org.springframework.security.authorization.method.HandleAuthorizationDenied;

import io.tradepilot.alerts.AlertEntry;
import io.tradepilot.alerts.AlertRefusal;
import io.tradepilot.alerts.AlertRule;
import io.tradepilot.alerts.Alerts;
import io.tradepilot.alerts.QuietHours;
import io.tradepilot.alerts.RuleSetting;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Raises alerts into the outbox (see {@link Alerts#raise}): the rule's setting, de-duplication under a lock on
 * the rule and key, the alert and its deliveries in one transaction (joining the caller's when there is one).
 */
class DefaultAlerts implements Alerts {

    private static final Logger log = LoggerFactory.getLogger(DefaultAlerts.class);

    private final JooqAlertStore store;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Runnable wake;

    private final AlertsAudit audit;

    DefaultAlerts(JooqAlertStore store, TransactionTemplate transactions, Clock clock, Runnable wake, AlertsAudit audit) {
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
        this.wake = wake;
        this.audit = audit;
    }

    static final String ACKNOWLEDGED = "ALERT_ACKNOWLEDGED";

    @Override
    @HandleAuthorizationDenied(handlerClass = AlertAcknowledgeDeniedHandler.class)
    public AlertEntry acknowledge(long id) {
        String user = io.tradepilot.security.CurrentUser.username();
        AlertEntry entry = transactions.execute(tx -> store.entry(id))
                .orElseThrow(() -> new AlertRefusal(404, "ALERT_NOT_FOUND", "id", "no alert " + id));
        if (entry.acknowledged()) {
            throw new AlertRefusal(409, "ALERT_ALREADY_ACKNOWLEDGED", "id", "alert " + id + " was acknowledged by "
                    + entry.acknowledgedBy() + " at " + entry.acknowledgedAt());
        }
        return audit.audited(ACKNOWLEDGED, "alert:" + id, entry.title(), transactions, () -> {
            if (!store.acknowledge(id, user, clock.instant())) {
                throw new AlertRefusal(409, "ALERT_ALREADY_ACKNOWLEDGED", "id", "alert " + id + " was acknowledged meanwhile");
            }
            return store.entry(id).orElseThrow();
        });
    }

    @Override
    public long unacknowledged() {
        Long n = transactions.execute(tx -> store.unacknowledged());
        return n == null ? 0 : n;
    }

    @Override
    public Optional<Long> raise(AlertRule rule, String key, String sourceId, String title, String body) {
        Objects.requireNonNull(rule, "rule");
        if (key == null || key.isBlank() || key.length() > 200) {
            throw new IllegalArgumentException("An alert key has 1 to 200 characters");
        }
        Optional<Long> raised = transactions.execute(tx -> raiseInTransaction(rule, key, sourceId,
                JooqAlertStore.cut(title == null ? rule.label() : title, 200), JooqAlertStore.cut(body == null ? "" : body, 4000)));
        if (raised.isPresent()) {
            log.info("Alert #{} raised: {} ({})", raised.get(), rule, key);
            wake.run();
        }
        return raised;
    }

    private Optional<Long> raiseInTransaction(AlertRule rule, String key, String sourceId, String title, String body) {
        RuleSetting setting = store.rule(rule);
        if (!setting.enabled()) {
            return Optional.empty();
        }
        store.lockRuleKey(rule, key);
        if (sourceId != null && store.sourceRaised(JooqAlertStore.cut(sourceId, 200))) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!setting.dedupWindow().isZero() && store.foldIntoRecent(rule, key, now.minus(setting.dedupWindow()))) {
            return Optional.empty();
        }
        Optional<Long> id = store.insertAlert(rule, setting.severity(), key, sourceId == null ? null : JooqAlertStore.cut(sourceId, 200),
                title, body, now);
        if (id.isEmpty()) {
            return id;
        }
        QuietHours quiet = store.quietHours();
        Instant due = quiet.releaseAt(now, setting.severity());
        for (JooqAlertStore.StoredChannel channel : store.channels()) {
            if (channel.enabled() && setting.severity().atLeast(channel.minSeverity())) {
                store.insertDelivery(id.get(), channel.id(), due);
            }
        }
        return id;
    }

    @Override
    public List<AlertEntry> history(int offset, int limit) {
        if (offset < 0) {
            throw AlertRefusal.badParameter("offset", "offset must be 0 or more");
        }
        if (limit < 1 || limit > 500) {
            throw AlertRefusal.badParameter("limit", "limit must be between 1 and 500");
        }
        return transactions.execute(tx -> store.history(offset, limit));
    }
}
