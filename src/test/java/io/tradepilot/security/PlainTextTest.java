package io.tradepilot.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void letters_of_every_script_punctuation_and_emoji_are_plain() {
        for (String text : new String[] {null, "", "Broker rejects every order — 100%", "शेयर बाज़ार", "株式 🚀 ok", "a\u00A0b"}) {
            assertThat(PlainText.singleLineProblem(text)).as(text).isEmpty();
            assertThat(PlainText.multiLineProblem(text)).as(text).isEmpty();
        }
    }

    @Test
    void every_c0_and_c1_control_character_and_delete_is_refused_on_a_single_line() {
        for (int c = 0; c <= 0x9F; c++) {
            boolean control = c < 0x20 || c >= 0x7F;
            assertThat(PlainText.singleLineProblem("ab" + (char) c + "cd").isPresent()).as("U+%04X", c).isEqualTo(control);
        }
    }

    @Test
    void a_multi_line_field_takes_line_breaks_and_tabs_but_no_other_control_character() {
        assertThat(PlainText.multiLineProblem("first\r\nsecond\n\tindented")).isEmpty();
        assertThat(PlainText.singleLineProblem("first\nsecond")).isPresent();
        assertThat(PlainText.singleLineProblem("a\tb")).isPresent();
        assertThat(PlainText.multiLineProblem("nul\u0000 in reason")).isPresent();
        assertThat(PlainText.multiLineProblem("bell\u0007")).isPresent();
        assertThat(PlainText.multiLineProblem("escape\u001b[31m red")).isPresent();
        assertThat(PlainText.multiLineProblem("next line\u0085")).isPresent();
    }

    @Test
    void a_lone_surrogate_half_is_refused_and_a_pair_is_not() {
        assertThat(PlainText.singleLineProblem("\uD83D\uDE80")).isEmpty();
        assertThat(PlainText.singleLineProblem("x\uD83D")).hasValueSatisfying(p -> assertThat(p).contains("U+D83D"));
        assertThat(PlainText.singleLineProblem("\uDE80x")).isPresent();
        assertThat(PlainText.multiLineProblem("\uDE80\uD83D")).isPresent();
    }

    @Test
    void the_problem_names_the_character_and_its_position_and_the_violation_the_field() {
        assertThat(PlainText.multiLineProblem("nul\u0000 in reason"))
                .contains("contains a control character (U+0000) at position 4. Only plain text, line breaks and tabs are accepted.");
        Optional<PlainText.Violation> violation = PlainText.multiLine("reason", "nul\u0000");
        assertThat(violation).hasValueSatisfying(v -> {
            assertThat(v.field()).isEqualTo("reason");
            assertThat(v.message()).startsWith("Field 'reason': contains a control character (U+0000)");
        });
    }

    @Test
    void first_answers_the_first_violation_in_order() {
        assertThat(PlainText.first(PlainText.singleLine("symbol", "OK"), PlainText.singleLine("side", "B\u0001"),
                PlainText.multiLine("reason", "\u0000"))).map(PlainText.Violation::field).contains("side");
        assertThat(PlainText.first(PlainText.singleLine("symbol", "OK"))).isEmpty();
    }
}
