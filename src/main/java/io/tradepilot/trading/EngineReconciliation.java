package io.tradepilot.trading;

import io.tradepilot.brokers.VenueSession;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.venue.ExecutionReport;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The broker venue of the engine leading on this instance, as reconciliation reaches it through the host (the host's
 * open {@link VenueSession}, the engine's single writer): never a second session of its own. Implemented by the
 * engine host; without an engine leading here at a broker account there is nothing to reconcile.
 */
public interface EngineReconciliation {

    /**
     * The broker session the leading engine trades through here (the active account's, opened by the host); empty at
     * the paper venue or when no engine leads on this instance.
     */
    Optional<VenueSession> session();

    /**
     * Hands back-filled executions to the engine, in order, as {@code EngineCommand.VenueReport}s on its single writer
     * (the engine ignores what its cumulative quantities already count); false when no engine trades a broker here.
     */
    boolean report(List<ExecutionReport> reports);

    /**
     * Books {@code quantity} (signed) of {@code instrument} at {@code price} into the engine's portfolio and the
     * ledger, as the broker holds it (adopting the broker's position: an order of strategy {@code reconciliation} with
     * an {@code ADOPTED} event, filled at once without commission), and returns once that is recorded; false when this
     * cannot be done here (no engine trading a broker here, a symbol the engine does not trade, not recorded in time).
     */
    boolean adoptPosition(Instrument instrument, BigDecimal quantity, BigDecimal price, String reason);

    /**
     * Sends a market order of {@code quantity} (signed: negative sells) of {@code instrument} to the broker so that the
     * broker holds what the ledger holds: the engine first books the opposite difference at {@code brokerPrice} (null
     * when the broker holds none: the ledger's average price), then places the order through its write-ahead path
     * (recorded before it is sent, a derived client order id), and its fills are applied like any other; returns once the
     * order is recorded. False as for {@link #adoptPosition}.
     */
    boolean closeAtBroker(Instrument instrument, BigDecimal quantity, BigDecimal brokerPrice, String reason);

    /**
     * Reconciliation compared {@code session}'s book with the ledger ({@code clean}: nothing open). The host holds new
     * entries at a broker from each engine start until the first clean comparison of its session (fail closed).
     */
    default void reconciled(VenueSession session, boolean clean) { }
}
