package io.tradepilot.engine.marketdata;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticMarketTest {

    @Test
    void the_same_seed_gives_identical_bars_and_another_seed_different_ones() {
        var spec = SyntheticMarket.Spec.nseDaily("S", 500, 42);
        assertThat(SyntheticMarket.generate(spec)).isEqualTo(SyntheticMarket.generate(spec));
        assertThat(SyntheticMarket.generate(SyntheticMarket.Spec.nseDaily("S", 500, 43))).isNotEqualTo(SyntheticMarket.generate(spec));
    }

    @Test
    void a_fixed_seed_gives_fixed_bars() {
        // Pins the generator (and its cross-JVM determinism): changing the model must be a conscious, visible change.
        BarSeries daily = SyntheticMarket.generate(SyntheticMarket.Spec.nseDaily("S", 250, 1));
        assertThat(new String(CsvBarWriter.toBytes(daily.slice(0, 2))))
                .isEqualTo("date,open,high,low,close,volume\n2015-01-01,991.80,1002.30,984.70,1001.70,925334\n2015-01-02,1000.70,1004.90,984.80,991.85,1749722\n");
        assertThat(Arrays.hashCode(CsvBarWriter.toBytes(daily))).isEqualTo(72768028);
        BarSeries intraday = SyntheticMarket.generate(SyntheticMarket.Spec.nseFiveMinute("S", 5, 1));
        assertThat(Arrays.hashCode(CsvBarWriter.toBytes(intraday))).isEqualTo(1285786069);
    }

    @Test
    void prices_are_tick_multiples_on_weekdays_and_never_below_a_tick() {
        BarSeries s = SyntheticMarket.generate(SyntheticMarket.Spec.nseDaily("S", 3000, 5));
        assertThat(s.size()).isEqualTo(3000);
        for (int i = 0; i < s.size(); i++) {
            assertThat(s.open(i) % 5).isZero();
            assertThat(s.high(i) % 5).isZero();
            assertThat(s.low(i) % 5).isZero();
            assertThat(s.close(i) % 5).isZero();
            assertThat(s.low(i)).isGreaterThanOrEqualTo(5);
            DayOfWeek d = s.start(i).atZone(s.zone()).getDayOfWeek();
            assertThat(d).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        }
    }

    @Test
    void intraday_sessions_have_a_u_shaped_volume_and_range_profile() {
        BarSeries s = SyntheticMarket.generate(SyntheticMarket.Spec.nseFiveMinute("S", 200, 9));
        assertThat(s.size()).isEqualTo(200 * 75);
        ZoneId z = s.zone();
        assertThat(Instant.ofEpochMilli(s.startMillis(0)).atZone(z).toLocalTime()).isEqualTo(LocalTime.of(9, 15));
        assertThat(Instant.ofEpochMilli(s.startMillis(74)).atZone(z).toLocalTime()).isEqualTo(LocalTime.of(15, 25));
        double[] vol = new double[75], range = new double[75];
        for (int i = 0; i < s.size(); i++) {
            vol[i % 75] += s.volume(i);
            range[i % 75] += (double) (s.high(i) - s.low(i)) / s.close(i);
        }
        assertThat(vol[0]).isGreaterThan(2 * vol[37]);
        assertThat(vol[74]).isGreaterThan(2 * vol[37]);
        assertThat(range[0]).isGreaterThan(1.5 * range[37]);
        assertThat(range[74]).isGreaterThan(1.5 * range[37]);
    }
}
