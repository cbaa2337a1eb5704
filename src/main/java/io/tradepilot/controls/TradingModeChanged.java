package io.tradepilot.controls;

/** The trading mode or the LIVE size factor changed (published after the change is stored). */
public record TradingModeChanged(TradingModeState state) { }
