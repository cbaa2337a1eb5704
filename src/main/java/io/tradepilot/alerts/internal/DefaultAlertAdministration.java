package io.tradepilot.alerts.internal;

import io.tradepilot.alerts.AlertAdministration;
import io.tradepilot.alerts.AlertRefusal;
import io.tradepilot.alerts.AlertRule;
import io.tradepilot.alerts.Channel;
import io.tradepilot.alerts.ChannelKind;
import io.tradepilot.alerts.ChannelRequest;
import io.tradepilot.alerts.QuietHours;
import io.tradepilot.alerts.RuleSetting;
import io.tradepilot.alerts.Severity;
import io.tradepilot.alerts.TestSendResult;
import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.Roles;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Alerts configuration for admins (see {@link AlertAdministration}). Each change: audit record first
 * ({@link AlertsAudit#begin}), then validation and the change in one transaction, then the record completed with
 * SUCCESS or FAILED (the refusal's message). Audit details name settings and whether a secret was set, never the
 * secret.
 */
@PreAuthorize(Roles.IS_ADMIN)
@HandleAuthorizationDenied(handlerClass = AlertsDeniedHandler.class)
class DefaultAlertAdministration implements AlertAdministration {

    private final JooqAlertStore store;
    private final ChannelSecrets secrets;
    private final ChannelRules rules;
    private final Map<ChannelKind, ChannelTransport> transports;
    private final AlertsAudit audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DefaultAlertAdministration(JooqAlertStore store, ChannelSecrets secrets, ChannelRules rules,
                               Map<ChannelKind, ChannelTransport> transports, AlertsAudit audit,
                               TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.secrets = secrets;
        this.rules = rules;
        this.transports = transports;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public List<Channel> channels() {
        return transactions.execute(tx -> store.channels().stream().map(this::view).toList());
    }

    @Override
    public Channel createChannel(ChannelRequest request) {
        String name = request.name() == null ? "" : request.name().strip();
        return audited(AlertsAudit.CHANNEL_CREATED, "channel:" + name, describe(request), () -> {
            ChannelRules.Valid valid = rules.validate(request, true);
            if (store.nameTaken(valid.name(), null)) {
                throw new AlertRefusal(409, "CHANNEL_NAME_TAKEN", "name", "a channel named " + valid.name() + " exists");
            }
            JooqAlertStore.StoredChannel stored = new JooqAlertStore.StoredChannel(0, valid.name(), valid.kind(), valid.enabled(),
                    valid.minSeverity(), valid.ratePerMinute(), valid.settings(), secrets.seal(valid.kind(), valid.secret()),
                    CurrentUser.username(), clock.instant());
            long id = store.insertChannel(stored);
            return view(store.channel(id).orElseThrow());
        });
    }

    @Override
    public Channel updateChannel(long id, ChannelRequest request) {
        return audited(AlertsAudit.CHANNEL_UPDATED, "channel:" + id, describe(request), () -> {
            JooqAlertStore.StoredChannel existing = store.channel(id).orElseThrow(() -> AlertRefusal.noSuchChannel(id));
            boolean keepSecret = request.secret() == null;
            if (keepSecret && request.kind() != null && request.kind() != existing.kind()) {
                throw AlertRefusal.badParameter("secret", "a channel that changes its kind needs its new secret");
            }
            ChannelRules.Valid valid = rules.validate(request, false);
            if (store.nameTaken(valid.name(), id)) {
                throw new AlertRefusal(409, "CHANNEL_NAME_TAKEN", "name", "a channel named " + valid.name() + " exists");
            }
            String sealed = keepSecret ? existing.sealedSecret() : secrets.seal(valid.kind(), valid.secret());
            if (sealed == null && valid.kind() != ChannelKind.EMAIL) {
                throw AlertRefusal.badParameter("secret", "a " + valid.kind() + " channel needs its secret");
            }
            store.updateChannel(new JooqAlertStore.StoredChannel(id, valid.name(), valid.kind(), valid.enabled(),
                    valid.minSeverity(), valid.ratePerMinute(), valid.settings(), sealed, CurrentUser.username(), clock.instant()));
            return view(store.channel(id).orElseThrow());
        });
    }

    @Override
    public void deleteChannel(long id) {
        audited(AlertsAudit.CHANNEL_DELETED, "channel:" + id, null, () -> {
            if (!store.deleteChannel(id)) {
                throw AlertRefusal.noSuchChannel(id);
            }
            return null;
        });
    }

    @Override
    public TestSendResult testSend(long id) {
        JooqAlertStore.StoredChannel stored = transactions.execute(tx -> store.channel(id))
                .orElseThrow(() -> AlertRefusal.noSuchChannel(id));
        AuditLog.Pending record = audit.begin(AlertsAudit.CHANNEL_TESTED, "channel:" + stored.name(), stored.kind().name());
        Instant now = clock.instant();
        OutgoingAlert test = new OutgoingAlert(0, 0, AlertRule.EOD_REPORT, Severity.INFO, "Test message from Tradepilot",
                "Channel " + stored.name() + " works: sent by " + CurrentUser.username() + ".", now, 0);
        try {
            ChannelConfig channel = secrets.open(stored);
            transports.get(channel.kind()).send(channel, test);
            record.complete(AuditOutcome.SUCCESS, "delivered");
            return new TestSendResult(true, "delivered");
        } catch (DeliveryFailure failure) {
            record.complete(AuditOutcome.FAILED, failure.getMessage());
            return new TestSendResult(false, failure.getMessage());
        } catch (RuntimeException e) {
            String detail = "could not send: " + e.getClass().getSimpleName();
            record.complete(AuditOutcome.FAILED, detail);
            return new TestSendResult(false, detail);
        }
    }

    @Override
    public List<RuleSetting> rules() {
        return transactions.execute(tx -> new ArrayList<>(store.rules().values()));
    }

    @Override
    public RuleSetting updateRule(AlertRule rule, boolean enabled, Severity severity, int dedupSeconds) {
        String detail = "enabled " + enabled + "; severity " + severity + "; dedup " + dedupSeconds + " s";
        return audited(AlertsAudit.RULE_UPDATED, "rule:" + rule, detail, () -> {
            if (severity == null) {
                throw AlertRefusal.badParameter("severity", "severity is one of INFO, WARNING, CRITICAL");
            }
            if (dedupSeconds < 0 || dedupSeconds > 86_400) {
                throw AlertRefusal.badParameter("dedupSeconds", "dedupSeconds must be between 0 and 86400");
            }
            RuleSetting setting = new RuleSetting(rule, enabled, severity, Duration.ofSeconds(dedupSeconds),
                    CurrentUser.username(), clock.instant());
            store.saveRule(setting);
            return store.rule(rule);
        });
    }

    @Override
    public QuietHours quietHours() {
        return transactions.execute(tx -> store.quietHours());
    }

    @Override
    public QuietHours setQuietHours(QuietHours quietHours) {
        String detail = quietHours.off() ? "none" : quietHours.from() + "–" + quietHours.to() + " " + quietHours.zone();
        return audited(AlertsAudit.QUIET_HOURS_SET, "quiet-hours", detail, () -> {
            store.saveQuietHours(quietHours, CurrentUser.username(), clock.instant());
            return store.quietHours();
        });
    }

    private <T> T audited(String action, String target, String detail, Supplier<T> change) {
        return audit.audited(action, target, detail, transactions, change);
    }

    private Channel view(JooqAlertStore.StoredChannel c) {
        String hint;
        try {
            hint = ChannelSecrets.hint(c.kind(), secrets.open(c).secret());
        } catch (IllegalStateException unopenable) {
            hint = "•••• (cannot be opened: was TRADEPILOT_SECRETS_KEY changed?)";
        }
        return new Channel(c.id(), c.name(), c.kind(), c.enabled(), c.minSeverity(), c.ratePerMinute(), c.settings(),
                c.sealedSecret() != null, hint, c.updatedBy(), c.updatedAt());
    }

    /** The request for the audit log: kind, settings and whether a secret was given — never the secret. */
    private static String describe(ChannelRequest r) {
        return "kind " + r.kind() + "; enabled " + r.enabled() + "; min severity " + r.minSeverity() + "; rate "
                + r.ratePerMinute() + "; settings " + new java.util.TreeMap<>(r.settings()).keySet()
                + (r.secret() == null ? "; secret unchanged" : "; secret set");
    }
}
