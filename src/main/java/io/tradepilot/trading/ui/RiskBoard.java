package io.tradepilot.trading.ui;

import io.tradepilot.trading.RiskFigures;
import io.tradepilot.trading.RiskRejection;
import io.tradepilot.trading.RiskRoom;

import java.util.List;

/**
 * What the risk view shows at one moment: the room left to each limit (null unless this instance runs the
 * engine) and the newest refusals from the ledger.
 */
record RiskBoard(RiskRoom room, List<RiskRejection> rejections) {

    static final int RECENT = 100;

    RiskBoard {
        rejections = List.copyOf(rejections);
    }

    /** Reads the board now (read-only; no security context needed). */
    static RiskBoard read(RiskFigures figures) {
        return new RiskBoard(figures.room().orElse(null), figures.rejections(RECENT));
    }
}
