package io.tradepilot.trading.ui;

import io.tradepilot.trading.LedgerOrder;
import io.tradepilot.trading.LivePortfolio;
import io.tradepilot.trading.TradingQueries;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What the positions and orders views show at one moment. Positions come from the engine's live
 * portfolio (with marks) when this instance runs it ({@code live}); on a standby from the ledger marked at the
 * bar cache's closes ({@code cacheMarksAt}: as of when; a symbol without a cached bar unmarked); else from
 * the ledger alone (marks null).
 *
 * @param recentOrders the newest orders, newest first
 */
record TradingBoard(String currency, boolean live, Instant cacheMarksAt, List<Row> positions, List<LedgerOrder> workingOrders,
                    List<LedgerOrder> recentOrders) {

    static final int RECENT = 100;

    TradingBoard {
        positions = List.copyOf(positions);
        workingOrders = List.copyOf(workingOrders);
        recentOrders = List.copyOf(recentOrders);
    }

    /** One open position; {@code mark}, {@code unrealizedPnl} null when only the ledger is known. */
    record Row(String symbol, BigDecimal quantity, BigDecimal averagePrice, BigDecimal mark, BigDecimal unrealizedPnl,
               BigDecimal realizedPnl) {
    }

    /** Reads the board now (read-only queries; no security context needed). */
    static TradingBoard read(TradingQueries queries, String currency) {
        var live = queries.portfolio();
        List<Row> rows = live.map(p -> p.positions().stream().map(x -> new Row(x.symbol(), x.quantity(),
                        x.averagePrice(), x.mark(), x.unrealizedPnl(), x.realizedPnl())).toList())
                .orElseGet(() -> queries.openPositions().stream().map(x -> new Row(x.symbol(), x.quantity(),
                        x.averagePrice(), null, null, x.realizedPnl())).toList());
        List<LedgerOrder> recent = queries.orders(false, RECENT);
        List<LedgerOrder> working = queries.orders(true, 1000);
        boolean engine = live.map(LivePortfolio::fromEngine).orElse(false);
        Instant cacheMarksAt = live.filter(p -> !p.fromEngine()).map(LivePortfolio::marksAt).orElse(null);
        return new TradingBoard(currency, engine, cacheMarksAt, rows, working, recent);
    }
}
