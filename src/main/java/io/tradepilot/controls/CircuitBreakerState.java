package io.tradepilot.controls;

/** {@code OPEN}: trading allowed. {@code TRIPPED}: new entries blocked; exits and cancels allowed. */
public enum CircuitBreakerState {
    OPEN, TRIPPED
}
