package io.tradepilot.reconciliation.internal;

import io.tradepilot.brokers.VenueSession;
import io.tradepilot.controls.LiveModePreconditions;
import io.tradepilot.controls.Refusal;
import io.tradepilot.controls.RefusalCode;
import io.tradepilot.reconciliation.ReconciliationRun;
import io.tradepilot.trading.TradingQueries;

import java.util.Optional;

/**
 * The LIVE gates this module can answer, in order: no open paper positions (the ledger), a connected venue whose
 * account is live, and a clean reconciliation (the newest run compared that venue, found nothing, and nothing is open).
 */
final class ReconciliationLivePreconditions implements LiveModePreconditions {

    private final TradingQueries queries;
    private final ReconciliationRunner runner;
    private final JooqReconciliationStore store;

    ReconciliationLivePreconditions(TradingQueries queries, ReconciliationRunner runner, JooqReconciliationStore store) {
        this.queries = queries;
        this.runner = runner;
        this.store = store;
    }

    @Override
    public Optional<Refusal> unmet() {
        int open = queries.openPositions().size();
        if (open > 0) {
            return Optional.of(new Refusal(RefusalCode.PAPER_POSITIONS_OPEN, open + " paper position(s) are open: close them before going LIVE."));
        }
        Optional<VenueSession> session = runner.session();
        if (session.isEmpty()) {
            return Optional.of(new Refusal(RefusalCode.NO_VENUE_CONNECTED, "No broker account is connected (Connections page)."));
        }
        if (!session.get().live()) {
            return Optional.of(new Refusal(RefusalCode.VENUE_NOT_LIVE, "The connected " + session.get().broker() + " account "
                    + session.get().accountId() + " points at the broker's paper endpoints, not a live account."));
        }
        Optional<ReconciliationRun> last = store.lastRun();
        if (last.isEmpty() || last.get().outcome() != ReconciliationRun.Outcome.CLEAN || store.openCount() > 0
                || !session.get().accountId().equals(last.get().accountId())) {
            return Optional.of(new Refusal(RefusalCode.RECONCILIATION_NOT_CLEAN, "The last reconciliation with "
                    + session.get().accountId() + " was not clean" + last.map(r -> " (" + r.outcome() + ", " + r.detail() + ")").orElse(" (none yet)")
                    + ": resolve the differences and run it again."));
        }
        return Optional.empty();
    }
}
