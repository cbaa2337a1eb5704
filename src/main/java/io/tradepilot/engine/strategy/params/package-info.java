/**
 * Typed, validated strategy parameters: a {@link io.tradepilot.engine.strategy.params.ParameterSchema}
 * lists each parameter's type, range and default plus cross-field rules, and validates raw values (text
 * from the command line, numbers and booleans from a configuration document) into {@link
 * io.tradepilot.engine.strategy.params.Parameters}, reporting every {@link
 * io.tradepilot.engine.strategy.params.Problem} at once with its path.
 */
package io.tradepilot.engine.strategy.params;
