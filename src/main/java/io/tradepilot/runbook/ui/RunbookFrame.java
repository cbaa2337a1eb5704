package io.tradepilot.runbook.ui;

import io.tradepilot.runbook.CheckOutcome;

import java.util.List;
import java.util.Optional;

/**
 * What the runbook's live parts show besides the controls, built once for all open pages every two seconds.
 *
 * @param engine    the engine's role and state on this instance ("LEADER · RUNNING · market time …"), or why unknown
 * @param positions open positions and working orders, or why unknown
 */
record RunbookFrame(List<CheckOutcome> checks, String engine, String positions) {

    RunbookFrame {
        checks = List.copyOf(checks);
    }

    Optional<CheckOutcome> check(String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** Equal when the checks' statuses and evidence (not their times) and the texts are equal: an unchanged frame is not pushed. */
    @Override
    public boolean equals(Object other) {
        return other instanceof RunbookFrame f && f.engine.equals(engine) && f.positions.equals(positions)
                && f.checks.stream().map(c -> c.id() + c.result()).toList().equals(checks.stream().map(c -> c.id() + c.result()).toList());
    }

    @Override
    public int hashCode() {
        return checks.stream().map(c -> c.id() + c.result()).toList().hashCode() * 31 + engine.hashCode() * 7 + positions.hashCode();
    }
}
