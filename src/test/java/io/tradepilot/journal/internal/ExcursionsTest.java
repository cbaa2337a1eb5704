package io.tradepilot.journal.internal;

import io.tradepilot.journal.ExitReason;
import io.tradepilot.journal.Trade;
import io.tradepilot.journal.TradeSide;
import io.tradepilot.journal.TradeStatus;
import io.tradepilot.journal.TradingMode;
import io.tradepilot.trading.CachedBar;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** MAE and MFE against hand-computed values: the bars from the entry's through the exit's, for the quantity entered. */
class ExcursionsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T04:00:00Z");

    private static CachedBar bar(int minute, String low, String high) {
        return new CachedBar("ABC", T0.plusSeconds(60L * minute), new BigDecimal(low), new BigDecimal(high), new BigDecimal(low),
                new BigDecimal(high), 1);
    }

    // bar 0 is before the entry and bar 4 after the exit: neither counts
    private static final List<CachedBar> BARS = List.of(bar(0, "90", "101"), bar(1, "98", "103"), bar(2, "97", "105"),
            bar(3, "99", "104"), bar(4, "99", "120"));

    private static Trade trade(TradeSide side) {
        return new Trade(1, "ABC", side, "s", TradingMode.PAPER, TradeStatus.CLOSED, T0.plusSeconds(90), new BigDecimal("100"),
                T0.plusSeconds(200), new BigDecimal("101"), BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, null, null, null, ExitReason.STRATEGY, null, null, List.of(), null, List.of());
    }

    @Test
    void a_long_trade_is_hurt_by_the_lowest_low_and_helped_by_the_highest_high_while_open() {
        BigDecimal[] x = Excursions.of(trade(TradeSide.LONG), BARS);
        assertThat(x[0]).isEqualByComparingTo("-30");  // (97 - 100) x 10
        assertThat(x[1]).isEqualByComparingTo("50");   // (105 - 100) x 10
    }

    @Test
    void a_short_trade_is_hurt_by_the_highest_high_and_helped_by_the_lowest_low() {
        BigDecimal[] x = Excursions.of(trade(TradeSide.SHORT), BARS);
        assertThat(x[0]).isEqualByComparingTo("-50");  // -(105 - 100) x 10
        assertThat(x[1]).isEqualByComparingTo("30");   // (100 - 97) x 10
    }

    @Test
    void bars_that_start_after_the_entry_give_no_excursions() {
        assertThat(Excursions.of(trade(TradeSide.LONG), BARS.subList(2, 5))).isNull();
    }

    @Test
    void excursions_in_r_divide_by_the_initial_risk_and_are_null_without_a_stop() {
        BigDecimal[] x = Excursions.of(trade(TradeSide.LONG), BARS);
        Trade t = trade(TradeSide.LONG).withExcursions(x[0], x[1]);
        Trade withStop = new Trade(t.id(), t.symbol(), t.side(), t.strategy(), t.mode(), t.status(), t.entryTime(), t.entryPrice(),
                t.exitTime(), t.exitPrice(), t.quantity(), t.openQuantity(), t.grossPnl(), t.fees(), t.netPnl(), t.holding(),
                new BigDecimal("40"), null, t.exitReason(), t.mae(), t.mfe(), t.tags(), t.note(), t.fills()); // stop 96: 4 x 10
        assertThat(withStop.maeR()).isEqualByComparingTo("-0.75"); // -30 / 40
        assertThat(withStop.mfeR()).isEqualByComparingTo("1.25");  // 50 / 40
        assertThat(t.maeR()).isNull();
        assertThat(trade(TradeSide.LONG).mfeR()).isNull();
    }
}
