/**
 * Signals from outside: webhook strategies whose orders come from TradingView or ChartInk alerts. Each strategy has
 * its own URL ({@code POST /api/v1/signals/{id}}) and secret; a signal is authenticated, checked for replay, parsed,
 * mapped to a traded symbol and sized, and placed through {@link io.tradepilot.trading.StrategyOrders} — the manual
 * order's path through the engine's live risk chain. Every signal is recorded with its outcome and audited.
 * {@link io.tradepilot.signals.SignalReceiver} takes signals; {@link io.tradepilot.signals.SignalAdministration}
 * lists strategies and signals and creates, enables and disables strategies (admins only, audited).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Signals")
package io.tradepilot.signals;
