package io.tradepilot.trading.internal;

import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.portfolio.PortfolioSnapshot;
import io.tradepilot.engine.strategy.OrderIntent;
import io.tradepilot.engine.strategy.StrategyContext;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The context strategies see while they replay the bars the engine had already processed before a
 * restart: their indicators catch up, and whatever they would submit is dropped (those decisions were
 * taken, and recorded, before the restart). Position and equity are those recovered from the ledger.
 */
final class WarmUpContext implements StrategyContext {

    private final Instrument instrument;
    private final BigDecimal position;
    private final PortfolioSnapshot portfolio;
    private Instant time = Instant.EPOCH;

    WarmUpContext(Instrument instrument, BigDecimal position, PortfolioSnapshot portfolio) {
        this.instrument = instrument;
        this.position = position;
        this.portfolio = portfolio;
    }

    void at(Instant barStart) {
        this.time = barStart;
    }

    @Override public Instrument instrument() { return instrument; }
    @Override public Instant time() { return time; }
    @Override public long positionUnits() { return position.longValue(); }
    @Override public BigDecimal position() { return position; }
    @Override public boolean hasWorkingOrders() { return false; }
    @Override public BigDecimal equity() { return portfolio.equity(); }
    @Override public PortfolioSnapshot portfolio() { return portfolio; }

    /** Dropped: warm-up never places orders. */
    @Override public void submit(OrderIntent intent) { }
}
