package io.tradepilot.journal.internal;

import static io.tradepilot.db.Tables.FILL;
import static io.tradepilot.db.Tables.JOURNAL_NOTE;
import static io.tradepilot.db.Tables.JOURNAL_STATE;
import static io.tradepilot.db.Tables.JOURNAL_TAG;
import static io.tradepilot.db.Tables.JOURNAL_TRADE;
import static io.tradepilot.db.Tables.JOURNAL_TRADE_FILL;
import static io.tradepilot.db.Tables.TRADE_ORDER;

import io.tradepilot.engine.domain.ChargeKind;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The journal's read model of the trading ledger (reads {@code fill} joined with {@code trade_order}; never
 * writes them) and its own annotation tables ({@code journal_tag}, {@code journal_note}).
 */
class JooqJournalStore {

    private final DSLContext db;

    JooqJournalStore(DSLContext db) {
        this.db = db;
    }

    /** A ledger fill's quantity and commission with its charges by kind, in {@code ChargeKind} order. */
    record FillCharges(BigDecimal quantity, BigDecimal commission, Map<String, BigDecimal> kinds) {
    }

    /**
     * The charges by kind of those of the fills {@code seqs} that were itemised ({@code fill.charges}, V186), by sequence
     * number; fills that were not are absent. Reads 5,000 fills per statement by primary key.
     */
    Map<Long, FillCharges> charges(Collection<Long> seqs) {
        Map<Long, FillCharges> out = new HashMap<>();
        List<Long> all = new ArrayList<>(seqs);
        for (int from = 0; from < all.size(); from += 5_000) {
            Long[] chunk = all.subList(from, Math.min(all.size(), from + 5_000)).toArray(Long[]::new);
            Map<Long, List<Map.Entry<String, BigDecimal>>> kinds = new HashMap<>();
            Map<Long, BigDecimal[]> amounts = new HashMap<>();
            db.resultQuery("SELECT fill.seq, fill.quantity, fill.commission, c.key, c.value FROM fill CROSS JOIN LATERAL "
                    + "jsonb_each_text(fill.charges) AS c(key, value) WHERE fill.seq = ANY({0})", DSL.val(chunk)).forEach(r -> {
                long seq = r.get(0, Long.class);
                amounts.putIfAbsent(seq, new BigDecimal[] {r.get(1, BigDecimal.class), r.get(2, BigDecimal.class)});
                kinds.computeIfAbsent(seq, k -> new ArrayList<>()).add(Map.entry(r.get(3, String.class), new BigDecimal(r.get(4, String.class))));
            });
            kinds.forEach((seq, list) -> {
                Map<String, BigDecimal> ordered = new LinkedHashMap<>();
                list.stream().sorted(java.util.Comparator.comparingInt(e -> ChargeKind.order(e.getKey())))
                        .forEach(e -> ordered.put(e.getKey(), e.getValue()));
                out.put(seq, new FillCharges(amounts.get(seq)[0], amounts.get(seq)[1], ordered));
            });
        }
        return out;
    }

    /** Up to {@code limit} fills with a sequence number above {@code afterSeq}, in ledger order (primary key scan). */
    List<LedgerFill> fillsAfter(long afterSeq, int limit) {
        return fillsWhere(FILL.SEQ.gt(afterSeq), limit);
    }

    private List<LedgerFill> fillsWhere(org.jooq.Condition condition, int limit) {
        return db.select(FILL.SEQ, FILL.ORDER_ID, FILL.CLIENT_ORDER_ID, FILL.SYMBOL, FILL.SIDE, FILL.QUANTITY, FILL.PRICE,
                        FILL.COMMISSION, FILL.PROTECTIVE_STOP, FILL.FILLED_AT, TRADE_ORDER.ORDER_TYPE, TRADE_ORDER.STRATEGY,
                        FILL.EXIT_TAG)
                .from(FILL).join(TRADE_ORDER).on(TRADE_ORDER.ORDER_ID.eq(FILL.ORDER_ID))
                .where(condition)
                .orderBy(FILL.SEQ)
                .limit(limit)
                .fetch(r -> new LedgerFill(r.get(FILL.SEQ), r.get(FILL.ORDER_ID), r.get(FILL.CLIENT_ORDER_ID), r.get(FILL.SYMBOL),
                        r.get(FILL.SIDE), r.get(FILL.QUANTITY), r.get(FILL.PRICE), r.get(FILL.COMMISSION),
                        r.get(FILL.PROTECTIVE_STOP), r.get(FILL.FILLED_AT), r.get(TRADE_ORDER.ORDER_TYPE),
                        r.get(TRADE_ORDER.STRATEGY), r.get(FILL.EXIT_TAG)));
    }

    /** The fills with {@code fromSeq <= seq <= toSeq}, up to {@code limit}, in ledger order. */
    List<LedgerFill> fillsBetween(long fromSeq, long toSeq, int limit) {
        return fillsWhere(FILL.SEQ.between(fromSeq, toSeq), limit);
    }

