package io.tradepilot;

import io.tradepilot.engine.cli.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Entry point of the single Tradepilot process: the web application, or a command-line
 * subcommand (backtest, indicators, bench, scan) that runs the plain-Java engine without Spring.
 */
@SpringBootApplication
public class Application {

    public static void main(String[] args) {
        if (args.length > 0 && Cli.handles(args[0])) {
            // Command line: plain Java, no Spring context; the exit code is the command's.
            System.exit(Cli.standard().run(args, System.out, System.err));
            return;
        }
        SpringApplication.run(Application.class, args);
    }
}
