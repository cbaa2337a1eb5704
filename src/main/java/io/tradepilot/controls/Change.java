package io.tradepilot.controls;

import java.time.Instant;

/**
 * Who moved a control, when, and why.
 *
 * @param user   the username of the person (or {@code system}) who made the change
 * @param at     when the change was stored
 * @param reason the reason given; may be empty, never null
 */
public record Change(String user, Instant at, String reason) {

    public Change {
        reason = reason == null ? "" : reason;
    }
}
