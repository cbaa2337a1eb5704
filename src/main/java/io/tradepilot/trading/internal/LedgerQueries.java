package io.tradepilot.trading.internal;

import io.tradepilot.trading.EngineStatus;
import io.tradepilot.trading.EquityPoint;
import io.tradepilot.trading.LedgerOrder;
import io.tradepilot.trading.LedgerPosition;
import io.tradepilot.trading.LivePortfolio;
import io.tradepilot.trading.StrategyDay;
import io.tradepilot.trading.TradingQueries;

import java.util.List;

/** {@link TradingQueries} from the ledger, plus this instance's engine status. Limits are clamped to 1..1000. */
final class LedgerQueries implements TradingQueries {

    static final int MAX_LIMIT = 1000;

    private final JooqLedger ledger;
    private final EngineHost host;

    LedgerQueries(JooqLedger ledger, EngineHost host) {
        this.ledger = ledger;
        this.host = host;
    }

    @Override
    public List<LedgerPosition> openPositions() {
        return ledger.positions(true);
    }

    @Override
    public List<LedgerOrder> orders(boolean workingOnly, int limit) {
        return ledger.orders(workingOnly, clamp(limit));
    }

    @Override
    public java.util.Optional<EquityPoint> equityAt(java.time.Instant at) {
        return ledger.equityAt(java.util.Objects.requireNonNull(at, "at"));
    }

    @Override
    public List<EquityPoint> equity(int limit) {
        return ledger.equity(clamp(limit));
    }

    @Override
    public List<StrategyDay> strategyDays(java.time.LocalDate from, java.time.LocalDate to) {
        return ledger.strategyDays(from, to);
    }

    @Override
    public java.util.Optional<LivePortfolio> livePortfolio() {
        return host.snapshot().map(s -> {
            var p = s.portfolio();
            var positions = p.positions().stream().filter(x -> x.quantity().signum() != 0)
                    .map(x -> new LivePortfolio.Position(x.symbol(), x.quantity(), x.averagePrice(), x.mark(), x.marketValue(),
                            x.unrealizedPnl(), x.realizedPnl()))
                    .toList();
            return new LivePortfolio(s.time(), s.state().name(), s.stateReason(), p.cash(), p.equity(), p.dayStartEquity(),
                    p.equity().subtract(p.dayStartEquity()), p.realizedPnl(), p.unrealizedPnl(), p.fees(), p.peakEquity(),
                    p.drawdown(), p.grossExposure(), p.openRisk(), host.dailyLossLimit(), positions, s.workingOrders().size());
        });
    }

    @Override
    public EngineStatus status() {
        return host.status();
    }

    private static int clamp(int limit) {
        return Math.max(1, Math.min(MAX_LIMIT, limit));
    }
}
