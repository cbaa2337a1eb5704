package io.tradepilot.trading.internal;

import io.tradepilot.brokers.VenueSession;
import io.tradepilot.engine.core.EngineCommand;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.venue.ExecutionReport;
import io.tradepilot.trading.EngineReconciliation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@link EngineReconciliation} over the engine this host runs: the session is the one {@link HostedEngine} opened for
 * the active account, back-filled executions go to the engine as {@link EngineCommand.VenueReport}s on its single
 * writer (like the venue's own reports). Adopting and closing at the broker are {@link EngineCommand.AdoptPosition}
 * and {@link EngineCommand.CloseAtBroker}, handed to the engine through the write-ahead placement path
 * ({@link Placements}: between two time steps, answered once what they booked and placed is committed to the ledger).
 * Both need an engine whose orders go to the broker here and a symbol it trades; otherwise they answer false (the page
 * refuses with {@code ENGINE_UNAVAILABLE}, nothing changed).
 */
final class HostReconciliation implements EngineReconciliation {

    private static final Logger log = LoggerFactory.getLogger(HostReconciliation.class);
    /** How long adopting or closing waits for the engine to apply and the ledger to record it. */
    static final Duration RECORDED_WITHIN = Duration.ofSeconds(15);

    private final EngineHost host;

    HostReconciliation(EngineHost host) {
        this.host = host;
    }

    @Override
    public Optional<VenueSession> session() {
        HostedEngine run = host.running();
        return run == null ? Optional.empty() : Optional.ofNullable(run.session);
    }

    @Override
    public boolean report(List<ExecutionReport> reports) {
        HostedEngine run = host.running();
        if (run == null || run.venue == null) return false; // the engine's orders fill at the paper venue: not the broker's
        for (ExecutionReport r : reports) run.engine.accept(new EngineCommand.VenueReport(r));
        return true;
    }

    @Override
    public boolean adoptPosition(Instrument instrument, BigDecimal quantity, BigDecimal price, String reason) {
        HostedEngine run = host.running();
        Instrument traded = traded(run, instrument, quantity);
        if (traded == null || price == null || price.signum() <= 0) return false;
        return recorded(run, new EngineCommand.AdoptPosition(traded, quantity, price, reason));
    }

    @Override
    public boolean closeAtBroker(Instrument instrument, BigDecimal quantity, BigDecimal brokerPrice, String reason) {
        HostedEngine run = host.running();
        Instrument traded = traded(run, instrument, quantity);
        if (traded == null) return false;
        return recorded(run, new EngineCommand.CloseAtBroker(traded, quantity.negate(), brokerPrice, reason));
    }

    /**
     * The engine's own instrument of {@code instrument}'s symbol when the engine here trades a broker, trades that symbol
     * in its currency, and {@code quantity} is a non-zero whole number of its lots (what the engine would refuse); else null.
     */
    private static Instrument traded(HostedEngine run, Instrument instrument, BigDecimal quantity) {
        if (run == null || run.venue == null || quantity == null || quantity.signum() == 0) return null;
        Instrument traded = run.instruments.get(instrument.symbol());
        if (traded == null) return null;
        try {
            OrderRequest.market(new ClientOrderId("check"), StrategyId.RECONCILIATION, traded, Side.BUY, new Quantity(quantity.abs()));
        } catch (IllegalArgumentException notWholeLots) {
            return null;
        }
        return traded;
    }

    private static boolean recorded(HostedEngine run, EngineCommand command) {
        try {
            boolean done = run.placements.sendAndAwaitRecorded(command, RECORDED_WITHIN);
            if (!done) log.warn("The engine did not record {} within {}", command, RECORDED_WITHIN);
            return done;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void reconciled(VenueSession session, boolean clean) {
        host.startup.reconciled(session, clean);
    }
}
