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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The bars a trade's chart shows: context before the entry bar and after the exit bar. */
class BarsAroundTest {

    private static final Instant T0 = Instant.parse("2026-03-02T04:00:00Z");

    private static List<CachedBar> bars(int n) {
        List<CachedBar> bars = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            bars.add(new CachedBar("ABC", T0.plusSeconds(60L * i), BigDecimal.ONE, BigDecimal.TWO, BigDecimal.ONE, BigDecimal.ONE, 1));
        }
        return bars;
    }

    private static Trade trade(Instant entry, Instant exit) {
        return new Trade(1, "ABC", TradeSide.LONG, "s", TradingMode.PAPER, exit == null ? TradeStatus.OPEN : TradeStatus.CLOSED, entry,
                BigDecimal.ONE, exit, exit == null ? null : BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, null, null, null, exit == null ? null : ExitReason.STRATEGY, null, null, List.of(),
                null, List.of());
    }

    @Test
    void context_bars_surround_the_entry_and_exit_bars_within_the_cache() {
        List<CachedBar> bars = bars(100);
        // entry inside bar 30, exit inside bar 40: bars 27..43 with 3 bars of context
        List<CachedBar> shown = DefaultJournalQueries.around(trade(T0.plusSeconds(60 * 30 + 5), T0.plusSeconds(60 * 40 + 59)), bars, 3);
        assertThat(shown.getFirst().start()).isEqualTo(T0.plusSeconds(60 * 27));
        assertThat(shown.getLast().start()).isEqualTo(T0.plusSeconds(60 * 43));
        assertThat(shown).hasSize(17);
        // near the ends: clipped to the cache; open: through the newest bar
        assertThat(DefaultJournalQueries.around(trade(T0.plusSeconds(60), null), bars, 3))
                .hasSize(100).first().extracting(CachedBar::start).isEqualTo(T0);
    }

    @Test
    void a_cache_that_starts_after_the_entry_gives_no_bars() {
        assertThat(DefaultJournalQueries.around(trade(T0.minusSeconds(1), null), bars(5), 3)).isEmpty();
        assertThat(DefaultJournalQueries.around(trade(T0, null), List.of(), 3)).isEmpty();
    }
}
