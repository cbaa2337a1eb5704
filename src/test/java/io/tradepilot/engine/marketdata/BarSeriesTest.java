package io.tradepilot.engine.marketdata;

import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Price;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BarSeriesTest {

    static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    static Bar bar(String t, String o, String h, String l, String c, long v) {
        return new Bar(Instant.parse(t), Price.of(o), Price.of(h), Price.of(l), Price.of(c), v);
    }

    @Test
    void conversion_from_and_to_bars_is_lossless() {
        List<Bar> bars = List.of(
                bar("2021-01-01T03:45:00Z", "100.05", "101", "99.95", "100.5", 10),
                bar("2021-01-01T03:50:00Z", "100.5", "100.623", "100.1", "100.12", 0));
        BarSeries s = BarSeries.fromBars("X", IST, TimeStamping.DATE_TIME, bars);
        assertThat(s.priceScale()).isEqualTo(3);
        assertThat(s.high(1)).isEqualTo(100_623);
        assertThat(s.toBars()).isEqualTo(bars);
        assertThat(s.bar(0).low().value().toPlainString()).isEqualTo("99.950");
    }

    @Test
    void doubles_are_the_nearest_to_the_exact_decimals() {
        BarSeries s = BarSeries.fromBars("X", IST, TimeStamping.DATE,
                List.of(bar("2021-01-01T00:00:00Z", "0.1", "0.3", "0.1", "0.3", 1)));
        assertThat(s.closes()[0]).isEqualTo(0.3);
        assertThat(s.opens()[0]).isEqualTo(0.1);
    }

    @Test
    void construction_refuses_broken_invariants() {
        long[] t = {2, 1};
        long[] p = {1, 1};
        assertThatThrownBy(() -> BarSeries.of("X", IST, TimeStamping.DATE, 0, t, p, p, p, p, p))
                .hasMessageContaining("does not start after");
        assertThatThrownBy(() -> BarSeries.of("X", IST, TimeStamping.DATE, 0, new long[]{1}, new long[]{5}, new long[]{4},
                new long[]{1}, new long[]{2}, new long[]{0})).hasMessageContaining("inconsistent bar 0");
        assertThatThrownBy(() -> new BarSeries.Builder("X", IST, TimeStamping.DATE, 0, 4).add(1, 1, 1, 1, 1, -1))
                .hasMessageContaining("negative volume");
    }

    @Test
    void slices_and_equality_follow_the_values() {
        BarSeries s = SyntheticMarket.generate(SyntheticMarket.Spec.nseDaily("X", 50, 3));
        BarSeries a = s.slice(10, 20);
        assertThat(a.size()).isEqualTo(10);
        assertThat(a.toBars()).isEqualTo(s.toBars().subList(10, 20));
        assertThat(a).isEqualTo(s.slice(10, 20)).isNotEqualTo(s.slice(11, 21));
    }
}
