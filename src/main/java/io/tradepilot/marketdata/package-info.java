/**
 * Stored historical bars for backtests and their quality: series imported from CSV files (validated line by line
 * with the engine's own reader, refused whole on any error) or fetched from the connected broker, listed with their
 * quality report, loaded whole as the engine's {@link io.tradepilot.engine.marketdata.BarSeries}.
 * {@link io.tradepilot.marketdata.MarketData} is the application service (viewers read; operators and admins import,
 * fetch and delete; every change audited); {@link io.tradepilot.marketdata.HistoricalBars} is what backtests read.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Market data")
package io.tradepilot.marketdata;
