package io.tradepilot.trading.internal;

import static io.tradepilot.db.Tables.STRATEGY_SWITCH;

import org.jooq.DSLContext;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@link StrategySwitches} in PostgreSQL (jOOQ, table {@code strategy_switch}). */
final class JooqStrategySwitches implements StrategySwitches {

    private final DSLContext db;

    JooqStrategySwitches(DSLContext db) {
        this.db = db;
    }

    @Override
    public Map<String, Switch> all() {
        Map<String, Switch> out = new LinkedHashMap<>();
        db.selectFrom(STRATEGY_SWITCH).orderBy(STRATEGY_SWITCH.STRATEGY_ID).forEach(r -> out.put(r.getStrategyId(),
                new Switch(r.getStrategyId(), r.getEnabled(), r.getChangedBy(), r.getReason(), r.getChangedAt())));
        return out;
    }

    @Override
    public void store(Switch change) {
        var at = change.changedAt();
        db.insertInto(STRATEGY_SWITCH)
                .set(STRATEGY_SWITCH.STRATEGY_ID, change.strategyId())
                .set(STRATEGY_SWITCH.ENABLED, change.enabled())
                .set(STRATEGY_SWITCH.CHANGED_BY, change.changedBy())
                .set(STRATEGY_SWITCH.REASON, change.reason())
                .set(STRATEGY_SWITCH.CHANGED_AT, at)
                .onConflict(STRATEGY_SWITCH.STRATEGY_ID).doUpdate()
                .set(STRATEGY_SWITCH.ENABLED, change.enabled())
                .set(STRATEGY_SWITCH.CHANGED_BY, change.changedBy())
                .set(STRATEGY_SWITCH.REASON, change.reason())
                .set(STRATEGY_SWITCH.CHANGED_AT, at)
                .execute();
    }
}
