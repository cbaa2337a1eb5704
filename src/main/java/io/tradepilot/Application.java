package io.tradepilot;

import io.tradepilot.engine.cli.Cli;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Entry point of the single Tradepilot process: the web application, or a command-line
 * subcommand (backtest, indicators, bench, scan) that runs the plain-Java engine without Spring.
 */
@SpringBootApplication
public class Application {

    /** The first argument that asks for the web application explicitly. */
    static final String SERVE = "serve";

    public static void main(String[] args) {
        dispatch(args, System.out, System.err, webArgs -> SpringApplication.run(Application.class, webArgs))
                .ifPresent(System::exit);
    }

    /**
     * Decides what an invocation of the jar runs. The web application starts (through {@code webApplication},
     * with the arguments meant for Spring Boot) when there is no argument, when the first is {@code serve}, or
     * when every argument is a Spring Boot option ({@code --name=value} or {@code --name}, but not
     * {@code --help}). Everything else goes to the command line ({@link Cli}), which refuses an unknown word
     * with one line and exit code 2: a typo never starts the servers, creates {@code ./data} or an admin.
     *
     * @return the command line's exit code, or empty when the web application was started (it keeps running)
     */
    static OptionalInt dispatch(String[] args, PrintStream out, PrintStream err, Consumer<String[]> webApplication) {
        boolean serve = args.length > 0 && args[0].equals(SERVE);
        if (serve || Arrays.stream(args).allMatch(Application::isSpringOption)) {
            String[] webArgs = serve ? Arrays.copyOfRange(args, 1, args.length) : args;
            for (String a : webArgs) {
                if (!isSpringOption(a)) {
                    err.println(SERVE + ": unexpected argument '" + a + "' (the web application takes --name=value options); "
                            + Cli.SYNOPSIS);
                    return OptionalInt.of(Cli.EXIT_USAGE);
                }
            }
            webApplication.accept(webArgs);
            return OptionalInt.empty();
        }
        return OptionalInt.of(Cli.standard().run(args, out, err));
    }

    private static boolean isSpringOption(String arg) {
        return arg.startsWith("--") && arg.length() > 2 && !arg.equals("--help");
    }
}
