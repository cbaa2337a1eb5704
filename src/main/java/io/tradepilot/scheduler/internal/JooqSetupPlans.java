package io.tradepilot.scheduler.internal;

import static io.tradepilot.db.Tables.SCAN_SETUP;

import io.tradepilot.scheduler.SetupPlans;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** {@link SetupPlans} from {@code scan_setup} (the plan columns of V146), read only. */
@Component
class JooqSetupPlans implements SetupPlans {

    private final DSLContext db;

    JooqSetupPlans(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<SetupPlan> ofEntryOrder(String orderId) {
        if (orderId == null) return Optional.empty();
        return db.selectFrom(SCAN_SETUP).where(SCAN_SETUP.ORDER_ID.eq(orderId).and(SCAN_SETUP.SIDE.isNotNull())).limit(1).fetchOptional()
                .map(r -> new SetupPlan(r.getSetupId(), r.getSide(), r.getEntry(), r.getStop(), r.getTarget1(), r.getTarget2()));
    }
}
