package io.tradepilot.controls;

import java.time.Instant;

/**
 * A control moved: one entry of a control's history, also broadcast to every open dashboard.
 *
 * @param from   the state before, e.g. {@code ACTIVE}
 * @param to     the state after, e.g. {@code ENGAGED}
 * @param detail extra facts (e.g. the trip reason code); may be empty, never null
 */
public record ControlChanged(Control control, ControlAction action, String from, String to,
                             String user, Instant at, String reason, String detail) {

    public ControlChanged {
        reason = reason == null ? "" : reason;
        detail = detail == null ? "" : detail;
    }
}
