package io.tradepilot.engine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tradepilot.engine.marketdata.BarDataException;

/**
 * The command-line front end: {@code <subcommand> [--option value ...]}. Runs plain Java, no Spring.
 *
 * <p>Contract: returns {@link #EXIT_OK} on success; {@link #EXIT_USAGE} (2) for bad input - an unknown
 * subcommand or option, a missing required option, a missing or malformed data file, a bad value -
 * after printing exactly one line to {@code err} that names the problem; {@link #EXIT_FAILURE} (1) for an
 * unexpected failure (also one line). Commands write their outputs atomically, so a failure leaves no
 * partial output files.
 *
 * <p>{@code io.tradepilot.Application} hands every invocation here that does not ask for the web
 * application (no argument, {@code serve}, or only {@code --name=value} options), so that an unknown
 * word is refused here (exit 2) and never starts the server.
 *
 * <p>Adding a subcommand: implement {@link Command} (declare its {@link Option}s, validate in
 * {@code execute}, throw {@link UsageException} for bad input) and pass it to the constructor in
 * {@link #standard()}.
 */
public final class Cli {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    /** The synopsis of the jar, printed with every refusal of the first argument. */
    public static final String SYNOPSIS = "usage: java -jar tradepilot.jar [serve [--name=value ...] | <command> [options] | help]";

    private final Map<String, Command> commands = new LinkedHashMap<>();

    public Cli(List<Command> commands) {
        for (Command c : commands) this.commands.put(c.name(), c);
    }

    /**
     * The commands of this build: {@code indicators}, {@code backtest} on the engine
     * ({@link EngineBacktestExecutor}), {@code scan}, {@code bench} with the engine's scenarios
     * ({@link EngineBenchScenarios}) and the research commands {@code sweep}, {@code walkforward},
     * {@code montecarlo}.
     */
    public static Cli standard() {
        return new Cli(List.of(
                new IndicatorsCommand(),
                new BacktestCommand(new EngineBacktestExecutor()),
                new ScanCommand(),
                BenchCommand.withScenarios(EngineBenchScenarios.all(), List.of()),
                new SweepCommand(),
                new WalkForwardCommand(),
                new MonteCarloCommand()));
    }

    public static void main(String[] args) {
        System.exit(standard().run(args, System.out, System.err));
    }

    /** Runs {@code args} (subcommand first); never throws, never exits the JVM. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            usage(out);
            return args.length == 0 ? EXIT_USAGE : EXIT_OK;
        }
        Command command = commands.get(args[0]);
        if (command == null) {
            return fail(err, EXIT_USAGE, "unknown command '" + args[0] + "' (known: " + String.join(", ", commands.keySet())
                    + "); " + SYNOPSIS);
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (rest.contains("--help")) {
            usage(out, command);
            return EXIT_OK;
        }
        try {
            ParsedArgs parsed = OptionParser.parse(command.name(), command.options(), rest);
            return command.execute(parsed, out, err);
        } catch (UsageException e) {
            return fail(err, EXIT_USAGE, command.name() + ": " + e.getMessage());
        } catch (BarDataException e) {
            return fail(err, EXIT_USAGE, command.name() + ": malformed data: " + e.getMessage());
        } catch (NoSuchFileException e) {
            return fail(err, EXIT_USAGE, command.name() + ": no such file: " + e.getFile());
        } catch (AccessDeniedException e) {
            return fail(err, EXIT_USAGE, command.name() + ": permission denied: " + e.getFile());
        } catch (IOException e) {
            return fail(err, EXIT_FAILURE, command.name() + ": I/O error: " + e);
        } catch (RuntimeException e) {
            return fail(err, EXIT_FAILURE, command.name() + ": internal error: " + e);
        }
    }

    private static int fail(PrintStream err, int code, String message) {
        err.println(message.replace('\n', ' ').replace('\r', ' '));
        return code;
    }

    private void usage(PrintStream out) {
        out.println(SYNOPSIS);
        out.println("  serve: the web application (also with no argument); --name=value options go to Spring Boot");
        for (Command c : commands.values()) out.println("  " + c.name() + ": " + c.summary());
        out.println("  <command> --help for its options");
    }

    private static void usage(PrintStream out, Command c) {
        StringBuilder sb = new StringBuilder("usage: java -jar tradepilot.jar ").append(c.name());
        for (Option o : c.options()) sb.append(' ').append(o.synopsis());
        out.println(sb);
        for (Option o : c.options()) out.println("  --" + o.name() + ": " + o.help());
    }
}
