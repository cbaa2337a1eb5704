package io.tradepilot.journal.internal;

import io.tradepilot.audit.AuditOutcome;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.MethodAuthorizationDeniedHandler;

/**
 * Runs when {@code @PreAuthorize} denies a journal edit: writes the DENIED audit record (the method body, which
 * audits everything else, never runs then) and denies as usual.
 */
class JournalDeniedHandler implements MethodAuthorizationDeniedHandler {

    private final JournalAudit audit;

    JournalDeniedHandler(JournalAudit audit) {
        this.audit = audit;
    }

    @Override
    public Object handleDeniedInvocation(MethodInvocation invocation, AuthorizationResult result) {
        Object[] args = invocation.getArguments();
        long tradeId = args.length > 0 && args[0] instanceof Long id ? id : -1;
        String action = invocation.getMethod().getName().equals("setNote") ? JournalAudit.NOTE : JournalAudit.TAGS;
        audit.record(action, tradeId, AuditOutcome.DENIED, "denied by method security: requires role OPERATOR");
        throw new AuthorizationDeniedException("Access denied", result);
    }
}
