package io.tradepilot.engine.risk;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TwapTest {
    @Test
    void one_hundred_over_five_slices_is_five_times_twenty() {
        assertThat(Twap.slices(100, 5)).containsExactly(20, 20, 20, 20, 20);
    }

    @Test
    void remainders_go_to_the_first_slices() {
        assertThat(Twap.slices(103, 5)).containsExactly(21, 21, 21, 20, 20);
        assertThat(Twap.slices(109, 5)).containsExactly(22, 22, 22, 22, 21);
    }

    @Test
    void five_over_five_is_one_each() {
        assertThat(Twap.slices(5, 5)).containsExactly(1, 1, 1, 1, 1);
    }

    @Test
    void lot_slicing_keeps_every_slice_in_whole_lots() {
        assertThat(Twap.slicesInLots(350, 3, 50)).containsExactly(150, 100, 100);
        assertThatThrownBy(() -> Twap.slicesInLots(75, 3, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Twap.slices(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
