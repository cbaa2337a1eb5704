package io.tradepilot.signals;

import java.util.List;

/**
 * Webhook strategies and the signals they received. Reading: every signed-in role. Creating, enabling and
 * disabling: admins only (method security, and a denial is audited as {@code SIGNAL_CONFIG_<METHOD>}); each change
 * is audited before it is made ({@code SIGNAL_STRATEGY_CREATED}, {@code SIGNAL_STRATEGY_ENABLED},
 * {@code SIGNAL_STRATEGY_DISABLED}) and refused (503 {@code AUDIT_UNAVAILABLE}) when that record cannot be written.
 */
public interface SignalAdministration {

    /** Every webhook strategy, by id. */
    List<WebhookStrategy> strategies();

    /** The newest {@code limit} (1–500) signals, newest first. */
    List<SignalEntry> latestSignals(int limit);

    /**
     * Creates a strategy with a fresh random secret (256 bits, base64url), returned this once and stored sealed.
     *
     * @throws SignalRefusal 400 {@code INVALID_PARAMETER} naming the field, 409 {@code STRATEGY_EXISTS}
     */
    CreatedWebhookStrategy create(NewWebhookStrategy strategy);

    /**
     * Enables or disables a strategy: a disabled one's signals are refused ({@code STRATEGY_DISABLED}), recorded.
     *
     * @throws SignalRefusal 404 {@code UNKNOWN_STRATEGY}
     */
    WebhookStrategy setEnabled(String id, boolean enabled);
}
