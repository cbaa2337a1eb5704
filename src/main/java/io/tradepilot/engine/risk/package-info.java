/**
 * Pre-trade risk: a {@link io.tradepilot.engine.risk.RiskChain} of pluggable {@link
 * io.tradepilot.engine.risk.RiskCheck}s, each answering with an {@link
 * io.tradepilot.engine.risk.RiskDecision} value (approval, or a rejection with a reason code and a
 * message) rather than an exception; the {@link io.tradepilot.engine.risk.TradingStatePort} through which
 * the host tells the engine whether trading is allowed (fail closed when unknown); and position sizing
 * (fixed, fixed-fractional, ATR, Kelly) and TWAP slicing.
 */
package io.tradepilot.engine.risk;
