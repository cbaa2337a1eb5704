/**
 * Strategy configuration documents (YAML or JSON): {@link
 * io.tradepilot.engine.strategy.config.StrategyConfigLoader} reads one into a validated {@link
 * io.tradepilot.engine.strategy.config.StrategyConfig} or into the complete list of problems, each with
 * its path; a document with any problem yields no configuration at all (never half-applied).
 *
 * <p>Parsing: SnakeYAML's safe loader for both formats. A JSON configuration document is valid YAML
 * (YAML 1.2 is a superset of JSON; SnakeYAML implements YAML 1.1, which reads the JSON this format
 * needs — objects, arrays, strings, numbers, booleans, null — identically), so one parser serves both
 * and there is no second, hand-written JSON reader to keep correct. Duplicate keys are refused. A
 * YAML 1.1 trap is caught: an unquoted {@code 15:15} is the base-60 number 915, so a time given as a
 * number is refused with a hint to quote it.
 */
package io.tradepilot.engine.strategy.config;
