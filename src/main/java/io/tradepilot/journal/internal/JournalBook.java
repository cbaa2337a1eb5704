package io.tradepilot.journal.internal;

import io.tradepilot.journal.Trade;
import io.tradepilot.journal.TradingMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the materialized trades ({@link JooqTradeTable}) current with the ledger's fills: {@link #sync()} reads
 * the fills written since {@code journal_state.last_seq} in batches, applies them to the one {@link TradeBuilder},
 * and in the same transaction upserts the trades each batch closed or changed (open ones included) and advances
 * the state. The state row is locked for the batch, so instances never write the same batch twice.
 *
 * <p>Restart (or another instance having advanced the table): the builder's in-memory state is rebuilt by
 * replaying, from the ledger, only the fills of the symbols whose trade is still open, each from its trade's
 * {@code replay_from} (the fill that last left flat), then skipping to {@code last_seq}; so a restart costs the
 * open trades' fills, not the ledger's. If the last applied fill is gone or changed (the ledger was reset), the
 * trades are emptied and rebuilt from the first fill (tags and notes stay). Thread-safe.
 */
class JournalBook {

    private static final Logger log = LoggerFactory.getLogger(JournalBook.class);

    static final int BATCH = 10_000;

    private final JooqJournalStore store;
    private final JooqTradeTable table;
    private final TransactionTemplate transactions;
    private final Currency currency;
    private final TradingMode mode;
    private TradeBuilder builder;
    /** The {@code last_seq} the builder's state matches; {@code Long.MIN_VALUE}: must be rebuilt. */
    private long loadedSeq = Long.MIN_VALUE;
    /** The ledger fill the table was found or brought up to by this instance's last sync; null: unknown. */
    private volatile JooqJournalStore.Head applied;

    JournalBook(JooqJournalStore store, JooqTradeTable table, TransactionTemplate transactions, Currency currency,
                TradingMode mode) {
        this.store = store;
        this.table = table;
        this.transactions = transactions;
        this.currency = currency;
        this.mode = mode;
    }

    /** Brings the trade table up to the ledger's last fill (the backfill at start; reads go through {@link #syncIfBehind()}). */
    synchronized void sync() {
        try {
            while (Boolean.TRUE.equals(transactions.execute(s -> step()))) {
                // one batch per transaction
            }
        } catch (RuntimeException e) {
            loadedSeq = Long.MIN_VALUE; // the builder may be ahead of the rolled-back table
            applied = null;
            throw e;
        }
    }

    /**
     * Before a read: {@link #sync()} only when the ledger's newest fill or the table's {@code last_seq} (one statement
     * of two primary-key probes, {@link JooqJournalStore#head()}; no transaction, no lock) is not what this instance
     * last synced to. So a fill is in the journal's pages at the next read after the ledger committed it, and a read
     * with nothing new costs one probe. When another instance advanced the table (or it was reset), the probe differs
     * from what this one saw and the sync reloads.
     */
    void syncIfBehind() {
        JooqJournalStore.Head head = store.head();
        if (!head.equals(applied)) sync();
    }

    /** Applies one batch of new fills; true when there may be more. */
    private boolean step() {
        JooqTradeTable.State state = table.lockState();
        if (state.lastSeq() >= 0 && !state.lastOrderId().equals(store.orderIdOf(state.lastSeq()))) {
            log.info("The ledger's fill {} is gone or changed: rebuilding the journal's trades", state.lastSeq());
            table.clear();
            state = table.lockState();
            loadedSeq = Long.MIN_VALUE;
        }
        if (!table.summaryBuilt(state)) {
            log.info("Building the journal's per-day summary from its trades");
            table.rebuildSummary();
        }
        if (loadedSeq != state.lastSeq()) load(state.lastSeq());
        List<LedgerFill> fills = store.fillsAfter(state.lastSeq(), BATCH);
        if (fills.isEmpty()) {
            applied = new JooqJournalStore.Head(state.lastSeq(), state.lastOrderId(), state.lastSeq());
            return false;
        }
        Map<Long, Trade> touched = new LinkedHashMap<>();
        Set<String> symbols = new LinkedHashSet<>();
        for (LedgerFill f : fills) {
            Trade closed = builder.apply(f);
            if (closed != null) touched.put(closed.id(), closed);
            symbols.add(f.symbol());
        }
        Map<Long, Long> replayFrom = new HashMap<>();
        for (String symbol : symbols) {
            Trade open = builder.openTrade(symbol);
            if (open == null) continue;
            touched.put(open.id(), open);
            replayFrom.put(open.id(), builder.replayFrom(symbol));
        }
        table.upsert(touched.values(), replayFrom);
        LedgerFill last = fills.getLast();
        table.saveState(last.seq(), last.orderId());
        loadedSeq = last.seq();
        applied = new JooqJournalStore.Head(last.seq(), last.orderId(), last.seq());
        return fills.size() == BATCH;
    }

    /** Rebuilds the builder's state as of {@code lastSeq} from the open trades' fills. */
    private void load(long lastSeq) {
        builder = new TradeBuilder(currency, mode);
        if (lastSeq >= 0) {
            Map<String, Long> from = table.openReplayPoints();
            long next = from.values().stream().mapToLong(Long::longValue).min().orElse(lastSeq + 1);
            while (next <= lastSeq) {
                List<LedgerFill> fills = store.fillsBetween(next, lastSeq, BATCH);
                if (fills.isEmpty()) break;
                for (LedgerFill f : fills) {
                    Long start = from.get(f.symbol());
                    if (start != null && f.seq() >= start) builder.apply(f);
                }
                next = fills.getLast().seq() + 1;
            }
            builder.skipTo(lastSeq);
        }
        loadedSeq = lastSeq;
    }
}
