/**
 * The command line of the packaged jar ({@code java -jar tradepilot.jar <subcommand> ...}), plain Java,
 * run without starting Spring. {@link io.tradepilot.engine.cli.Cli} dispatches to
 * {@link io.tradepilot.engine.cli.Command}s; options are declared as {@link io.tradepilot.engine.cli.Option}s
 * and parsed by {@link io.tradepilot.engine.cli.OptionParser}. Exit codes: 0 success, 2 bad input
 * (one-line message on stderr, no output files left behind), 1 unexpected failure.
 */
package io.tradepilot.engine.cli;
