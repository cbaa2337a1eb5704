package io.tradepilot.journal.internal;

import io.tradepilot.journal.Trade;
import io.tradepilot.journal.TradingMode;

import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every trade of the ledger, kept current incrementally: each {@link #current()} reads only the fills written
 * since the last call (by sequence number) and applies them to a {@link TradeBuilder}. When the fill it last
 * applied is gone or changed (the ledger was reset), it rebuilds from the first fill. Thread-safe.
 */
class JournalBook {

    static final int BATCH = 10_000;

    private final JooqJournalStore store;
    private final Currency currency;
    private final TradingMode mode;
    private TradeBuilder builder;
    private List<Trade> closed;
    private Map<Long, Trade> closedById;
    private String lastOrderId;

    JournalBook(JooqJournalStore store, Currency currency, TradingMode mode) {
        this.store = store;
        this.currency = currency;
        this.mode = mode;
        reset();
    }

    /** The closed trades, in closing order, followed by the open ones, as of the ledger now. */
    synchronized Snapshot current() {
        if (builder.lastSeq() >= 0 && !lastOrderIdStillThere()) reset();
        while (true) {
            List<LedgerFill> fills = store.fillsAfter(builder.lastSeq(), BATCH);
            for (LedgerFill f : fills) {
                Trade t = builder.apply(f);
                if (t != null) {
                    closed.add(t);
                    closedById.put(t.id(), t);
                }
                lastOrderId = f.orderId();
            }
            if (fills.size() < BATCH) break;
        }
        return new Snapshot(List.copyOf(closed), builder.openTrades(), Map.copyOf(closedById));
    }

    private boolean lastOrderIdStillThere() {
        return lastOrderId.equals(store.orderIdOf(builder.lastSeq()));
    }

    private void reset() {
        builder = new TradeBuilder(currency, mode);
        closed = new ArrayList<>();
        closedById = new HashMap<>();
        lastOrderId = null;
    }

    /** The trades at one moment. */
    record Snapshot(List<Trade> closed, List<Trade> open, Map<Long, Trade> closedById) {

        /** Every trade, closed first. */
        List<Trade> all() {
            List<Trade> all = new ArrayList<>(closed.size() + open.size());
            all.addAll(closed);
            all.addAll(open);
            return all;
        }

        Trade byId(long id) {
            Trade t = closedById.get(id);
            if (t != null) return t;
            for (Trade o : open) if (o.id() == id) return o;
            return null;
        }
    }
}
