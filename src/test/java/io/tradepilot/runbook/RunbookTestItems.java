package io.tradepilot.runbook;

import java.time.LocalDate;

/** Ticks every manual item of the pre-flight for the signed-in user (tests). */
final class RunbookTestItems {

    private RunbookTestItems() {
    }

    static void tickAll(Preflight preflight, LocalDate day) {
        for (PreflightSheet.Item item : preflight.sheet(day).items()) {
            preflight.tick(day, item.id(), true);
        }
    }
}
