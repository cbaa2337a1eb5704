package io.tradepilot.controls;

/** Whether the platform takes new entries: {@code ACTIVE}, or {@code PAUSED} (exits and cancels still allowed). */
public enum TradingState {
    ACTIVE, PAUSED
}
