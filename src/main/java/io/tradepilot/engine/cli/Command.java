package io.tradepilot.engine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * A subcommand. The {@link Cli} parses the arguments against {@link #options()} before calling
 * {@link #execute}; a command throws {@link UsageException} for bad input (exit 2) and must leave no
 * partial output behind when it fails (see {@link AtomicOutput}).
 */
public interface Command {

    String name();

    /** One line saying what the command does. */
    String summary();

    List<Option> options();

    /** Runs the command; returns the exit code (0 on success). */
    int execute(ParsedArgs args, PrintStream out, PrintStream err) throws UsageException, IOException;
}
