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

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;

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
        StringBuilder out = new StringBuilder(Csv.line(List.of("trade_id", "symbol", "side", "strategy", "mode", "status",
                "entry_time_utc", "entry_date", "entry_price", "exit_time_utc", "exit_date", "exit_price", "quantity",
                "open_quantity", "gross_pnl", "fees", "net_pnl", "holding_seconds", "initial_risk", "r_multiple",
                "exit_reason", "tags")));
        for (Trade t : trades) {
            out.append(Csv.line(List.of(String.valueOf(t.id()), Csv.text(t.symbol()), t.side().name(), Csv.text(t.strategy()),
                    t.mode().name(), t.status().name(), t.entryTime().toString(), t.entryTime().atZone(zone).toLocalDate().toString(),
                    Csv.number(t.entryPrice()), t.exitTime() == null ? "" : t.exitTime().toString(),
                    t.exitTime() == null ? "" : t.exitTime().atZone(zone).toLocalDate().toString(), Csv.number(t.exitPrice()),
                    Csv.number(t.quantity()), Csv.number(t.openQuantity()), Csv.number(t.grossPnl()), Csv.number(t.fees()),
                    Csv.number(t.netPnl()), t.holding() == null ? "" : String.valueOf(t.holding().toSeconds()),
                    Csv.number(t.initialRisk()), Csv.number(t.rMultiple()), t.exitReason() == null ? "" : t.exitReason().name(),
                    Csv.text(String.join("; ", t.tags())))));
        }
        return out.toString();
    }

    static String fills(List<Trade> trades, ZoneId zone) {
        StringBuilder out = new StringBuilder(Csv.line(List.of("trade_id", "fill_seq", "order_id", "time_utc", "date",
                "symbol", "side", "role", "quantity", "price", "notional", "charges", "strategy", "order_type")));
        for (Trade t : trades) {
            for (TradeFill f : t.fills()) {
                BigDecimal notional = f.quantity().multiply(f.price());
                out.append(Csv.line(List.of(String.valueOf(t.id()), String.valueOf(f.seq()), Csv.text(f.orderId()),
                        f.time().toString(), f.time().atZone(zone).toLocalDate().toString(), Csv.text(t.symbol()), f.side(),
                        f.role().name(), Csv.number(f.quantity()), Csv.number(f.price()), Csv.number(notional),
                        Csv.number(f.commission()), Csv.text(f.strategy()), Csv.text(f.orderType()))));
            }
        }
        return out.toString();
    }
}
