package io.tradepilot.journal.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.journal.JournalAnnotations;
import io.tradepilot.journal.JournalRefusal;
import io.tradepilot.security.CurrentUser;
import io.tradepilot.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.method.HandleAuthorizationDenied;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;

/** {@link JournalAnnotations} in the journal's tables; every attempt audited (SUCCESS, FAILED with the reason, DENIED). */
class DefaultJournalAnnotations implements JournalAnnotations {

    private final JooqJournalStore store;
    private final JournalBook book;
    private final JooqTradeTable table;
    private final JournalAudit audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DefaultJournalAnnotations(JooqJournalStore store, JournalBook book, JooqTradeTable table, JournalAudit audit, TransactionTemplate transactions,
                              Clock clock) {
        this.store = store;
        this.book = book;
        this.table = table;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = JournalDeniedHandler.class)
    public List<String> setTags(long tradeId, List<String> tags) {
        List<String> clean;
        try {
            requireTrade(tradeId);
            clean = TextRules.tags(tags);
        } catch (JournalRefusal refusal) {
            audit.record(JournalAudit.TAGS, tradeId, AuditOutcome.FAILED, refusal.code() + ": " + refusal.getMessage());
            throw refusal;
        }
        AuditLog.Pending record = audit.begin(JournalAudit.TAGS, tradeId, "tags: " + String.join(", ", clean));
        try {
            transactions.executeWithoutResult(s -> table.replaceTags(store, tradeId, clean, CurrentUser.username(),
                    clock.instant()));
        } catch (RuntimeException e) {
            record.complete(AuditOutcome.FAILED, e.getClass().getSimpleName());
            throw e;
        }
        record.complete(AuditOutcome.SUCCESS, "tags: " + String.join(", ", clean));
        return clean;
    }

    @Override
    @PreAuthorize(Roles.IS_OPERATOR_OR_ADMIN)
    @HandleAuthorizationDenied(handlerClass = JournalDeniedHandler.class)
    public void setNote(long tradeId, String markdown) {
        String clean;
        try {
            requireTrade(tradeId);
            clean = TextRules.note(markdown);
        } catch (JournalRefusal refusal) {
            audit.record(JournalAudit.NOTE, tradeId, AuditOutcome.FAILED, refusal.code() + ": " + refusal.getMessage());
            throw refusal;
        }
        String detail = clean == null ? "note deleted" : "note of " + clean.length() + " characters";
        AuditLog.Pending record = audit.begin(JournalAudit.NOTE, tradeId, detail);
        try {
            store.putNote(tradeId, clean, CurrentUser.username(), clock.instant());
        } catch (RuntimeException e) {
            record.complete(AuditOutcome.FAILED, e.getClass().getSimpleName());
            throw e;
        }
        record.complete(AuditOutcome.SUCCESS, detail);
    }

    private void requireTrade(long tradeId) {
        book.syncIfBehind();
        if (!table.exists(tradeId)) throw JournalRefusal.noSuchTrade(tradeId);
    }
}
