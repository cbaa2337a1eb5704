package io.tradepilot.controls;

/** What an order the engine wants to send would do; the controls block them differently. */
public enum OrderPurpose {
    /** Opens or adds to a position. Blocked by the kill switch, a tripped circuit breaker or a pause. */
    ENTRY,
    /** Reduces or closes a position. Blocked only by the kill switch. */
    EXIT,
    /** Cancels a working order. Never blocked by a control. */
    CANCEL,
    /** The emergency exit (flatten all): closes everything at market. Never blocked by a control. */
    FLATTEN
}
