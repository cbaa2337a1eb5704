package io.tradepilot.dashboard;

import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.trading.EngineStatus;
import io.tradepilot.trading.EquityPoint;
import io.tradepilot.trading.LedgerOrder;
import io.tradepilot.trading.LedgerPosition;
import io.tradepilot.trading.LivePortfolio;
import io.tradepilot.trading.StrategyDay;
import io.tradepilot.trading.TradingQueries;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DeskFramesTest {

    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    /** Read answers given by the test. */
    private static final class FakeQueries implements TradingQueries {
        Optional<LivePortfolio> live = Optional.empty();
        EngineStatus status = new EngineStatus("STANDBY", null, null, 0);
        List<LedgerPosition> positions = List.of();
        List<EquityPoint> equity = List.of();

        @Override public List<LedgerPosition> openPositions() { return positions; }
        @Override public List<LedgerOrder> orders(boolean workingOnly, int limit) { return List.of(); }
        @Override public List<io.tradepilot.trading.OrderFill> fills(String orderId) { return List.of(); }
        @Override public List<EquityPoint> equity(int limit) { return equity; }
        @Override public Optional<EquityPoint> equityAt(Instant at) { return Optional.empty(); }
        @Override public List<StrategyDay> strategyDays(LocalDate from, LocalDate to) { return List.of(); }
        @Override public Optional<LivePortfolio> livePortfolio() { return live; }
        @Override public EngineStatus status() { return status; }
    }

    private final FakeQueries queries = new FakeQueries();

    private DeskFrames at(String instant) {
        return new DeskFrames(queries, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), "INR", IST,
                List.of(ExchangeCalendar.nse(), ExchangeCalendar.nyse()));
    }

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void a_standby_shows_the_ledger_marked_at_the_bar_cache_and_says_so() {
        queries.status = new EngineStatus("STANDBY", null, null, 0);
        Instant marks = Instant.parse("2025-03-03T04:55:00Z");
        queries.live = Optional.of(new LivePortfolio(null, LivePortfolio.UNKNOWN, null,
                d("900000"), d("990000"), d("1000000"), d("-10000"), d("0"), d("-10000"), d("40"),
                d("1000000"), d("0.01"), d("90000"), null, d("0.018"),
                List.of(new LivePortfolio.Position("SYNTH-ALPHA", d("100"), d("1000"), d("900"), d("90000"), d("-10000"), d("0"), marks)),
                0, LivePortfolio.Source.BAR_CACHE, marks));

        DeskFrame frame = at("2026-03-02T05:00:00Z").build();

        assertThat(frame.live()).isFalse();
        assertThat(frame.notice()).contains("STANDBY", "bar cache", marks.toString());
        assertThat(frame.heat()).as("open risk is not known on a standby").isNull();
        assertThat(frame.lossRoom()).isEqualByComparingTo("8000");
        assertThat(frame.positions()).singleElement().satisfies(p -> assertThat(p.unrealizedPnl()).isEqualByComparingTo("-10000"));
    }

    @Test
    void heat_and_room_to_the_daily_loss_limit_come_exactly_from_the_live_portfolio() {
        queries.status = new EngineStatus("LEADER", "RUNNING", Instant.parse("2025-03-03T05:00:00Z"), 120);
        queries.live = Optional.of(new LivePortfolio(Instant.parse("2025-03-03T05:00:00Z"), "RUNNING", null,
                d("900000"), d("990000"), d("1000000"), d("-10000"), d("0"), d("-10000"), d("40"),
                d("1000000"), d("0.01"), d("90000"), d("4950"), d("0.018"),
                List.of(new LivePortfolio.Position("SYNTH-ALPHA", d("100"), d("1000"), d("900"), d("90000"), d("-10000"), d("0"))),
                2));

        DeskFrame frame = at("2026-03-02T05:00:00Z").build();

        assertThat(frame.live()).isTrue();
        assertThat(frame.notice()).isNull();
        assertThat(frame.mode()).isEqualTo("PAPER");
        assertThat(frame.heat()).isEqualByComparingTo("0.005");
        // 0.018 × 1,000,000 − 10,000 = 8,000 left to lose today
        assertThat(frame.lossRoom()).isEqualByComparingTo("8000");
        assertThat(frame.lossRoomShare()).isEqualByComparingTo("0.008");
        assertThat(frame.positions()).singleElement().satisfies(p -> {
            assertThat(p.mark()).isEqualByComparingTo("900");
            assertThat(p.unrealizedPnl()).isEqualByComparingTo("-10000");
        });
        assertThat(frame.workingOrders()).isEqualTo(2);
    }

    @Test
    void a_standby_shows_the_ledger_and_says_so() {
        queries.positions = List.of(new LedgerPosition("SYNTH-BETA", d("-50"), d("210.5"), d("12.25"), Instant.EPOCH));
        queries.equity = List.of(new EquityPoint(Instant.parse("2025-03-03T04:00:00Z"), d("1000000"), d("1000100"),
                d("0"), d("100"), d("0"), d("1000000")));

        DeskFrame frame = at("2026-03-02T05:00:00Z").build();

        assertThat(frame.live()).isFalse();
        assertThat(frame.role()).isEqualTo("STANDBY");
        assertThat(frame.notice()).startsWith("STANDBY").contains("ledger");
        assertThat(frame.positions()).singleElement().satisfies(p -> {
            assertThat(p.mark()).isNull();
            assertThat(p.realizedPnl()).isEqualByComparingTo("12.25");
        });
        assertThat(frame.equity()).isEqualByComparingTo("1000100");
        assertThat(frame.dayPnl()).isEqualByComparingTo("100");
        assertThat(frame.heat()).isNull();
        assertThat(frame.lossRoom()).isNull();
    }

    @Test
    void the_daily_pnl_is_each_market_days_last_equity_minus_its_start() {
        var points = List.of(
                new EquityPoint(Instant.parse("2025-03-03T04:00:00Z"), d("0"), d("1000050"), d("0"), d("0"), d("0"), d("1000000")),
                new EquityPoint(Instant.parse("2025-03-03T09:55:00Z"), d("0"), d("999000.25"), d("0"), d("0"), d("0"), d("1000000")),
                // 20:00 UTC is already 4 March in Kolkata
                new EquityPoint(Instant.parse("2025-03-03T20:00:00Z"), d("0"), d("999500.25"), d("0"), d("0"), d("0"), d("999000.25")));

        assertThat(DeskFrames.dailyPnl(points, IST)).containsExactly(
                new DeskFrame.DayPnl(LocalDate.parse("2025-03-03"), d("-999.75")),
                new DeskFrame.DayPnl(LocalDate.parse("2025-03-04"), d("500.00")));
    }

    @Test
    void nse_is_open_during_its_session_and_says_until_when() {
        var nse = DeskFrames.market(ExchangeCalendar.nse(), Instant.parse("2026-03-02T05:00:00Z")); // Mon 10:30 IST

        assertThat(nse.open()).isTrue();
        assertThat(nse.detail()).startsWith("Open until 15:30");
        assertThat(nse.nextClose().toLocalTime()).hasToString("15:30");
    }

    @Test
    void a_holiday_is_closed_with_its_name_and_the_next_open() {
        var nse = DeskFrames.market(ExchangeCalendar.nse(), Instant.parse("2026-01-26T05:00:00Z")); // Republic Day

        assertThat(nse.open()).isFalse();
        assertThat(nse.detail()).startsWith("Closed: holiday (Republic Day).").contains("Opens Tue 27 Jan 09:15");
        assertThat(nse.nextOpen().toLocalDate()).isEqualTo(LocalDate.parse("2026-01-27"));
    }

    @Test
    void an_early_close_is_named_with_its_reason() {
        var nyse = DeskFrames.market(ExchangeCalendar.nyse(), Instant.parse("2026-11-27T15:00:00Z")); // 10:00 New York

        assertThat(nyse.open()).isTrue();
        assertThat(nyse.detail()).contains("Open until 13:00").contains("Early close 13:00 (Day after Thanksgiving)");
    }

    @Test
    void a_weekend_is_closed_until_monday() {
        var nyse = DeskFrames.market(ExchangeCalendar.nyse(), Instant.parse("2026-03-07T15:00:00Z")); // Saturday

        assertThat(nyse.open()).isFalse();
        assertThat(nyse.detail()).startsWith("Closed: weekend.").contains("Opens Mon 9 Mar 09:30");
    }
}
