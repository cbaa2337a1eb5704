package io.tradepilot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Entry point of the single Tradepilot process: the web application, or a command-line
 * subcommand (backtest, indicators, bench, scan) that runs the plain-Java engine without Spring.
 */
@SpringBootApplication
public class Application {

    public static void main(String[] args) {
        SpringApplication.run(Application.class, args);
    }
}
