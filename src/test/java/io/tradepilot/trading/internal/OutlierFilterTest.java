package io.tradepilot.trading.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

class OutlierFilterTest {

    private final OutlierFilter filter = new OutlierFilter(new BigDecimal("0.2"));

    @Test
    void the_first_bar_of_a_symbol_is_always_accepted() {
        assertThat(filter.accept("A", 100_00, 2)).isTrue();
    }

    @Test
    void a_close_within_the_threshold_is_accepted_and_one_beyond_it_dropped() {
        filter.accept("A", 100_00, 2);
        assertThat(filter.accept("A", 119_00, 2)).isTrue();
        assertThat(filter.accept("A", 1190_00, 2)).as("a wrong decimal").isFalse();
        assertThat(filter.accept("A", 120_00, 2)).as("measured from the last accepted close").isTrue();
    }

    @Test
    void a_real_level_change_is_accepted_after_the_maximum_number_of_drops() {
        filter.accept("A", 100_00, 2);
        for (int i = 0; i < OutlierFilter.MAX_CONSECUTIVE_DROPS; i++) assertThat(filter.accept("A", 50_00, 2)).isFalse();
        assertThat(filter.accept("A", 50_00, 2)).isTrue();
        assertThat(filter.accept("A", 51_00, 2)).isTrue();
    }

    @Test
    void symbols_are_checked_separately_and_a_zero_threshold_accepts_everything() {
        filter.accept("A", 100_00, 2);
        assertThat(filter.accept("B", 5_00, 2)).isTrue();
        OutlierFilter off = new OutlierFilter(BigDecimal.ZERO);
        off.accept("A", 100_00, 2);
        assertThat(off.accept("A", 1_00, 2)).isTrue();
    }
}
