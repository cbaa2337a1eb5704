package io.tradepilot.engine.backtest;

import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Price;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.List;

import static io.tradepilot.engine.testing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BarArraysTest {

    private static long[] a(long... v) { return v; }

    @Test
    void an_inconsistent_bar_is_refused_naming_its_index() {
        assertThatThrownBy(() -> new BarArrays(AAPL, a(1, 2), a(100, 100), a(110, 99), a(90, 95), a(100, 100), a(1, 1), 2, ZoneOffset.UTC))
                .hasMessageContaining("inconsistent bar 1");
    }

    @Test
    void times_must_increase_and_arrays_must_match_in_length() {
        assertThatThrownBy(() -> new BarArrays(AAPL, a(2, 2), a(1, 1), a(1, 1), a(1, 1), a(1, 1), a(1, 1), 2, ZoneOffset.UTC))
                .hasMessageContaining("not increasing at bar 1");
        assertThatThrownBy(() -> new BarArrays(AAPL, a(1), a(1, 1), a(1), a(1), a(1), a(1), 2, ZoneOffset.UTC))
                .hasMessageContaining("differ in length");
    }

    @Test
    void exact_bars_convert_at_the_smallest_scale_that_holds_every_price_and_back() {
        Bar b = new Bar(T0, Price.of("100.125"), Price.of("101"), Price.of("99.5"), Price.of("100"), 7);
        BarArrays d = BarArrays.fromBars(AAPL, List.of(b), ZoneOffset.UTC);
        assertThat(d.priceDecimals()).isEqualTo(3);
        assertThat(d.open()[0]).isEqualTo(100125);
        assertThat(d.bar(0)).isEqualTo(b);
    }
}
