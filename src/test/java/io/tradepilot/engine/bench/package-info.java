/**
 * JMH benchmarks of the engine's data path (CSV parsing, indicators) and of the sma-cross backtest over the real data. Not run by the test suite. Run after
 * {@code ./mvnw -o test-compile} with the test classpath, e.g.
 * {@code java -cp target/test-classes:target/classes:<test classpath> org.openjdk.jmh.Main 'io.tradepilot.engine.bench.*'};
 * the {@code bench} subcommand gives quick single-shot numbers.
 */
package io.tradepilot.engine.bench;
