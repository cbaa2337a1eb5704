package io.tradepilot.trading.internal;

import io.tradepilot.trading.CachedBar;
import io.tradepilot.trading.EngineStatus;
import io.tradepilot.trading.EquityPoint;
import io.tradepilot.trading.LedgerOrder;
import io.tradepilot.trading.LedgerPosition;
import io.tradepilot.trading.LivePortfolio;
import io.tradepilot.trading.MarketDataQueries;
import io.tradepilot.trading.MarketDataUnavailableException;
import io.tradepilot.trading.OrderFill;
import io.tradepilot.trading.StrategyDay;
import io.tradepilot.trading.TradingQueries;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link TradingQueries} from the ledger, plus this instance's engine status, and on an instance that does
 * not run the engine a portfolio marked at the bar cache's closes. Limits are clamped to 1..1000.
 */
final class LedgerQueries implements TradingQueries {

    private static final Logger log = LoggerFactory.getLogger(LedgerQueries.class);

    static final int MAX_LIMIT = 1000;

    private final JooqLedger ledger;
    private final EngineHost host;
    private final MarketDataQueries marks;

    /** Without a bar cache: a standby's positions stay unmarked. */
    LedgerQueries(JooqLedger ledger, EngineHost host) {
        this(ledger, host, null);
    }

    /** @param marks the bar cache marking a standby's positions (null: none) */
    LedgerQueries(JooqLedger ledger, EngineHost host, MarketDataQueries marks) {
        this.ledger = ledger;
        this.host = host;
        this.marks = marks;
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
    public List<OrderFill> fills(String orderId) {
        return orderId == null ? List.of() : ledger.fills(orderId);
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
            ShownEngineState shown = host.shownState(s);
            return new LivePortfolio(s.time(), shown.state(), shown.reason(), p.cash(), p.equity(), p.dayStartEquity(),
                    p.equity().subtract(p.dayStartEquity()), p.realizedPnl(), p.unrealizedPnl(), p.fees(), p.peakEquity(),
                    p.drawdown(), p.grossExposure(), p.openRisk(), host.dailyLossLimit(), positions, s.workingOrders().size());
        });
    }

    @Override
    public Optional<LivePortfolio> portfolio() {
        Optional<LivePortfolio> live = livePortfolio();
        return live.isPresent() ? live : ledgerPortfolio();
    }

    /**
     * The ledger's open positions and last equity snapshot (read together), each position marked at its
     * symbol's newest cached close; see {@link LivePortfolio.Source#BAR_CACHE}.
     */
    Optional<LivePortfolio> ledgerPortfolio() {
        return ledger.positionsWithLastSnapshot().map(basis -> {
            JooqLedger.LastSnapshot last = basis.getKey();
            List<LivePortfolio.Position> positions = new ArrayList<>();
            BigDecimal unrealized = BigDecimal.ZERO;
            BigDecimal exposure = BigDecimal.ZERO;
            Instant oldestMark = null;
            for (LedgerPosition p : basis.getValue()) {
                Optional<CachedBar> bar = newestBar(p.symbol());
                if (bar.isEmpty()) {
                    positions.add(new LivePortfolio.Position(p.symbol(), p.quantity(), p.averagePrice(), null, null, null,
                            p.realizedPnl(), null));
                    continue;
                }
                BigDecimal mark = bar.get().close();
                BigDecimal value = p.quantity().multiply(mark);
                BigDecimal pnl = mark.subtract(p.averagePrice()).multiply(p.quantity());
                positions.add(new LivePortfolio.Position(p.symbol(), p.quantity(), p.averagePrice(), mark, value, pnl,
                        p.realizedPnl(), bar.get().start()));
                unrealized = unrealized.add(pnl);
                exposure = exposure.add(value.abs());
                if (oldestMark == null || bar.get().start().isBefore(oldestMark)) oldestMark = bar.get().start();
            }
            return new LivePortfolio(last.at(), LivePortfolio.UNKNOWN, "this instance does not run the engine (" + host.role() + ")",
                    last.cash(), last.equity(), last.dayStartEquity(), last.equity().subtract(last.dayStartEquity()),
                    last.realizedPnl(), unrealized, last.fees(), last.peakEquity(), last.drawdown(), exposure, null,
                    host.dailyLossLimit(), positions, last.workingOrders(), LivePortfolio.Source.BAR_CACHE, oldestMark);
        });
    }

    /** The newest cached bar of {@code symbol}; empty when none, the symbol is not cacheable, or the cache is unreachable. */
    private Optional<CachedBar> newestBar(String symbol) {
        if (marks == null) return Optional.empty();
        try {
            List<CachedBar> bars = marks.recentBars(symbol, 1);
            return bars.isEmpty() ? Optional.empty() : Optional.of(bars.getLast());
        } catch (IllegalArgumentException | MarketDataUnavailableException e) {
            log.debug("No cached mark for {}: {}", symbol, e.toString());
            return Optional.empty();
        }
    }

    @Override
    public EngineStatus status() {
        return host.status();
    }

    private static int clamp(int limit) {
        return Math.max(1, Math.min(MAX_LIMIT, limit));
    }
}
