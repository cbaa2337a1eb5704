package io.tradepilot.reconciliation;

import java.util.List;
import java.util.Optional;

/**
 * Reconciliation with the connected broker. Reading is for every signed-in role; running it by hand and resolving a
 * difference are for admins (method security), each attempt audited ({@code RECONCILIATION_RUN},
 * {@code RECONCILIATION_ADOPT}, {@code RECONCILIATION_CLOSE}, {@code RECONCILIATION_IGNORE}; denials included).
 */
public interface Reconciliation {

    /** Compares the ledger with the broker's book now (as the scheduled runs do). */
    ReconciliationRun runNow();

    /** The newest run, if any. */
    Optional<ReconciliationRun> lastRun();

    /** Differences, newest first; {@code openOnly}: only those not resolved. */
    List<Mismatch> mismatches(boolean openOnly);

    /**
     * Whether the books agree now: the newest run compared a connected venue, found nothing open, and no difference was
     * left open since (LIVE mode requires it).
     */
    boolean clean();

    /**
     * Books the broker's position into the ledger (position differences only): the engine takes the difference at the
     * broker's average price.
     *
     * @throws ReconciliationRefusal see its codes
     */
    Mismatch adopt(long mismatchId, String reason);

    /**
     * Closes the broker's position difference at the broker (a market order of ledger − broker, outside the engine's
     * book), position differences only.
     *
     * @throws ReconciliationRefusal see its codes
     */
    Mismatch close(long mismatchId, String reason);

    /**
     * Leaves a difference as it is, with a reason of at least 10 characters.
     *
     * @throws ReconciliationRefusal see its codes
     */
    Mismatch ignore(long mismatchId, String reason);
}
