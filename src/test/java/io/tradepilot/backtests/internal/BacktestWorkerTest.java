package io.tradepilot.backtests.internal;

import io.tradepilot.backtests.RunResult;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.marketdata.SyntheticMarket;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The data fingerprint and the monthly returns. */
class BacktestWorkerTest {

    @Test
    void equal_bars_give_equal_hashes_and_one_changed_bar_changes_the_fingerprint() {
        BarSeries a = SyntheticMarket.generate(SyntheticMarket.Spec.nseDaily("AAA", 300, 7));
        BarSeries same = SyntheticMarket.generate(SyntheticMarket.Spec.nseDaily("AAA", 300, 7));
        BarSeries shorter = a.slice(0, 299);
        assertThat(BacktestWorker.sha256(a)).hasSize(64).isEqualTo(BacktestWorker.sha256(same)).isNotEqualTo(BacktestWorker.sha256(shorter));
        Map<String, String> one = new LinkedHashMap<>(Map.of("AAA", BacktestWorker.sha256(a)));
        Map<String, String> other = new LinkedHashMap<>(Map.of("AAA", BacktestWorker.sha256(shorter)));
        assertThat(BacktestWorker.fingerprint(one)).isNotEqualTo(BacktestWorker.fingerprint(other));
    }

    @Test
    void a_month_returns_its_end_over_the_previous_months_end_and_the_first_over_the_initial_cash() {
        List<RunResult.Point> equity = List.of(
                new RunResult.Point(Instant.parse("2020-01-10T00:00:00Z"), new BigDecimal("1050")),
                new RunResult.Point(Instant.parse("2020-01-30T00:00:00Z"), new BigDecimal("1100")),
                new RunResult.Point(Instant.parse("2020-02-27T00:00:00Z"), new BigDecimal("990")));
        Map<YearMonth, Double> m = DefaultBacktests.monthly(equity, new BigDecimal("1000"));
        assertThat(m.get(YearMonth.of(2020, 1))).isCloseTo(0.10, within(1e-12));
        assertThat(m.get(YearMonth.of(2020, 2))).isCloseTo(-0.10, within(1e-12));
    }
}
