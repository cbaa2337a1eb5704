package io.tradepilot.trading.internal;

import io.tradepilot.brokers.VenueSession;
import io.tradepilot.engine.core.EngineCommand;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.venue.ExecutionReport;
import io.tradepilot.trading.EngineReconciliation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * {@link EngineReconciliation} over the engine this host runs: the session is the one {@link HostedEngine} opened for
 * the active account, back-filled executions go to the engine as {@link EngineCommand.VenueReport}s on its single
 * writer (like the venue's own reports). The engine has no command yet that books a position it did not trade or
 * sends an order outside its book, so adopting and closing at the broker answer false (reconciliation refuses them
 * with {@code ENGINE_UNAVAILABLE}; the admin resolves the difference at the broker and ignores it).
 */
final class HostReconciliation implements EngineReconciliation {

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
        return false;
    }

    @Override
    public boolean closeAtBroker(Instrument instrument, BigDecimal quantity, String reason) {
        return false;
    }

    @Override
    public void reconciled(VenueSession session, boolean clean) {
        host.startup.reconciled(session, clean);
    }
}
