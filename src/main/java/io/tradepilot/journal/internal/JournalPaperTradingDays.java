package io.tradepilot.journal.internal;

import io.tradepilot.journal.TradingMode;
import io.tradepilot.strategies.PaperTradingDays;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static io.tradepilot.db.Tables.JOURNAL_TRADE;

/**
 * The strategies module's {@link PaperTradingDays} from the journal's trades: distinct {@code trade_day}s (market
 * zone; the exit day, the entry day while open) of the strategy's PAPER trades entered at or after the given moment.
 */
@Component
class JournalPaperTradingDays implements PaperTradingDays {

    private final DSLContext db;

    JournalPaperTradingDays(DSLContext db) {
        this.db = db;
    }

    @Override
    public int paperTradingDays(String strategyId, Instant since) {
        return db.select(DSL.countDistinct(JOURNAL_TRADE.TRADE_DAY)).from(JOURNAL_TRADE)
                .where(JOURNAL_TRADE.STRATEGY.eq(strategyId)).and(JOURNAL_TRADE.MODE.eq(TradingMode.PAPER.name()))
                .and(JOURNAL_TRADE.ENTRY_TIME.ge(since))
                .fetchOne(0, int.class);
    }
}
