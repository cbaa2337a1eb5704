package io.tradepilot.engine.strategy.threeweek;

/** Where a 3WI setup stands. ACTIVE until a weekly close beyond the mother range or expiry. */
public enum SetupStatus {
    /** Pattern formed, every weekly close since inside the mother range (bounds included). */
    ACTIVE,
    /** A weekly close strictly above the mother high. */
    BREAKOUT_UP,
    /** A weekly close strictly below the mother low. */
    BREAKOUT_DOWN,
    /** No breakout within the allowed number of weeks after the pattern. */
    EXPIRED
}
