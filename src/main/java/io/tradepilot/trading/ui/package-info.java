/**
 * The trading views: positions (close one, flatten all), orders (working and recent, cancel, the manual
 * order ticket with preview and confirm) and strategies (activate, deactivate). They read through
 * {@link io.tradepilot.trading.TradingQueries} (pushed by one shared ticker) and act only through
 * {@link io.tradepilot.trading.TradingActions} and {@link io.tradepilot.trading.StrategyControls}, which
 * authorize, validate, rate-limit and audit every attempt: a button hidden here is a convenience.
 * {@link io.tradepilot.trading.ui.EmergencyDialogs} offers the flatten dialog to other modules' views.
 */
@org.springframework.modulith.NamedInterface("ui")
package io.tradepilot.trading.ui;
