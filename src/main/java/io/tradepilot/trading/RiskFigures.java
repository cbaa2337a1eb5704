package io.tradepilot.trading;

import java.util.List;
import java.util.Optional;

/** The live risk chain's figures: the room left to each limit and the orders it refused. Read-only, any signed-in role. */
public interface RiskFigures {

    /** The room left to each configured limit now; empty unless this instance runs the engine. */
    Optional<RiskRoom> room();

    /** The newest {@code limit} (clamped to 1..1000) refusals recorded in the ledger, newest first. */
    List<RiskRejection> rejections(int limit);
}
