package io.tradepilot.controls;

/**
 * The trading mode or the LIVE size factor changed (published after the change is stored).
 *
 * @param previous the state before the change
 * @param state    the state now
 */
public record TradingModeChanged(TradingModeState previous, TradingModeState state) {

    /** True when trading switched between PAPER and LIVE (false for a step of the LIVE size factor). */
    public boolean modeChanged() {
        return previous.mode() != state.mode();
    }
}
