package io.tradepilot.reconciliation;

import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.venue.ExecutionReport;

import java.math.BigDecimal;
import java.util.List;

/**
 * What reconciliation needs from the engine host (implemented by the host that runs the engine and its venue; without
 * such a bean, missed fills stay open mismatches and adopting or closing is refused with {@code ENGINE_UNAVAILABLE}).
 */
public interface EngineReconciliation {

    /**
     * Hands back-filled executions to the engine, in order, as {@code EngineCommand.VenueReport}s on its single writer
     * (the engine ignores what its cumulative quantities already count); false when no engine runs here.
     */
    boolean report(List<ExecutionReport> reports);

    /**
     * Books {@code quantity} (signed) of {@code instrument} at {@code price} into the engine's portfolio and the
     * ledger, as the broker holds it (adopting the broker's position); false when no engine runs here.
     */
    boolean adoptPosition(Instrument instrument, BigDecimal quantity, BigDecimal price, String reason);

    /**
     * Sends a market order of {@code quantity} (signed: negative sells) of {@code instrument} to the broker, outside
     * the engine's book (closing a position only the broker holds); false when no venue is connected here.
     */
    boolean closeAtBroker(Instrument instrument, BigDecimal quantity, String reason);
}
