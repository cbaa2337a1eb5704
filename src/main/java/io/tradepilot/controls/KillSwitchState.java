package io.tradepilot.controls;

/** {@code ACTIVE}: trading allowed. {@code ENGAGED}: no new orders at all; cancels still allowed. */
public enum KillSwitchState {
    ACTIVE, ENGAGED
}
