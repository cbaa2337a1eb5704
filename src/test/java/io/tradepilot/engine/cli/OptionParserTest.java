package io.tradepilot.engine.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionParserTest {

    static final List<Option> OPTIONS = List.of(
            Option.required("data", "FILE", "input"),
            Option.optional("rounds", "N", "rounds"),
            Option.repeatable("param", "k=v", "parameter"),
            Option.flag("fast", "go fast"));

    static ParsedArgs parse(String... args) throws UsageException {
        return OptionParser.parse("cmd", OPTIONS, List.of(args));
    }

    @Test
    void values_come_separate_or_after_an_equals_sign_and_repeatable_ones_keep_their_order() throws Exception {
        ParsedArgs a = parse("--data", "x.csv", "--param=a=1", "--param", "b=2", "--fast", "--rounds=3");
        assertThat(a.required("data")).isEqualTo("x.csv");
        assertThat(a.values("param")).containsExactly("a=1", "b=2");
        assertThat(a.has("fast")).isTrue();
        assertThat(a.integer("rounds", 10, 1, 5)).isEqualTo(3);
        assertThat(parse("--data", "x").integer("rounds", 10, 1, 5)).isEqualTo(10);
        assertThat(parse("--data", "x").values("param")).isEmpty();
    }

    @Test
    void misuse_is_refused_with_a_message_naming_the_option() {
        assertThatThrownBy(() -> parse("--data", "x", "--data", "y")).hasMessage("option --data given twice");
        assertThatThrownBy(() -> parse("--data", "x", "--fast=yes")).hasMessage("option --fast takes no value");
        assertThatThrownBy(() -> parse("--data", "--fast")).hasMessage("option --data needs a value (FILE)");
        assertThatThrownBy(() -> parse("--fast")).hasMessage("missing required option --data");
        assertThatThrownBy(() -> parse("--data", "x", "--slow")).hasMessage("unknown option --slow for cmd");
        assertThatThrownBy(() -> parse("--data", "x", "-f")).hasMessage("unexpected argument '-f' (options start with --)");
        assertThatThrownBy(() -> parse("--data", "x", "--rounds", "9").integer("rounds", 1, 1, 5)).hasMessage("--rounds must be a whole number from 1 to 5: 9");
        assertThatThrownBy(() -> parse("--data", "x", "--rounds", "many").integer("rounds", 1, 1, 5)).hasMessage("--rounds: not a number: 'many'");
        assertThatThrownBy(() -> parse("--data", "x", "--rounds", "2.5").integer("rounds", 1, 1, 5)).hasMessage("--rounds must be a whole number from 1 to 5: 2.5");
    }

    @Test
    void synopsis_brackets_optional_options() {
        assertThat(OPTIONS.stream().map(Option::synopsis).toList())
                .containsExactly("--data FILE", "[--rounds N]", "[--param k=v ...]", "[--fast]");
    }
}
