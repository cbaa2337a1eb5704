package io.tradepilot.backtests.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.security.DeniedMethodAudit;
import io.tradepilot.security.Roles;

import java.util.Locale;

/**
 * Runs when {@code @PreAuthorize} denies a submit or cancel to a viewer: writes the DENIED audit record under the action
 * the allowed attempt records ({@code <NOUN>_SUBMITTED}, {@code <NOUN>_CANCELLED}) and denies as usual. One subclass per
 * service, because {@code @HandleAuthorizationDenied} names its handler by class.
 */
abstract class SubmitCancelDenied extends DeniedMethodAudit {

    private final String noun;

    /** @param noun the audit actions' prefix: {@code BACKTEST}, {@code SWEEP} */
    SubmitCancelDenied(AuditLog audit, String noun) {
        super(audit, noun + "_", Roles.OPERATOR);
        this.noun = noun;
    }

    @Override
    protected String target(Object[] arguments) {
        String name = noun.toLowerCase(Locale.ROOT);
        return arguments.length > 0 && arguments[0] instanceof Long id ? name + ":" + id : name + "s";
    }

    @Override
    protected String action(String method) {
        return "cancel".equals(method) ? noun + "_CANCELLED" : "submit".equals(method) ? noun + "_SUBMITTED" : super.action(method);
    }
}
