package io.tradepilot.controls.internal;

import io.tradepilot.controls.TradingMode;
import io.tradepilot.controls.TradingModeState;
import org.jooq.DSLContext;

import java.math.BigDecimal;
import java.time.Instant;

import static io.tradepilot.db.Tables.TRADING_MODE;

/** The one row of {@code trading_mode}. */
final class JooqTradingModeStore {

    private final DSLContext db;

    JooqTradingModeStore(DSLContext db) {
        this.db = db;
    }

    TradingModeState read() {
        var r = db.selectFrom(TRADING_MODE).where(TRADING_MODE.ID.eq((short) 1)).fetchOne();
        if (r == null) return new TradingModeState(TradingMode.PAPER, BigDecimal.ONE.setScale(2), "system", Instant.EPOCH, "default");
        return new TradingModeState(TradingMode.valueOf(r.getMode()), r.getSizeFactor(), r.getChangedBy(), r.getChangedAt(), r.getReason());
    }

    /** Stores {@code next} if the row still holds {@code expected}'s mode and factor; false when someone changed it meanwhile. */
    boolean replace(TradingModeState expected, TradingModeState next) {
        return db.update(TRADING_MODE)
                .set(TRADING_MODE.MODE, next.mode().name()).set(TRADING_MODE.SIZE_FACTOR, next.sizeFactor())
                .set(TRADING_MODE.CHANGED_BY, next.changedBy()).set(TRADING_MODE.CHANGED_AT, next.changedAt())
                .set(TRADING_MODE.REASON, next.reason())
                .where(TRADING_MODE.ID.eq((short) 1)).and(TRADING_MODE.MODE.eq(expected.mode().name()))
                .and(TRADING_MODE.SIZE_FACTOR.eq(expected.sizeFactor()))
                .execute() == 1;
    }
}
