package io.tradepilot.engine.portfolio;

import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.Fill;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.tradepilot.engine.testing.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class PositionTest {

    private static Position longOf(long qty, String avg) {
        return Position.opened(AAPL, BigDecimal.valueOf(qty), bd(avg), T0);
    }

    @Test
    void buying_from_flat_opens_at_the_fill_price_with_nothing_realized() {
        Position p = new Position(AAPL);
        p.apply(fill(AAPL, Side.BUY, 100, "150"));
        assertThat(p.quantity()).isEqualByComparingTo("100");
        assertThat(p.averagePrice()).isEqualByComparingTo("150");
        assertThat(p.realizedPnl()).isEqualByComparingTo("0");
    }

    @Test
    void selling_a_long_above_cost_realizes_the_gain_and_below_cost_the_loss() {
        Position up = longOf(100, "100");
        up.apply(fill(AAPL, Side.SELL, 100, "120"));
        assertThat(up.realizedPnl()).isEqualByComparingTo("2000");
        assertThat(up.isFlat()).isTrue();
        Position down = longOf(100, "100");
        down.apply(fill(AAPL, Side.SELL, 100, "80"));
        assertThat(down.realizedPnl()).isEqualByComparingTo("-2000");
    }

    @Test
    void buying_back_a_short_below_its_price_realizes_a_gain() {
        Position p = Position.opened(AAPL, bd("-100"), bd("100"), T0);
        p.apply(fill(AAPL, Side.BUY, 100, "80"));
        assertThat(p.realizedPnl()).isEqualByComparingTo("2000");
        assertThat(p.isFlat()).isTrue();
    }

    @Test
    void adding_to_a_long_averages_the_cost() {
        Position p = longOf(100, "100");
        p.apply(fill(AAPL, Side.BUY, 100, "120"));
        assertThat(p.quantity()).isEqualByComparingTo("200");
        assertThat(p.averagePrice()).isEqualByComparingTo("110");
    }

    @Test
    void partial_exits_keep_the_average_and_sum_to_zero_when_gain_and_loss_cancel() {
        Position p = longOf(100, "100");
        p.apply(fill(AAPL, Side.SELL, 50, "120"));
        assertThat(p.quantity()).isEqualByComparingTo("50");
        assertThat(p.averagePrice()).isEqualByComparingTo("100");
        assertThat(p.realizedPnl()).isEqualByComparingTo("1000");
        p.apply(fill(AAPL, Side.SELL, 50, "80"));
        assertThat(p.realizedPnl()).isEqualByComparingTo("0");
        assertThat(p.isFlat()).isTrue();
    }

    @Test
    void fractional_prices_and_large_positions_realize_exactly() {
        Position a = longOf(100, "99.50");
        a.apply(fill(AAPL, Side.SELL, 100, "100.25"));
        assertThat(a.realizedPnl()).isEqualByComparingTo("75");
        Position b = longOf(10_000, "500");
        b.apply(fill(AAPL, Side.SELL, 10_000, "510"));
        assertThat(b.realizedPnl()).isEqualByComparingTo("100000");
    }

    @Test
    void selling_more_than_a_long_flips_to_a_short_at_the_fill_price() {
        Position p = longOf(50, "100");
        p.apply(fill(AAPL, Side.SELL, 100, "120"));
        assertThat(p.quantity()).isEqualByComparingTo("-50");
        assertThat(p.averagePrice()).isEqualByComparingTo("120");
        assertThat(p.realizedPnl()).isEqualByComparingTo("1000");
    }

    @Test
    void fifo_lots_pair_the_oldest_entry_first_and_carry_both_legs_fees() {
        Position p = new Position(AAPL);
        p.apply(fill(AAPL, Side.BUY, 100, "10", "1.00", T0));
        p.apply(fill(AAPL, Side.BUY, 100, "12", "1.00", T0.plusSeconds(60)));
        List<RoundTrip> trips = p.apply(fill(AAPL, Side.SELL, 150, "13", "3.00", T0.plusSeconds(120)));
        assertThat(trips).hasSize(2);
        RoundTrip first = trips.get(0);
        assertThat(first.entryPrice()).isEqualByComparingTo("10");
        assertThat(first.quantity()).isEqualByComparingTo("100");
        assertThat(first.grossPnl()).isEqualByComparingTo("300");
        assertThat(first.fees()).isEqualByComparingTo("3.00"); // 1.00 entry + 2.00 of the 3.00 exit
        assertThat(first.netPnl()).isEqualByComparingTo("297");
        RoundTrip second = trips.get(1);
        assertThat(second.entryPrice()).isEqualByComparingTo("12");
        assertThat(second.quantity()).isEqualByComparingTo("50");
        assertThat(second.grossPnl()).isEqualByComparingTo("50");
        assertThat(second.fees()).isEqualByComparingTo("1.50"); // half of 1.00 + the remaining 1.00
        assertThat(second.entryTime()).isEqualTo(T0.plusSeconds(60));
        // average cost: 150 sold at 13 vs average 11 = 300; FIFO gross = 350; they meet when flat
        assertThat(p.realizedPnl()).isEqualByComparingTo("300");
        assertThat(p.fifoRealizedPnl()).isEqualByComparingTo("350");
        p.apply(fill(AAPL, Side.SELL, 50, "13"));
        assertThat(p.realizedPnl()).isEqualByComparingTo(p.fifoRealizedPnl());
    }

    @Test
    void a_flip_closes_the_long_as_a_round_trip_and_opens_a_short_lot() {
        Position p = new Position(AAPL);
        p.apply(fill(AAPL, Side.BUY, 50, "100", "2", T0));
        List<RoundTrip> trips = p.apply(fill(AAPL, Side.SELL, 100, "120", "4", T0.plusSeconds(60)));
        assertThat(trips).singleElement().satisfies(t -> {
            assertThat(t.direction()).isEqualTo(Side.BUY);
            assertThat(t.grossPnl()).isEqualByComparingTo("1000");
            assertThat(t.fees()).isEqualByComparingTo("4"); // 2 entry + half of the 4 exit
        });
        List<RoundTrip> cover = p.apply(fill(AAPL, Side.BUY, 50, "110", "0", T0.plusSeconds(120)));
        assertThat(cover).singleElement().satisfies(t -> {
            assertThat(t.direction()).isEqualTo(Side.SELL);
            assertThat(t.grossPnl()).isEqualByComparingTo("500");
            assertThat(t.fees()).isEqualByComparingTo("2");
        });
    }

    @Test
    void a_fill_in_another_instrument_is_refused() {
        Position p = new Position(AAPL);
        Fill other = fill(MSFT, Side.BUY, 1, "1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.apply(other)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_lifecycle_moves_from_flat_through_opening_open_and_closing_back_to_flat() {
        Position p = new Position(AAPL);
        assertThat(p.status()).isEqualTo(PositionStatus.FLAT);
        assertThat(p.entryAccepted()).isTrue();
        assertThat(p.status()).isEqualTo(PositionStatus.OPENING);
        p.apply(fill(AAPL, Side.BUY, 10, "100"));
        assertThat(p.status()).isEqualTo(PositionStatus.OPEN);
        assertThat(p.exitAccepted()).isTrue();
        assertThat(p.status()).isEqualTo(PositionStatus.CLOSING);
        p.apply(fill(AAPL, Side.SELL, 4, "100"));
        assertThat(p.status()).isEqualTo(PositionStatus.CLOSING);
        p.apply(fill(AAPL, Side.SELL, 6, "100"));
        p.exitEnded(true);
        assertThat(p.status()).isEqualTo(PositionStatus.FLAT);
    }

    @Test
    void failures_are_states_an_entry_or_exit_can_end_in_and_leave_again() {
        Position p = new Position(AAPL);
        p.entryAccepted();
        assertThat(p.entryFailed()).isTrue();
        assertThat(p.status()).isEqualTo(PositionStatus.OPENING_FAILED);
        assertThat(p.status().isFailure()).isTrue();
        p.entryAccepted();
        p.apply(fill(AAPL, Side.BUY, 10, "100"));
        assertThat(p.entryFailed()).isFalse();
        p.exitAccepted();
        p.exitEnded(false);
        assertThat(p.status()).isEqualTo(PositionStatus.CLOSING_FAILED);
        assertThat(p.exitAccepted()).isTrue();
        assertThat(p.status()).isEqualTo(PositionStatus.CLOSING);
    }

    @Test
    void illegal_lifecycle_moves_are_refused_without_changing_anything() {
        Position p = new Position(AAPL);
        assertThat(p.exitAccepted()).isFalse();
        assertThat(p.entryFailed()).isFalse();
        assertThat(p.status()).isEqualTo(PositionStatus.FLAT);
        p.apply(fill(AAPL, Side.BUY, 10, "100"));
        p.exitAccepted();
        assertThat(p.entryAccepted()).isFalse();
        assertThat(p.status()).isEqualTo(PositionStatus.CLOSING);
    }
}
