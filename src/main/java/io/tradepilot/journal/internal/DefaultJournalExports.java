package io.tradepilot.journal.internal;

import io.tradepilot.audit.AuditEntry;
import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.AuditOutcome;
import io.tradepilot.journal.JournalExports;
import io.tradepilot.journal.JournalQueries;
import io.tradepilot.journal.Trade;
import io.tradepilot.journal.TradeFill;
import io.tradepilot.journal.TradeFilter;
import io.tradepilot.journal.TradeSort;
import io.tradepilot.security.CurrentUser;

import io.tradepilot.engine.domain.ChargeKind;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** {@link JournalExports} over {@link JournalQueries}, audited as {@code JOURNAL_EXPORT} with the filter and row count. */
class DefaultJournalExports implements JournalExports {

    private final JournalQueries queries;
    private final AuditLog audit;

    DefaultJournalExports(JournalQueries queries, AuditLog audit) {
        this.queries = queries;
        this.audit = audit;
    }

    @Override
    public String tradesCsv(TradeFilter filter) {
        List<Trade> trades = queries.allTrades(filter, TradeSort.EXIT_TIME, false);
        String csv = trades(trades, queries.zone());
        audited("trades.csv", filter, trades.size());
        return csv;
    }

    @Override
    public String fillsCsv(TradeFilter filter) {
        List<Trade> trades = queries.allTrades(filter, TradeSort.EXIT_TIME, false);
        String csv = fills(trades, queries.zone());
        audited("fills.csv", filter, trades.size());
        return csv;
    }

    private void audited(String what, TradeFilter filter, int trades) {
        audit.record(new AuditEntry(CurrentUser.username(), "JOURNAL_EXPORT", what, null, AuditOutcome.SUCCESS,
                trades + " trades; " + filter, CurrentUser.clientAddress()));
    }

    static String trades(List<Trade> trades, ZoneId zone) {
        List<String> kinds = kinds(trades.stream().flatMap(t -> t.fills().stream()).toList());
        List<String> header = new ArrayList<>(List.of("trade_id", "symbol", "side", "strategy", "mode", "status",
                "entry_time_utc", "entry_date", "entry_price", "exit_time_utc", "exit_date", "exit_price", "quantity",
                "open_quantity", "gross_pnl", "fees", "net_pnl", "holding_seconds", "initial_risk", "r_multiple",
                "exit_reason", "tags"));
        kinds.forEach(k -> header.add(column(k)));
        StringBuilder out = new StringBuilder(Csv.line(header));
        for (Trade t : trades) {
            List<String> cells = new ArrayList<>(List.of(String.valueOf(t.id()), Csv.text(t.symbol()), t.side().name(), Csv.text(t.strategy()),
                    t.mode().name(), t.status().name(), t.entryTime().toString(), t.entryTime().atZone(zone).toLocalDate().toString(),
                    Csv.number(t.entryPrice()), t.exitTime() == null ? "" : t.exitTime().toString(),
                    t.exitTime() == null ? "" : t.exitTime().atZone(zone).toLocalDate().toString(), Csv.number(t.exitPrice()),
                    Csv.number(t.quantity()), Csv.number(t.openQuantity()), Csv.number(t.grossPnl()), Csv.number(t.fees()),
                    Csv.number(t.netPnl()), t.holding() == null ? "" : String.valueOf(t.holding().toSeconds()),
                    Csv.number(t.initialRisk()), Csv.number(t.rMultiple()), t.exitReason() == null ? "" : t.exitReason().name(),
                    Csv.text(String.join("; ", t.tags()))));
            Map<String, BigDecimal> fees = t.feesByKind();
            for (String k : kinds) cells.add(Csv.number(fees.get(k)));
            out.append(Csv.line(cells));
        }
        return out.toString();
    }

    static String fills(List<Trade> trades, ZoneId zone) {
        List<String> kinds = kinds(trades.stream().flatMap(t -> t.fills().stream()).toList());
        List<String> header = new ArrayList<>(List.of("trade_id", "fill_seq", "order_id", "time_utc", "date",
                "symbol", "side", "role", "quantity", "price", "notional", "charges", "strategy", "order_type"));
        kinds.forEach(k -> header.add(column(k)));
        StringBuilder out = new StringBuilder(Csv.line(header));
        for (Trade t : trades) {
            for (TradeFill f : t.fills()) {
                BigDecimal notional = f.quantity().multiply(f.price());
                List<String> cells = new ArrayList<>(List.of(String.valueOf(t.id()), String.valueOf(f.seq()), Csv.text(f.orderId()),
                        f.time().toString(), f.time().atZone(zone).toLocalDate().toString(), Csv.text(t.symbol()), f.side(),
                        f.role().name(), Csv.number(f.quantity()), Csv.number(f.price()), Csv.number(notional),
                        Csv.number(f.commission()), Csv.text(f.strategy()), Csv.text(f.orderType())));
                for (String k : kinds) cells.add(Csv.number(f.charges().get(k)));
                out.append(Csv.line(cells));
            }
        }
        return out.toString();
    }

    /** The charge kinds of {@code fills}, in {@link ChargeKind} order (unknown names after, alphabetically). */
    static List<String> kinds(List<TradeFill> fills) {
        Set<String> kinds = new TreeSet<>(Comparator.comparingInt(ChargeKind::order).thenComparing(Comparator.naturalOrder()));
        for (TradeFill f : fills) kinds.addAll(f.charges().keySet());
        return List.copyOf(kinds);
    }

    /** The CSV column of a charge kind: {@code charge_} and its name in lower case, e.g. {@code charge_stt}. */
    private static String column(String kind) {
        return "charge_" + kind.toLowerCase(java.util.Locale.ROOT);
    }
}