    /**
     * Where the ledger and the journal's trade table are, in one statement (two primary-key probes, no lock): the
     * ledger's newest fill (sequence number and order id; {@code -1, null} for an empty ledger) and the table's
     * {@code journal_state.last_seq}.
     */
    Head head() {
        var newest = db.select(FILL.SEQ, FILL.ORDER_ID).from(FILL).orderBy(FILL.SEQ.desc()).limit(1).asTable("newest");
        var r = db.select(newest.field(FILL.SEQ), newest.field(FILL.ORDER_ID), JOURNAL_STATE.LAST_SEQ)
                .from(JOURNAL_STATE).leftJoin(DSL.lateral(newest)).on(DSL.trueCondition())
                .where(JOURNAL_STATE.ID.eq(1)).fetchSingle();
        return new Head(r.value1() == null ? -1 : r.value1(), r.value2(), r.value3());
    }

    /**
     * The ledger's newest fill ({@code seq}, {@code orderId}: together they notice a reset ledger) and the last fill the
     * journal's trade table applied ({@code journalSeq}).
     */
    record Head(long seq, String orderId, long journalSeq) {
    }

    /** The order id of fill {@code seq}, or null when there is no such fill (the ledger was reset). */
    String orderIdOf(long seq) {
        return db.select(FILL.ORDER_ID).from(FILL).where(FILL.SEQ.eq(seq)).fetchOne(FILL.ORDER_ID);
    }

    /** Every trade's tags (sorted per trade). */
    Map<Long, List<String>> allTags() {
        Map<Long, List<String>> tags = new HashMap<>();
        db.select(JOURNAL_TAG.TRADE_ID, JOURNAL_TAG.TAG).from(JOURNAL_TAG).orderBy(JOURNAL_TAG.TRADE_ID, JOURNAL_TAG.TAG)
                .forEach(r -> tags.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
        return tags;
    }

    /** Tags in use with their number of trades, most used first. */
    Map<String, Integer> tagCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        db.select(JOURNAL_TAG.TAG, DSL.count()).from(JOURNAL_TAG).groupBy(JOURNAL_TAG.TAG)
                .orderBy(DSL.count().desc(), JOURNAL_TAG.TAG)
                .forEach(r -> counts.put(r.value1(), r.value2()));
        return counts;
    }

    /** The notes of {@code tradeIds} that have one. */
    Map<Long, String> notes(Collection<Long> tradeIds) {
        if (tradeIds.isEmpty()) return Map.of();
        return db.select(JOURNAL_NOTE.TRADE_ID, JOURNAL_NOTE.BODY).from(JOURNAL_NOTE).where(JOURNAL_NOTE.TRADE_ID.in(tradeIds))
                .fetchMap(JOURNAL_NOTE.TRADE_ID, JOURNAL_NOTE.BODY);
    }

    /**
     * Replaces the tags of one trade (the caller's transaction): {@code journal_tag} is the source of truth, and the
     * trade row's {@code tags} array (what filters use) is rewritten from it in the same transaction.
     */
    void replaceTags(long tradeId, Collection<String> tags, String by, Instant at) {
        db.deleteFrom(JOURNAL_TAG).where(JOURNAL_TAG.TRADE_ID.eq(tradeId)).execute();
        for (String tag : tags) {
            db.insertInto(JOURNAL_TAG).set(JOURNAL_TAG.TRADE_ID, tradeId).set(JOURNAL_TAG.TAG, tag)
                    .set(JOURNAL_TAG.CREATED_BY, by).set(JOURNAL_TAG.CREATED_AT, at).execute();
        }
        db.update(JOURNAL_TRADE).set(JOURNAL_TRADE.TAGS, tagsOf(DSL.val(tradeId))).where(JOURNAL_TRADE.TRADE_ID.eq(tradeId)).execute();
    }

    /** The tags of the trade {@code tradeId} from {@code journal_tag}, as a sorted array (the database's order). */
    static org.jooq.Field<String[]> tagsOf(org.jooq.Field<Long> tradeId) {
        return DSL.field(DSL.select(DSL.coalesce(DSL.arrayAgg(JOURNAL_TAG.TAG).orderBy(JOURNAL_TAG.TAG),
                        DSL.inline(new String[0]).cast(JOURNAL_TRADE.TAGS.getDataType())))
                .from(JOURNAL_TAG).where(JOURNAL_TAG.TRADE_ID.eq(tradeId)));
    }

    /** Writes (or with {@code body} null deletes) the note of one trade. */
    void putNote(long tradeId, String body, String by, Instant at) {
        if (body == null) {
            db.deleteFrom(JOURNAL_NOTE).where(JOURNAL_NOTE.TRADE_ID.eq(tradeId)).execute();
            return;
        }
        db.insertInto(JOURNAL_NOTE).set(JOURNAL_NOTE.TRADE_ID, tradeId).set(JOURNAL_NOTE.BODY, body)
                .set(JOURNAL_NOTE.UPDATED_BY, by).set(JOURNAL_NOTE.UPDATED_AT, at)
                .onConflict(JOURNAL_NOTE.TRADE_ID).doUpdate()
                .set(JOURNAL_NOTE.BODY, body).set(JOURNAL_NOTE.UPDATED_BY, by).set(JOURNAL_NOTE.UPDATED_AT, at)
                .execute();
    }
}
