package io.tradepilot.trading.internal;

import io.tradepilot.engine.core.EngineEvent;
import io.tradepilot.engine.core.EngineSnapshot;
import io.tradepilot.engine.core.EngineState;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.portfolio.PortfolioSnapshot;
import io.tradepilot.engine.risk.RejectionCode;
import io.tradepilot.trading.DailyLossEntriesPaused;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The daily-loss entry pause reported once per market day with exact figures, from the refusal the ledger recorded. */
class EntryPauseNoticesTest {

    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    private final List<Object> published = new ArrayList<>();
    private EngineSnapshot snapshot = snapshot("1000000.00", "990999.37");
    private TradingProperties.Limits limits = limits("0.018", "0.5");
    private final EntryPauseNotices notices = new EntryPauseNotices(() -> Optional.ofNullable(snapshot), () -> limits, IST,
            Runnable::run, published::add);

    private static TradingProperties.Limits limits(String dailyLoss, String pauseAt) {
        return new TradingProperties.Limits(dailyLoss == null ? null : new BigDecimal(dailyLoss), new BigDecimal("0.035"),
                TradingProperties.LimitAction.TRIP_CIRCUIT_BREAKER, TradingProperties.SizeReduction.OFF, 5,
                pauseAt == null ? null : new BigDecimal(pauseAt), null, null, null, null, null, List.of());
    }

    private static EngineSnapshot snapshot(String dayStartEquity, String equity) {
        PortfolioSnapshot p = new PortfolioSnapshot(Currency.getInstance("INR"), new BigDecimal(equity), new BigDecimal(equity),
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal(dayStartEquity), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, new BigDecimal(dayStartEquity), List.of());
        return new EngineSnapshot(Instant.parse("2026-12-07T05:00:00Z"), EngineState.RUNNING, "", p, List.of(), 10, 1, null);
    }

    private static EngineEvent.OrderRejected refusal(String at, RejectionCode code) {
        return new EngineEvent.OrderRejected(Instant.parse(at), new ClientOrderId("sma:INFY:" + at), "INFY", code,
                "entries paused for the day: daily loss ₹9,000.63 >= limit ₹9,000.00 (0.9%)");
    }

    @Test
    void the_first_entry_refused_for_the_pause_reports_the_loss_against_the_threshold_in_exact_decimals() {
        notices.recorded(refusal("2026-12-07T05:00:00Z", RejectionCode.DAILY_LOSS_ENTRIES_PAUSED));

        assertThat(published).hasSize(1);
        DailyLossEntriesPaused p = (DailyLossEntriesPaused) published.getFirst();
        assertThat(p.marketDay()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(p.symbol()).isEqualTo("INFY");
        assertThat(p.currency()).isEqualTo("INR");
        assertThat(p.dayLoss().toPlainString()).isEqualTo("9000.63");
        assertThat(p.pauseAt()).isEqualByComparingTo("9000.00"); // 1,000,000 × 0.018 × 0.5
        assertThat(p.pauseAt().toPlainString()).isEqualTo("9000.000000");
        assertThat(p.dailyLossLimit()).isEqualByComparingTo("0.018");
        assertThat(p.pauseFraction()).isEqualByComparingTo("0.5");
        assertThat(p.engineMessage()).startsWith("entries paused for the day");
    }

    @Test
    void further_refusals_of_the_day_are_not_reported_again_and_the_next_market_day_is() {
        notices.recorded(refusal("2026-12-07T05:00:00Z", RejectionCode.DAILY_LOSS_ENTRIES_PAUSED));
        notices.recorded(refusal("2026-12-07T09:40:00Z", RejectionCode.DAILY_LOSS_ENTRIES_PAUSED));
        // 18:35 UTC on the 7th is already the 8th in India
        notices.recorded(refusal("2026-12-07T18:35:00Z", RejectionCode.DAILY_LOSS_ENTRIES_PAUSED));

        assertThat(published).extracting(o -> ((DailyLossEntriesPaused) o).marketDay())
                .containsExactly(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 8));
    }

    @Test
    void other_refusals_events_and_hosts_without_a_portfolio_or_limits_report_nothing() {
        notices.recorded(refusal("2026-12-07T05:00:00Z", RejectionCode.DAILY_LOSS_LIMIT));
        notices.recorded(refusal("2026-12-07T05:00:00Z", RejectionCode.FAT_FINGER));
        notices.recorded(new EngineEvent.OrderCancelled(Instant.parse("2026-12-07T05:00:00Z"), null, "user"));
        snapshot = null;
        notices.recorded(refusal("2026-12-07T05:00:00Z", RejectionCode.DAILY_LOSS_ENTRIES_PAUSED));
        snapshot = snapshot("1000000.00", "990999.37");
        limits = limits("0.018", null);
        notices.recorded(refusal("2026-12-07T05:00:00Z", RejectionCode.DAILY_LOSS_ENTRIES_PAUSED));
        assertThat(published).isEmpty();

        // a failing publisher never reaches the ledger thread
        limits = limits("0.018", "0.5");
        new EntryPauseNotices(() -> Optional.of(snapshot), () -> limits, IST, Runnable::run, o -> {
            throw new IllegalStateException("database down");
        }).recorded(refusal("2026-12-07T05:00:00Z", RejectionCode.DAILY_LOSS_ENTRIES_PAUSED));
    }
}
