package io.tradepilot.backtests.internal;

import io.tradepilot.engine.backtest.Metrics;
import io.tradepilot.engine.research.ParameterAxis;
import io.tradepilot.engine.research.SeriesOutcome;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A cell's stored form reads back to the same values: exact decimals, the same doubles (NaN and infinities too). */
class SweepStoreTest {

    @Test
    void outcomes_params_axes_and_returns_read_back_exactly() {
        Metrics m = new Metrics(0.1 + 0.2, Double.NaN, -1.2345678901234567, Double.POSITIVE_INFINITY, 0.25, 12, 3.5, 0.5, Double.NEGATIVE_INFINITY,
                -0.0, 1e-300, 0.75, 9);
        List<SeriesOutcome> series = List.of(new SeriesOutcome("SYNTH-ALPHA", m, new BigDecimal("1000123.4500"), new BigDecimal("123.45"),
                new BigDecimal("0.0001"), 9, 4));
        List<SeriesOutcome> back = SweepStore.outcomes(SweepStore.outcomes(series));
        assertThat(back).isEqualTo(series);
        assertThat(back.getFirst().finalEquity().scale()).isEqualTo(4);

        Map<String, String> params = new LinkedHashMap<>();
        params.put("slow", "30");
        params.put("fast", "0.5");
        assertThat(SweepStore.params(SweepStore.params(params))).containsExactlyEntriesOf(params);

        List<ParameterAxis> axes = List.of(ParameterAxis.parse("fast=5:20:5"), ParameterAxis.parse("slow=30,50"));
        assertThat(SweepStore.axes(SweepStore.axes(axes))).isEqualTo(axes);

        double[] returns = {0.01, -0.0, Double.NaN, 1e-17};
        assertThat(SweepStore.doubles(SweepStore.bytes(returns))).isEqualTo(returns);
    }
}
