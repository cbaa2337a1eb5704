package io.tradepilot.trading.internal;

import io.tradepilot.engine.domain.ChargeKind;
import io.tradepilot.engine.domain.Charges;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger's {@code fill.charges} column (V186): a fill's commission by kind as a JSON object of exact numbers,
 * {@code {"BROKERAGE":20.00,"STT":25.00,...}}, keys the {@link ChargeKind} names in their order. Read back in SQL with
 * {@code jsonb_each_text}, which gives each number's text as written, so the amounts stay exact.
 */
final class FillCharges {

    /** The column (jsonb, outside jOOQ's generated schema: the code generator's H2 does not parse it). */
    static final Field<JSONB> COLUMN = DSL.field(DSL.name("charges"), SQLDataType.JSONB);

    private FillCharges() {
    }

    /** The column's value for {@code charges}, or null when the fill was not itemised. */
    static JSONB json(Charges charges) {
        if (charges == null) return null;
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<ChargeKind, BigDecimal> e : charges.amounts().entrySet()) {
            if (out.length() > 1) out.append(',');
            out.append('"').append(e.getKey().name()).append("\":").append(e.getValue().toPlainString());
        }
        return JSONB.jsonb(out.append('}').toString());
    }

    /**
     * The itemised charges of the fills {@code where} selects (a condition on {@code fill}), by sequence number, each in
     * {@link ChargeKind} order; fills that were not itemised are absent.
     */
    static Map<Long, Map<String, BigDecimal>> bySeq(DSLContext db, Condition where) {
        var rows = db.resultQuery("SELECT fill.seq, c.key, c.value FROM fill CROSS JOIN LATERAL jsonb_each_text(fill.charges) "
                + "AS c(key, value) WHERE {0}", where).fetch();
        Map<Long, List<Map.Entry<String, BigDecimal>>> lists = new HashMap<>();
        for (var r : rows) {
            lists.computeIfAbsent(r.get(0, Long.class), k -> new java.util.ArrayList<>())
                    .add(Map.entry(r.get(1, String.class), new BigDecimal(r.get(2, String.class))));
        }
        Map<Long, Map<String, BigDecimal>> out = new HashMap<>();
        for (var e : lists.entrySet()) {
            Map<String, BigDecimal> m = new LinkedHashMap<>();
            e.getValue().stream().sorted(Comparator.comparingInt(k -> ChargeKind.order(k.getKey())))
                    .forEach(k -> m.put(k.getKey(), k.getValue()));
            out.put(e.getKey(), m);
        }
        return out;
    }
}
