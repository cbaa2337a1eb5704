package io.tradepilot.strategies.internal;

import io.tradepilot.strategies.BacktestEvidence;
import io.tradepilot.strategies.PromotionCheck;
import io.tradepilot.strategies.PromotionStage;
import io.tradepilot.strategies.PromotionThresholds;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Each threshold of the promotion gate fails alone; the boundaries pass; undefined figures fail. */
class PromotionRulesTest {

    private static final PromotionThresholds T = new PromotionThresholds(3, 30, new BigDecimal("0.5"), new BigDecimal("0.25"), 20, "admin",
            Instant.EPOCH, "test");

    private static Optional<BacktestEvidence.Run> run(int trades, double sharpe, double p95) {
        return Optional.of(new BacktestEvidence.Run(11, Instant.EPOCH, trades, sharpe, p95, "reshuffle", 10_000, 1));
    }

    private static List<String> failing(List<PromotionCheck> checks) {
        return checks.stream().filter(c -> !c.passed()).map(PromotionCheck::name).toList();
    }

    @Test
    void good_evidence_passes_for_paper_at_the_boundaries() {
        var checks = PromotionRules.check(PromotionStage.READY_FOR_PAPER, run(30, 0.5, 0.25), false, 0, T);
        assertThat(failing(checks)).isEmpty();
        assertThat(PromotionRules.passed(checks)).isTrue();
        assertThat(checks).extracting(PromotionCheck::name).containsExactly("EVIDENCE", "MIN_TRADES", "MIN_SHARPE", "MAX_DRAWDOWN_P95");
    }

    @Test
    void each_threshold_fails_alone() {
        assertThat(failing(PromotionRules.check(PromotionStage.READY_FOR_PAPER, Optional.empty(), false, 0, T))).containsExactly("EVIDENCE");
        assertThat(failing(PromotionRules.check(PromotionStage.READY_FOR_PAPER, run(29, 2, 0.1), false, 0, T))).containsExactly("MIN_TRADES");
        assertThat(failing(PromotionRules.check(PromotionStage.READY_FOR_PAPER, run(100, 0.4999, 0.1), false, 0, T))).containsExactly("MIN_SHARPE");
        assertThat(failing(PromotionRules.check(PromotionStage.READY_FOR_PAPER, run(100, 2, 0.2501), false, 0, T))).containsExactly("MAX_DRAWDOWN_P95");
        assertThat(failing(PromotionRules.check(PromotionStage.READY_FOR_LIVE, run(100, 2, 0.1), false, 25, T))).containsExactly("PAPER_STAGE");
        assertThat(failing(PromotionRules.check(PromotionStage.READY_FOR_LIVE, run(100, 2, 0.1), true, 19, T))).containsExactly("MIN_PAPER_DAYS");
        assertThat(failing(PromotionRules.check(PromotionStage.READY_FOR_LIVE, run(100, 2, 0.1), true, 20, T))).isEmpty();
    }

    @Test
    void undefined_figures_fail_closed_and_the_check_says_what_was_found() {
        var checks = PromotionRules.check(PromotionStage.READY_FOR_PAPER, run(0, Double.NaN, Double.NaN), false, 0, T);
        assertThat(failing(checks)).containsExactly("MIN_TRADES", "MIN_SHARPE", "MAX_DRAWDOWN_P95");
        assertThat(checks.get(2).toString()).isEqualTo("MIN_SHARPE: Sharpe undefined (required at least 0.5)");
        assertThat(checks.get(3).required()).isEqualTo("at most 25.00 %");
    }
}
