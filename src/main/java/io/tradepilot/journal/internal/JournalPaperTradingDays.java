package io.tradepilot.journal.internal;

import io.tradepilot.journal.TradingMode;
import io.tradepilot.strategies.PaperTradingDays;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import java.util.List;

import static io.tradepilot.db.Tables.JOURNAL_TRADE;

/**
 * The strategies module's {@link PaperTradingDays} from the journal's trades: distinct {@code trade_day}s (market
 * zone; the exit day, the entry day while open) of the strategy's PAPER trades entered within one of the periods the
 * version was applied.
 */
@Component
class JournalPaperTradingDays implements PaperTradingDays {

    private final DSLContext db;

    JournalPaperTradingDays(DSLContext db) {
        this.db = db;
    }

    @Override
    public int paperTradingDays(String strategyId, List<Period> periods) {
        if (periods.isEmpty()) return 0;
        Condition within = DSL.falseCondition();
        for (Period p : periods) {
            Condition c = JOURNAL_TRADE.ENTRY_TIME.ge(p.from());
            if (p.until() != null) c = c.and(JOURNAL_TRADE.ENTRY_TIME.lt(p.until()));
            within = within.or(c);
        }
        return db.select(DSL.countDistinct(JOURNAL_TRADE.TRADE_DAY)).from(JOURNAL_TRADE)
                .where(JOURNAL_TRADE.STRATEGY.eq(strategyId)).and(JOURNAL_TRADE.MODE.eq(TradingMode.PAPER.name()))
                .and(within)
                .fetchOne(0, int.class);
    }
}
