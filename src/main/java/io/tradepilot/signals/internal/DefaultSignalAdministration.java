package io.tradepilot.signals.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.PlainText;
import io.tradepilot.security.Roles;
import io.tradepilot.security.UserAudit;
import io.tradepilot.signals.CreatedWebhookStrategy;
import io.tradepilot.signals.NewWebhookStrategy;
import io.tradepilot.signals.QuantityMode;
import io.tradepilot.signals.SignalAdministration;
import io.tradepilot.signals.SignalEntry;
import io.tradepilot.signals.SignalRefusal;
import io.tradepilot.signals.WebhookStrategy;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@link SignalAdministration}: reads for every signed-in role; changes for admins only, each audited before it is
 * made and completed with SUCCESS or FAILED (the refusal). Audit details never carry the secret.
 */
class DefaultSignalAdministration implements SignalAdministration {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9][A-Z0-9._&-]{0,39}");

    private final JooqSignalStore store;
    private final StrategySecrets secrets;
    private final UserAudit audit;
    private final Clock clock;

    DefaultSignalAdministration(JooqSignalStore store, StrategySecrets secrets, AuditLog audit, Clock clock) {
        this.store = store;
        this.secrets = secrets;
        this.audit = new UserAudit(audit);
        this.clock = clock;
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public List<WebhookStrategy> strategies() {
        return store.strategies().stream().map(DefaultSignalAdministration::view).toList();
    }

    @Override
    @PreAuthorize("isAuthenticated()")
    public List<SignalEntry> latestSignals(int limit) {
        return store.latest(Math.max(1, Math.min(500, limit)));
    }

    @Override
    @PreAuthorize(Roles.IS_ADMIN)
    @HandleAuthorizationDenied(handlerClass = SignalsDeniedHandler.class)
    public CreatedWebhookStrategy create(NewWebhookStrategy request) {
        String id = request == null || request.id() == null ? "" : request.id().strip();
        return audited("SIGNAL_STRATEGY_CREATED", "strategy:" + (id.isEmpty() ? "-" : id), describe(request), () -> {
            JooqSignalStore.StoredStrategy valid = validate(request);
            String secret = StrategySecrets.generate();
            JooqSignalStore.StoredStrategy sealed = new JooqSignalStore.StoredStrategy(valid.id(), valid.name(),
                    secrets.seal(valid.id(), secret), valid.symbols(), valid.quantityMode(), valid.quantity(), valid.riskAmount(),
                    valid.stopPercent(), valid.allowedActions(), valid.enabled(), CurrentUser.username(), clock.instant());
            if (!store.insert(sealed, CurrentUser.username())) {
                throw new SignalRefusal(409, "STRATEGY_EXISTS", "id", "A webhook strategy " + valid.id() + " exists.");
            }
            return new CreatedWebhookStrategy(view(store.strategy(valid.id()).orElseThrow()), secret);
        });
    }

    @Override
    @PreAuthorize(Roles.IS_ADMIN)
    @HandleAuthorizationDenied(handlerClass = SignalsDeniedHandler.class)
    public WebhookStrategy setEnabled(String id, boolean enabled) {
        String target = "strategy:" + (id == null || id.isBlank() ? "-" : id.strip());
        return audited(enabled ? "SIGNAL_STRATEGY_ENABLED" : "SIGNAL_STRATEGY_DISABLED", target, null, () -> {
            String key = id == null ? "" : id.strip();
            if (!store.setEnabled(key, enabled, CurrentUser.username(), clock.instant())) {
                throw new SignalRefusal(404, "UNKNOWN_STRATEGY", "id", "No webhook strategy " + (key.length() > 40 ? key.substring(0, 40) : key) + ".");
            }
            return view(store.strategy(key).orElseThrow());
        });
    }

    private <T> T audited(String action, String target, String detail, Supplier<T> change) {
        AuditLog.Pending record = audit.begin(action, target, detail,
                () -> new SignalRefusal(503, "AUDIT_UNAVAILABLE", null, "The change was not made: its audit record cannot be written."));
        try {
            T result = change.get();
            record.complete(AuditOutcome.SUCCESS, detail);
            return result;
        } catch (SignalRefusal refusal) {
            record.complete(AuditOutcome.FAILED, refusal.code() + ": " + refusal.getMessage());
            throw refusal;
        } catch (RuntimeException e) {
            record.complete(AuditOutcome.FAILED, "error: " + e.getClass().getSimpleName());
            throw e;
        }
    }

    /** The request checked field by field (without a secret yet). */
    static JooqSignalStore.StoredStrategy validate(NewWebhookStrategy r) {
        if (r == null) throw SignalRefusal.badParameter(null, "The strategy is missing.");
        String id = r.id() == null ? "" : r.id().strip();
        if (!ID.matcher(id).matches()) throw SignalRefusal.badParameter("id", "The id must be 1-40 of a-z, 0-9 and -, starting with a letter or digit.");
        String name = r.name() == null ? "" : r.name().strip();
        if (name.isEmpty() || name.length() > 80) throw SignalRefusal.badParameter("name", "The name must be 1-80 characters.");
        PlainText.singleLine("name", name).ifPresent(v -> {
            throw new SignalRefusal(422, "INVALID_TEXT", "name", v.message());
        });
        if (r.symbols() == null || r.symbols().isEmpty()) throw SignalRefusal.badParameter("symbols", "Map at least one ticker to a symbol.");
        Map<String, String> symbols = new LinkedHashMap<>();
        r.symbols().forEach((ticker, symbol) -> {
            String t = ticker == null ? "" : ticker.strip().toUpperCase(Locale.ROOT);
            String s = symbol == null ? "" : symbol.strip().toUpperCase(Locale.ROOT);
            if (!SYMBOL.matcher(t).matches() || !SYMBOL.matcher(s).matches()) {
                throw SignalRefusal.badParameter("symbols", "Tickers and symbols are 1-40 of A-Z, 0-9, . _ & -.");
            }
            symbols.put(t, s);
        });
        if (symbols.size() > 100) throw SignalRefusal.badParameter("symbols", "At most 100 symbol mappings.");
        if (r.quantityMode() == null) throw SignalRefusal.badParameter("quantityMode", "Choose FIXED or RISK sizing.");
        BigDecimal quantity = null, risk = null, stop = null;
        if (r.quantityMode() == QuantityMode.FIXED) {
            quantity = r.quantity();
            if (quantity == null || quantity.signum() <= 0) throw SignalRefusal.badParameter("quantity", "The quantity must be more than 0.");
        } else {
            risk = r.riskAmount();
            stop = r.stopPercent();
            if (risk == null || risk.signum() <= 0) throw SignalRefusal.badParameter("riskAmount", "The risk amount must be more than 0.");
            if (stop == null || stop.signum() <= 0 || stop.compareTo(BigDecimal.valueOf(100)) >= 0) {
                throw SignalRefusal.badParameter("stopPercent", "The stop percent must be above 0 and below 100.");
            }
        }
        if (r.allowedActions() == null || r.allowedActions().isEmpty()) throw SignalRefusal.badParameter("allowedActions", "Allow at least one action.");
        return new JooqSignalStore.StoredStrategy(id, name, null, symbols, r.quantityMode(), quantity, risk, stop, r.allowedActions(),
                r.enabled(), null, null);
    }

    private static WebhookStrategy view(JooqSignalStore.StoredStrategy s) {
        return new WebhookStrategy(s.id(), s.name(), s.symbols(), s.quantityMode(), s.quantity(), s.riskAmount(), s.stopPercent(),
                s.allowedActions(), s.enabled(), s.updatedBy(), s.updatedAt());
    }

    private static String describe(NewWebhookStrategy r) {
        return r == null ? null : "name " + r.name() + "; symbols " + r.symbols() + "; sizing " + r.quantityMode() + " " + r.quantity()
                + "/" + r.riskAmount() + "/" + r.stopPercent() + "; actions " + r.allowedActions() + "; enabled " + r.enabled();
    }
}
