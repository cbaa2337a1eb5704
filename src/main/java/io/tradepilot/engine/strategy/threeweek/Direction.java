package io.tradepilot.engine.strategy.threeweek;

/** Which side of the mother range a weekly close broke through. */
public enum Direction {
    UP, DOWN
}
