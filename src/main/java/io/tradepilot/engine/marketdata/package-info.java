/**
 * Market data for the engine: a columnar {@link io.tradepilot.engine.marketdata.BarSeries} holding exact
 * scaled-integer prices, a fast and strict CSV reader for {@code date,open,high,low,close,volume} files
 * ({@link io.tradepilot.engine.marketdata.CsvBarReader}), resampling to daily and Monday-based weekly bars
 * ({@link io.tradepilot.engine.marketdata.Resampler}) and a seeded synthetic market
 * ({@link io.tradepilot.engine.marketdata.SyntheticMarket}) for demos, tests and benchmarks.
 * Plain Java: no framework imports, no wall clock.
 */
package io.tradepilot.engine.marketdata;
