package io.tradepilot.engine.strategy.threeweek;

/**
 * What one completed week did to a setup.
 *
 * @param indicators the indicator values of the week that caused the event
 */
public record SetupEvent(Kind kind, Setup setup, WeekIndicators indicators) {
    public enum Kind {
        /** The pattern completed this week. */
        DETECTED,
        /** Still inside, closing at ≥ 99 % of the mother high. */
        NEAR_BREAKOUT,
        /** Closed strictly beyond the mother range. */
        BREAKOUT,
        /** The setup ran out of weeks without a breakout. */
        EXPIRED
    }
}
