package io.tradepilot.engine.risk;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LossStreakTest {

    /** Outcomes: L loss, W win, 0 breakeven, in order. ALPHA-PRIME: 3 losses halve, 2 wins in a row restore. */
    @ParameterizedTest(name = "{0} -> reduced={1}, losses={2}, wins={3}")
    @CsvSource(delimiter = '|', textBlock = """
            # outcomes      | reduced | losses in a row | wins while reduced
            ''              | false   | 0 | 0
            L L             | false   | 2 | 0
            L L L           | true    | 3 | 0
            L L W L         | false   | 1 | 0
            L L 0 L         | false   | 1 | 0
            L L L L L       | true    | 5 | 0
            L L L W         | true    | 0 | 1
            L L L W W       | false   | 0 | 0
            L L L W L W     | true    | 0 | 1
            L L L W 0 W     | false   | 0 | 0
            L L L 0 0 0     | true    | 0 | 0
            L L L W W L L   | false   | 2 | 0
            L L L W W L L L | true    | 3 | 0
            """)
    void alpha_prime_reduces_after_three_losses_and_restores_after_two_wins_in_a_row(String outcomes, boolean reduced, int losses, int wins) {
        LossStreak streak = new LossStreak(LossSizeReduction.ALPHA_PRIME);
        for (String o : outcomes.isBlank() ? new String[0] : outcomes.trim().split(" +")) {
            streak.onRoundTrip(switch (o) {
                case "L" -> new BigDecimal("-12.50");
                case "W" -> new BigDecimal("0.01");
                default -> new BigDecimal("0.00");
            });
        }
        assertThat(streak.reduced()).isEqualTo(reduced);
        assertThat(streak.consecutiveLosses()).isEqualTo(losses);
        assertThat(streak.winsWhileReduced()).isEqualTo(wins);
        assertThat(streak.factor()).isEqualByComparingTo(reduced ? "0.5" : "1");
        assertThat(streak.state()).isEqualTo(new LossStreak.State(losses, reduced, wins, streak.factor()));
    }

    @ParameterizedTest(name = "{0} x {1}, lot {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # requested | factor | lot  | entry while reduced
            100         | 0.5    | 1    | 50
            101         | 0.5    | 1    | 50
            1           | 0.5    | 1    | 0
            150         | 0.5    | 50   | 50
            100         | 0.5    | 50   | 50
            50          | 0.5    | 50   | 0
            10          | 0.3    | 1    | 3
            7.5         | 0.5    | 0.25 | 3.75
            7.5         | 0.5    | 0.5  | 3.5
            100         | 1      | 1    | 100
            """)
    void a_reduced_entry_rounds_down_to_whole_lots(String requested, String factor, String lot, String expected) {
        LossStreak streak = new LossStreak(new LossSizeReduction(1, new BigDecimal(factor), 1));
        assertThat(streak.entryQuantity(new BigDecimal(requested), new BigDecimal(lot))).as("full size").isEqualByComparingTo(requested);
        streak.onRoundTrip(BigDecimal.ONE.negate());
        assertThat(streak.entryQuantity(new BigDecimal(requested), new BigDecimal(lot))).isEqualByComparingTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"L L L L L L L L"})
    void switched_off_it_never_reduces(String outcomes) {
        LossStreak streak = new LossStreak(LossSizeReduction.OFF);
        for (String ignored : outcomes.split(" ")) streak.onRoundTrip(new BigDecimal("-1"));
        assertThat(streak.reduced()).isFalse();
        assertThat(streak.consecutiveLosses()).as("still counted for the consecutive-loss trip").isEqualTo(8);
        assertThat(streak.entryQuantity(new BigDecimal("100"), BigDecimal.ONE)).isEqualByComparingTo("100");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            3 | 0    | 2 | factor
            3 | 1.5  | 2 | factor
            3 | -0.5 | 2 | factor
            3 | 0.5  | 0 | winsToRestore
            -1| 0.5  | 2 | afterLosses
            """)
    void an_impossible_rule_is_refused(int losses, String factor, int wins, String named) {
        assertThatThrownBy(() -> new LossSizeReduction(losses, new BigDecimal(factor), wins)).hasMessageContaining(named);
    }

    /** A rule applied live keeps the streak so far and judges it by the new numbers. */
    @ParameterizedTest(name = "{0}, then {1}/{2}/{3} -> reduced={4}")
    @CsvSource(delimiter = '|', textBlock = """
            # outcomes before | after losses | factor | wins to restore | reduced at once | factor now
            L L               | 2            | 0.25   | 1               | true            | 0.25
            L L               | 4            | 0.25   | 1               | false           | 1
            L L L             | 0            | 1      | 0               | false           | 1
            L L L W           | 3            | 0.5    | 1               | false           | 1
            L L L W           | 3            | 0.5    | 3               | true            | 0.5
            L L L             | 5            | 0.75   | 2               | true            | 0.75
            """)
    void a_new_rule_follows_the_streak_so_far(String outcomes, int afterLosses, String factor, int winsToRestore, boolean reduced,
                                              String factorNow) {
        LossStreak streak = new LossStreak(LossSizeReduction.ALPHA_PRIME);
        for (String o : outcomes.trim().split(" +")) streak.onRoundTrip(new BigDecimal(o.equals("L") ? "-1" : "1"));
        streak.setRule(new LossSizeReduction(afterLosses, new BigDecimal(factor), winsToRestore));
        assertThat(streak.reduced()).isEqualTo(reduced);
        assertThat(streak.factor()).isEqualByComparingTo(factorNow);
    }
}
