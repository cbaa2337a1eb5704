package io.tradepilot.strategies.internal;

import io.tradepilot.strategies.ConfigChange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigDiffTest {

    @Test
    void changed_added_and_removed_paths_are_listed_in_path_order() {
        String a = "type: sma-cross\nparameters:\n  fast: 10\n  slow: 30\nsymbols: [A, B]\nquantity: 100\n";
        String b = "type: sma-cross\nparameters:\n  fast: 12\n  slow: 30\nsymbols: [A]\nintraday: true\n";
        assertThat(ConfigDiff.between(a, b)).containsExactly(
                new ConfigChange("intraday", null, "true"),
                new ConfigChange("parameters.fast", "10", "12"),
                new ConfigChange("quantity", "100", null),
                new ConfigChange("symbols", "[A, B]", "[A]"));
    }

    @Test
    void equal_documents_have_no_differences_whatever_their_key_order() {
        assertThat(ConfigDiff.between("a: 1\nb: {c: 2}\n", "b: {c: 2}\na: 1\n")).isEmpty();
    }
}
