/**
 * Stored, versioned strategy configurations and risk settings, and applying them to the running engine without a
 * restart. {@link io.tradepilot.strategies.StrategyConfigs} and {@link io.tradepilot.strategies.RiskSettings} are
 * the API (viewers read; operators draft, validate and roll back; admins apply); implementations live in
 * {@code internal}, the REST endpoints in {@code web}, the page in {@code ui}. The engine is reached through
 * {@link io.tradepilot.trading.LiveConfiguration}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Strategies")
package io.tradepilot.strategies;
