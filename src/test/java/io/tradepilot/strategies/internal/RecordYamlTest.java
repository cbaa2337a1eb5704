package io.tradepilot.strategies.internal;

import io.tradepilot.engine.strategy.params.Problem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RecordYamlTest {

    enum Mode { SOFT, HARD }

    record Inner(int count, BigDecimal factor) {
    }

    record Limits(BigDecimal dailyLoss, Mode mode, Inner inner, int streak, List<String> blacklist) {
        Limits {
            if (streak < 0) throw new IllegalArgumentException("streak must be 0 or more: " + streak);
            blacklist = blacklist == null ? List.of() : List.copyOf(blacklist);
        }
    }

    @Test
    void a_record_round_trips_through_its_yaml() {
        Limits l = new Limits(new BigDecimal("0.018"), Mode.HARD, new Inner(3, new BigDecimal("0.5")), 5, List.of("ABC", "X\"Y"));
        String yaml = RecordYaml.write(l);
        assertThat(yaml).contains("daily-loss: 0.018").contains("inner:\n  count: 3");
        var read = RecordYaml.read(Limits.class, yaml);
        assertThat(read.problems()).isEmpty();
        assertThat(read.value()).isEqualTo(l);
        assertThat(RecordYaml.write(read.value())).isEqualTo(yaml);
    }

    @Test
    void the_hosts_limits_record_round_trips_with_every_component() {
        var limits = new io.tradepilot.trading.internal.TradingPropertiesAccess().defaults();
        String yaml = RecordYaml.write(limits);
        for (var c : limits.getClass().getRecordComponents()) assertThat(yaml).contains(RecordYaml.kebab(c.getName()) + ":");
        var read = RecordYaml.read(limits.getClass(), yaml);
        assertThat(read.problems()).isEmpty();
        assertThat(read.value()).isEqualTo(limits);
    }

    @Test
    void every_problem_is_reported_with_its_path() {
        var read = RecordYaml.read(Limits.class, """
                daily-loss: lots
                mode: MEDIUM
                inner: {count: 1.5}
                extra: 1
                """);
        assertThat(read.problems()).extracting(Problem::path).containsExactlyInAnyOrder("extra", "daily-loss", "mode", "inner.count");
    }

    @Test
    void the_records_own_refusal_is_a_problem() {
        var read = RecordYaml.read(Limits.class, "streak: -1\n");
        assertThat(read.problems()).containsExactly(new Problem("(document)", "streak must be 0 or more: -1"));
    }

    @Test
    void tightening_needs_no_confirmation_and_loosening_does() {
        Map<String, Object> before = Map.of("daily-loss", new BigDecimal("0.02"), "max", BigDecimal.ZERO, "blacklist", List.of("A"),
                "size-reduction.wins-to-restore", 2, "action", "TRIP");
        assertThat(DefaultRiskSettings.loosening(before, Map.of("daily-loss", new BigDecimal("0.010"), "max", BigDecimal.TEN,
                "blacklist", List.of("A", "B"), "size-reduction.wins-to-restore", 3, "action", "TRIP"))).isEmpty();
        assertThat(DefaultRiskSettings.loosening(before, Map.of("daily-loss", new BigDecimal("0.03"), "max", BigDecimal.ZERO,
                "blacklist", List.of(), "size-reduction.wins-to-restore", 1, "action", "KILL")))
                .extracting(c -> c.path()).containsExactlyInAnyOrder("daily-loss", "blacklist", "size-reduction.wins-to-restore", "action");
        assertThat(DefaultRiskSettings.loosening(Map.of("daily-loss", new BigDecimal("0.02")), Map.of("daily-loss", BigDecimal.ZERO)))
                .extracting(c -> c.path()).containsExactly("daily-loss"); // switching a limit off loosens it
    }
}
