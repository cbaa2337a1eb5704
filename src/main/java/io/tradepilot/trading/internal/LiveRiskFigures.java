package io.tradepilot.trading.internal;

import io.tradepilot.trading.RiskFigures;
import io.tradepilot.trading.RiskRejection;
import io.tradepilot.trading.RiskRoom;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

import static io.tradepilot.db.Tables.ORDER_EVENT;

/**
 * {@link RiskFigures} from this instance's engine (room, {@link RiskRoomCalculator}) and from the ledger
 * (refusals: the REJECTED order events, whose detail is {@code CODE: message}).
 */
@Component
class LiveRiskFigures implements RiskFigures {

    private final TradingProperties properties;
    private final EngineHost host;
    private final DSLContext db;

    LiveRiskFigures(TradingProperties properties, EngineHost host, DSLContext db) {
        this.properties = properties;
        this.host = host;
        this.db = db;
    }

    @Override
    public Optional<RiskRoom> room() {
        return host.snapshot().map(s -> RiskRoomCalculator.room(properties, host.configuration().limits(), s));
    }

    @Override
    public List<RiskRejection> rejections(int limit) {
        int n = Math.clamp(limit, 1, LedgerQueries.MAX_LIMIT);
        return db.select(ORDER_EVENT.OCCURRED_AT, ORDER_EVENT.CLIENT_ORDER_ID, ORDER_EVENT.DETAIL).from(ORDER_EVENT)
                .where(ORDER_EVENT.EVENT_TYPE.eq("REJECTED")).orderBy(ORDER_EVENT.ID.desc()).limit(n)
                .fetch(r -> rejection(r.value1(), r.value2(), r.value3()));
    }

    /** Splits a ledger detail {@code CODE: message} (a detail without a code keeps it all as the reason). */
    static RiskRejection rejection(java.time.Instant at, String clientOrderId, String detail) {
        String d = detail == null ? "" : detail;
        int colon = d.indexOf(": ");
        boolean coded = colon > 0 && d.substring(0, colon).matches("[A-Z_]+");
        return new RiskRejection(at, clientOrderId, coded ? d.substring(0, colon) : "", coded ? d.substring(colon + 2) : d);
    }
}
