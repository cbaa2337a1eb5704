package io.tradepilot.engine.backtest;

import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.portfolio.RoundTrip;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.tradepilot.engine.testing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MetricsTest {

    private static RoundTrip trip(String net, String risk) {
        BigDecimal n = new BigDecimal(net);
        return new RoundTrip("AAPL", Side.BUY, T0, BigDecimal.ONE, T0, BigDecimal.ONE, BigDecimal.ONE, n, BigDecimal.ZERO, n,
                risk == null ? null : new BigDecimal(risk));
    }

    private static BacktestResult result(double[] equity, String[] qty, List<RoundTrip> trades) {
        int n = equity.length;
        long start = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();
        long[] t = new long[n], p = new long[n], v = new long[n];
        for (int i = 0; i < n; i++) { t[i] = start + i * 91 * 86_400_000L; p[i] = 100; }
        t[n - 1] = Instant.parse("2021-01-01T00:00:00Z").toEpochMilli();
        BarArrays data = new BarArrays(AAPL, t, p, p, p, p, v, 0, ZoneOffset.UTC);
        BigDecimal[] cash = new BigDecimal[n], q = new BigDecimal[n];
        int[] state = new int[n];
        for (int i = 0; i < n; i++) { cash[i] = BigDecimal.valueOf(equity[i]); q[i] = new BigDecimal(qty[i]); state[i] = i; }
        return new BacktestResult(data, BacktestConfig.of(new BigDecimal("100")), "test", state, cash, q, equity, trades,
                BigDecimal.valueOf(equity[n - 1]), BigDecimal.valueOf(equity[n - 1]), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                0, 0, 0, 0, false);
    }

    @Test
    void statistics_match_hand_computed_values() {
        double[] e = {100, 110, 99, 121, 121};
        BacktestResult r = result(e, new String[]{"0", "1", "1", "0", "0"}, List.of(trip("10", "10"), trip("-5", "10"), trip("20", null)));
        Metrics m = r.metrics();
        assertThat(m.totalReturn()).isCloseTo(0.21, within(1e-12));
        assertThat(m.cagr()).isCloseTo(Math.pow(1.21, 365.25 / 366) - 1, within(1e-12));
        assertThat(m.maxDrawdown()).isCloseTo(0.1, within(1e-12));
        assertThat(m.maxDrawdownDurationBars()).isEqualTo(1);
        assertThat(m.winRate()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.profitFactor()).isCloseTo(6.0, within(1e-12));
        assertThat(m.expectancy()).isCloseTo(25.0 / 3, within(1e-12));
        assertThat(m.averageR()).isCloseTo(0.25, within(1e-12));
        assertThat(m.exposureTime()).isCloseTo(0.4, within(1e-12));
        assertThat(m.tradeCount()).isEqualTo(3);
        double[] rets = {0, 0.1, 99.0 / 110 - 1, 121.0 / 99 - 1, 0};
        double mean = 0; for (double x : rets) mean += x / 5;
        double var = 0, down = 0; for (double x : rets) { var += (x - mean) * (x - mean) / 4; if (x < 0) down += x * x / 5; }
        assertThat(m.sharpe()).isCloseTo(mean / Math.sqrt(var) * Math.sqrt(252), within(1e-9));
        assertThat(m.sortino()).isCloseTo(mean / Math.sqrt(down) * Math.sqrt(252), within(1e-9));
    }

    @Test
    void undefined_statistics_are_nan_not_zero() {
        BacktestResult r = result(new double[]{100, 100}, new String[]{"0", "0"}, List.of());
        Metrics m = r.metrics();
        assertThat(m.winRate()).isNaN();
        assertThat(m.profitFactor()).isNaN();
        assertThat(m.averageR()).isNaN();
        assertThat(m.sharpe()).isNaN();
        assertThat(m.sortino()).isNaN();
        assertThat(m.maxDrawdown()).isZero();
    }

    @Test
    void a_drawdown_never_recovered_lasts_until_the_end() {
        BacktestResult r = result(new double[]{100, 120, 90, 100, 110}, new String[]{"1", "1", "1", "1", "1"}, List.of());
        assertThat(r.metrics().maxDrawdownDurationBars()).isEqualTo(3);
        assertThat(r.metrics().maxDrawdown()).isCloseTo(0.25, within(1e-12));
        assertThat(r.metrics().exposureTime()).isEqualTo(1.0);
    }
}
