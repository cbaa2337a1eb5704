/**
 * Trading controls: the trading state (active/paused), the kill switch and the circuit breaker,
 * their rules, and the one place that answers "may a new order go out now" ({@link io.tradepilot.controls.TradingGate}).
 * {@link io.tradepilot.controls.ControlService} is the security and audit boundary for every change.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Controls")
package io.tradepilot.controls;
