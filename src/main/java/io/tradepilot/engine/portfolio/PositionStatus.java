package io.tradepilot.engine.portfolio;

/**
 * A position's lifecycle as its orders move it (after Cassandre's position statuses):
 * <pre>
 * FLAT | OPENING_FAILED --entry accepted--> OPENING --fill--> OPEN --exit accepted--> CLOSING --fill to zero--> FLAT
 * OPENING --entry ended unfilled (rejected, cancelled, expired)--> OPENING_FAILED
 * CLOSING --exit ended with the position still open--> CLOSING_FAILED --exit accepted--> CLOSING
 * </pre>
 * Fills always win: any fill leaving a quantity makes the position OPEN (or keeps it CLOSING while an exit
 * works), any fill to zero makes it FLAT.
 */
public enum PositionStatus {
    FLAT, OPENING, OPEN, CLOSING, OPENING_FAILED, CLOSING_FAILED;

    public boolean isFailure() {
        return this == OPENING_FAILED || this == CLOSING_FAILED;
    }
}
