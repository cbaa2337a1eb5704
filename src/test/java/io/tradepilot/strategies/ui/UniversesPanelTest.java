package io.tradepilot.strategies.ui;

import io.tradepilot.engine.strategy.params.Problem;
import io.tradepilot.strategies.ConfigRefusal;
import io.tradepilot.strategies.Universe;
import io.tradepilot.strategies.Universes;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The universes tab reads symbols as typed, creates or edits the chosen one, and shows each problem on its field. */
class UniversesPanelTest {

    private final List<String> calls = new ArrayList<>();
    private final List<Universe> stored = new ArrayList<>(List.of(new Universe("NIFTY 50", "NSE", List.of("TCS", "INFY"), 3, "system", Instant.EPOCH, "seed")));

    private final Universes universes = new Universes() {
        @Override
        public List<Universe> universes() {
            return List.copyOf(stored);
        }

        @Override
        public Universe universe(String name) {
            return stored.getFirst();
        }

        @Override
        public Universe create(String name, String exchange, List<String> symbols, String reason) {
            calls.add("create " + name + " " + exchange + " " + symbols);
            throw new ConfigRefusal(422, "INVALID_UNIVERSE", "symbols", "not valid", List.of(new Problem("name", "is required"),
                    new Problem("symbols[1]", "duplicate symbol 'TCS'"), new Problem("symbols[2]", "is blank")));
        }

        @Override
        public Universe update(String name, String exchange, List<String> symbols, Integer expectedVersion, String reason) {
            calls.add("update " + name + " v" + expectedVersion + " " + symbols + " " + reason);
            return new Universe(name, exchange, symbols, expectedVersion + 1, "op", Instant.EPOCH, reason);
        }

        @Override
        public void delete(String name, String reason) {
            throw new ConfigRefusal(409, "UNIVERSE_IN_USE", "name", "the latest version of sma v2 names it");
        }
    };

    @Test
    void symbols_are_split_on_commas_and_lines_and_a_new_universes_problems_show_on_their_fields() {
        assertThat(UniversesPanel.split(" TCS, INFY\nM&M,\n\n BAJAJ-AUTO ")).containsExactly("TCS", "INFY", "M&M", "BAJAJ-AUTO");
        UniversesPanel panel = new UniversesPanel(universes, true);
        panel.symbols.setValue("TCS, TCS");
        panel.reason.setValue("why");
        invokeSave(panel);
        assertThat(calls).containsExactly("create  NSE [TCS, TCS]");
        assertThat(panel.name.isInvalid()).isTrue();
        assertThat(panel.symbols.isInvalid()).isTrue();
        assertThat(panel.symbols.getErrorMessage()).isEqualTo("symbols[1]: duplicate symbol 'TCS'; symbols[2]: is blank");
    }

    @Test
    void the_chosen_universe_is_edited_as_a_new_version_of_the_one_read() {
        UniversesPanel panel = new UniversesPanel(universes, true);
        panel.grid.select(stored.getFirst());
        assertThat(panel.name.getValue()).isEqualTo("NIFTY 50");
        assertThat(panel.name.isReadOnly()).isTrue();
        assertThat(panel.symbols.getValue()).isEqualTo("TCS, INFY");
        panel.symbols.setValue("TCS, INFY, SBIN");
        panel.reason.setValue("add SBIN");
        invokeSave(panel);
        assertThat(calls).containsExactly("update NIFTY 50 v3 [TCS, INFY, SBIN] add SBIN");
        assertThat(panel.message.getText()).isEqualTo("Saved NIFTY 50 v4 (3 symbols).");
    }

    private static void invokeSave(UniversesPanel panel) {
        panel.getChildren().flatMap(c -> c.getChildren()).filter(c -> c.getId().orElse("").equals("universe-save"))
                .map(com.vaadin.flow.component.button.Button.class::cast).findFirst().orElseThrow().click();
    }
}
