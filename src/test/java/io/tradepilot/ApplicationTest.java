package io.tradepilot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** What an invocation of the jar starts: the web application only when asked for, never on a typo. */
class ApplicationTest {

    private final List<String[]> started = new ArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private OptionalInt dispatch(String... args) {
        return Application.dispatch(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), started::add);
    }

    @Test
    void an_unknown_command_exits_2_with_one_usage_line_and_starts_nothing() {
        assertThat(dispatch("frobnicate")).hasValue(2);
        assertThat(started).as("the web application (Spring, embedded servers, ./data) was not started").isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("unknown command 'frobnicate' (known: indicators, backtest, scan, bench, sweep, walkforward, montecarlo); "
                + "usage: java -jar tradepilot.jar [serve [--name=value ...] | <command> [options] | help]" + System.lineSeparator());
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void a_word_among_spring_options_or_after_serve_is_refused_too() {
        assertThat(dispatch("--server.port=8081", "frobnicate")).hasValue(2);
        assertThat(dispatch("serve", "frobnicate")).hasValue(2);
        assertThat(dispatch("Serve")).hasValue(2);
        assertThat(started).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("serve: unexpected argument 'frobnicate'");
    }

    @Test
    void no_argument_serve_or_only_spring_options_start_the_web_application() {
        assertThat(dispatch()).isEmpty();
        assertThat(dispatch("serve")).isEmpty();
        assertThat(dispatch("serve", "--server.port=8081")).isEmpty();
        assertThat(dispatch("--server.port=8081", "--debug")).isEmpty();
        assertThat(started).extracting(a -> String.join(" ", a))
                .containsExactly("", "", "--server.port=8081", "--server.port=8081 --debug");
    }

    @Test
    void help_and_subcommands_go_to_the_command_line() {
        assertThat(dispatch("--help")).hasValue(0);
        assertThat(dispatch("backtest", "--help")).hasValue(0);
        assertThat(dispatch("backtest")).hasValue(2);
        assertThat(started).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("serve: the web application", "backtest: run a strategy");
    }
}
