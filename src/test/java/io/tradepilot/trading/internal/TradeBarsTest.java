package io.tradepilot.trading.internal;

import io.tradepilot.brokers.MarketTrade;
import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Instrument;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static io.tradepilot.engine.testing.Fixtures.AAPL;
import static io.tradepilot.engine.testing.Fixtures.MSFT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TradeBarsTest {

    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final ZoneId NY = ZoneId.of("America/New_York");
    private static final Instrument INFY = Instrument.nseEquity("INFY");
    private static final Instrument TCS = Instrument.nseEquity("TCS");
    private static final Duration FIVE = Duration.ofMinutes(5);
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final List<String> bars = new ArrayList<>();

    private TradeBars nse(Duration interval, Instant notBefore) {
        return new TradeBars(ExchangeCalendar.nse(), interval, GRACE, notBefore, (i, b) -> bars.add(i.symbol() + " " + text(b, IST)));
    }

    private static Instant ist(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(IST).toInstant();
    }

    private static Instant ny(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NY).toInstant();
    }

    private static MarketTrade trade(Instant at, String price, long size) {
        return MarketTrade.trade(at, new BigDecimal(price), size);
    }

    private static MarketTrade tick(Instant at, String price, long lastQuantity, long volumeToday) {
        return MarketTrade.tick(at, new BigDecimal(price), lastQuantity, volumeToday);
    }

    private static String text(Bar b, ZoneId zone) {
        return b.start().atZone(zone).toLocalDateTime() + " " + b.open().value().toPlainString() + " " + b.high().value().toPlainString()
                + " " + b.low().value().toPlainString() + " " + b.close().value().toPlainString() + " " + b.volume();
    }

    @Test
    void nse_bars_start_at_the_session_open_a_trade_on_the_boundary_opens_the_next_bar_and_a_bar_is_emitted_at_its_end_without_a_next_trade() {
        TradeBars agg = nse(FIVE, ist("2025-01-06T09:00:00"));
        agg.add(INFY, trade(ist("2025-01-06T09:15:00"), "1900.05", 10));
        agg.add(INFY, trade(ist("2025-01-06T09:16:30.250"), "1902.50", 5));
        agg.add(INFY, trade(ist("2025-01-06T09:18:00"), "1899.95", 7));
        agg.add(INFY, trade(ist("2025-01-06T09:19:59.999"), "1901.00", 3));
        agg.add(INFY, trade(ist("2025-01-06T09:20:00"), "1901.10", 4));   // exactly on the boundary: the next bar

        agg.flush(ist("2025-01-06T09:20:01.999"));                         // within the grace: nothing yet
        assertThat(bars).isEmpty();
        agg.flush(ist("2025-01-06T09:20:02"));
        assertThat(bars).containsExactly("INFY 2025-01-06T09:15 1900.05 1902.50 1899.95 1901.00 25");

        agg.flush(ist("2025-01-06T09:25:02"));                             // no trade after 09:20: emitted by the clock
        assertThat(bars).containsExactly("INFY 2025-01-06T09:15 1900.05 1902.50 1899.95 1901.00 25",
                "INFY 2025-01-06T09:20 1901.10 1901.10 1901.10 1901.10 4");
        agg.flush(ist("2025-01-06T09:25:02"));
        assertThat(bars).as("each bar once").hasSize(2);
    }

    @Test
    void an_interval_without_trades_has_no_bar_and_bars_of_one_start_come_together_in_first_seen_order() {
        TradeBars agg = nse(FIVE, ist("2025-01-06T09:00:00"));
        agg.add(TCS, trade(ist("2025-01-06T10:01:00"), "4100", 1));
        agg.add(INFY, trade(ist("2025-01-06T10:02:00"), "1900", 2));
        agg.add(INFY, trade(ist("2025-01-06T10:17:00"), "1905", 3));    // 10:05 and 10:10 without trades
        agg.flush(ist("2025-01-06T10:30:00"));
        assertThat(bars).containsExactly(
                "TCS 2025-01-06T10:00 4100 4100 4100 4100 1",
                "INFY 2025-01-06T10:00 1900 1900 1900 1900 2",
                "INFY 2025-01-06T10:15 1905 1905 1905 1905 3");
    }

    @Test
    void out_of_order_trades_within_a_bar_give_the_same_bar_and_a_trade_of_an_emitted_bar_is_dropped_as_late() {
        TradeBars agg = nse(FIVE, ist("2025-01-06T09:00:00"));
        agg.add(INFY, trade(ist("2025-01-06T09:33:00"), "101", 1));
        agg.add(INFY, trade(ist("2025-01-06T09:31:00"), "100", 1));      // earlier: the open
        agg.add(INFY, trade(ist("2025-01-06T09:34:00"), "99", 1));       // latest: the close
        agg.add(INFY, trade(ist("2025-01-06T09:32:00"), "103", 1));
        agg.add(INFY, trade(ist("2025-01-06T09:36:00"), "98", 1));       // the next bar, while 09:30 is still open
        agg.add(INFY, trade(ist("2025-01-06T09:30:30"), "102", 1));      // late arrival, 09:30 bar not yet emitted: taken
        agg.flush(ist("2025-01-06T09:35:02"));
        agg.add(INFY, trade(ist("2025-01-06T09:34:59"), "150", 9));      // its bar was emitted: late, dropped
        agg.flush(ist("2025-01-06T09:40:02"));

        assertThat(bars).containsExactly("INFY 2025-01-06T09:30 102 103 99 99 5", "INFY 2025-01-06T09:35 98 98 98 98 1");
        assertThat(agg.late()).isEqualTo(1);
    }

    @Test
    void ticks_make_the_volume_the_rise_of_the_day_volume_and_a_new_day_starts_afresh() {
        TradeBars agg = nse(FIVE, ist("2025-01-06T09:00:00"));
        agg.add(INFY, tick(ist("2025-01-06T09:05:00"), "1890", 50, 1200));  // pre-open: no bar, but its volume is not a bar's
        agg.add(INFY, tick(ist("2025-01-06T09:15:01"), "1900", 10, 1210));
        agg.add(INFY, tick(ist("2025-01-06T09:17:00"), "1901", 5, 1215));
        agg.add(INFY, tick(ist("2025-01-06T09:21:00"), "1902", 20, 1235));
        agg.add(INFY, tick(ist("2025-01-06T09:22:00"), "1903", 5, 1240));
        agg.add(INFY, tick(ist("2025-01-06T15:29:59"), "1950", 100, 90000));
        agg.add(INFY, tick(ist("2025-01-06T15:35:00"), "1951", 100, 90100)); // after the close: no bar
        agg.flush(ist("2025-01-06T15:40:00"));
        // the next trading day: the day volume restarts; with nothing before the first bar it counts from its first tick
        agg.add(INFY, tick(ist("2025-01-07T09:15:10"), "1960", 30, 30));
        agg.add(INFY, tick(ist("2025-01-07T09:16:00"), "1961", 12, 42));
        agg.flush(ist("2025-01-07T09:20:02"));

        assertThat(bars).containsExactly(
                "INFY 2025-01-06T09:15 1900 1901 1900 1901 15",
                "INFY 2025-01-06T09:20 1902 1903 1902 1903 25",
                "INFY 2025-01-06T15:25 1950 1950 1950 1950 88760",
                "INFY 2025-01-07T09:15 1960 1961 1960 1961 42");
        assertThat(agg.outOfSession()).isEqualTo(2);
    }

    @Test
    void the_first_tick_seen_mid_day_counts_from_its_own_quantity() {
        TradeBars agg = nse(FIVE, ist("2025-01-06T09:00:00"));
        agg.add(INFY, tick(ist("2025-01-06T11:02:00"), "1900", 7, 500_000));
        agg.add(INFY, tick(ist("2025-01-06T11:03:00"), "1900.5", 3, 500_010));
        agg.flush(ist("2025-01-06T11:05:02"));
        assertThat(bars).containsExactly("INFY 2025-01-06T11:00 1900 1900.5 1900 1900.5 17");
    }

    @Test
    void us_bars_align_to_09_30_new_york_and_the_last_bar_ends_at_an_early_close() {
        List<String> us = new ArrayList<>();
        TradeBars agg = new TradeBars(ExchangeCalendar.nyse(), Duration.ofHours(1), GRACE, ny("2025-11-28T09:00:00"),
                (i, b) -> us.add(i.symbol() + " " + text(b, NY)));
        agg.add(AAPL, trade(ny("2025-11-28T09:29:59"), "230", 100));   // pre-market: no bar
        agg.add(AAPL, trade(ny("2025-11-28T09:30:00"), "230.10", 100));
        agg.add(MSFT, trade(ny("2025-11-28T10:29:59.999"), "480.55", 3));
        agg.add(AAPL, trade(ny("2025-11-28T12:45:00"), "231.0001", 50)); // 12:30 bar; the day closes at 13:00
        agg.flush(ny("2025-11-28T13:00:01"));
        assertThat(us).containsExactly("AAPL 2025-11-28T09:30 230.10 230.10 230.10 230.10 100",
                "MSFT 2025-11-28T09:30 480.55 480.55 480.55 480.55 3");
        agg.flush(ny("2025-11-28T13:00:02"));                            // the early close ends the 12:30 bar
        assertThat(us).last().isEqualTo("AAPL 2025-11-28T12:30 231.0001 231.0001 231.0001 231.0001 50");
        agg.add(AAPL, trade(ny("2025-11-27T10:00:00"), "229", 1));     // Thanksgiving: no session
        assertThat(agg.outOfSession()).isEqualTo(2);
    }

    @Test
    void a_bar_that_began_before_the_stream_did_is_dropped_as_partial() {
        TradeBars agg = nse(FIVE, ist("2025-01-06T10:02:00"));
        agg.add(INFY, trade(ist("2025-01-06T10:02:10"), "1900", 1));
        agg.add(INFY, trade(ist("2025-01-06T10:05:10"), "1901", 2));
        agg.flush(ist("2025-01-06T10:10:02"));
        assertThat(bars).containsExactly("INFY 2025-01-06T10:05 1901 1901 1901 1901 2");
        assertThat(agg.partial()).isEqualTo(1);
    }

    @Test
    void a_holiday_makes_no_bar_and_bad_settings_are_refused() {
        TradeBars agg = nse(FIVE, ist("2025-02-26T09:00:00"));
        agg.add(INFY, trade(ist("2025-02-26T10:00:00"), "1900", 1));   // Mahashivratri
        agg.flush(ist("2025-02-26T12:00:00"));
        assertThat(bars).isEmpty();
        assertThatThrownBy(() -> nse(Duration.ZERO, Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> nse(Duration.ofMillis(1500), Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Bar minute(Instant start, String o, String h, String l, String c, long v) {
        return new Bar(start, io.tradepilot.engine.domain.Price.of(o), io.tradepilot.engine.domain.Price.of(h),
                io.tradepilot.engine.domain.Price.of(l), io.tradepilot.engine.domain.Price.of(c), v);
    }

    @Test
    void after_a_drop_the_missed_bars_come_from_history_before_any_later_bar_and_the_bar_in_progress_is_history_then_trades() {
        TradeBars agg = nse(FIVE, ist("2025-01-06T09:00:00"));
        agg.track(INFY, null);
        agg.add(INFY, trade(ist("2025-01-06T09:15:10"), "100", 10));
        agg.flush(ist("2025-01-06T09:20:02"));
        agg.add(INFY, trade(ist("2025-01-06T09:20:30"), "101", 5));          // seen, then the stream drops at 09:21
        assertThat(bars).containsExactly("INFY 2025-01-06T09:15 100 100 100 100 10");

        // back at 09:31:20: 09:20 and 09:25 are missed, 09:30 is in progress; history covers [09:20, 09:32)
        List<TradeBars.Gap> gaps = agg.rejoined(ist("2025-01-06T09:31:20"));
        assertThat(gaps).containsExactly(new TradeBars.Gap(INFY, ist("2025-01-06T09:15:00"), ist("2025-01-06T09:32:00"), 1));
        agg.add(INFY, trade(ist("2025-01-06T09:31:30"), "109", 1));          // before 09:32: history counts it
        agg.add(INFY, trade(ist("2025-01-06T09:32:00"), "110", 7));
        agg.add(INFY, trade(ist("2025-01-06T09:34:00"), "108", 3));
        agg.flush(ist("2025-01-06T09:35:02"));
        assertThat(bars).as("nothing while the gap waits for its history").hasSize(1);
        assertThat(agg.awaitingHistory()).isTrue();

        agg.filled(gaps.getFirst(), List.of(
                minute(ist("2025-01-06T09:15:00"), "100", "100", "100", "100", 10),  // emitted already: left out
                minute(ist("2025-01-06T09:20:00"), "101", "102", "100.5", "101.5", 50),
                minute(ist("2025-01-06T09:23:00"), "101.5", "103", "101", "102", 20),
                minute(ist("2025-01-06T09:26:00"), "102", "104", "102", "103", 30),
                minute(ist("2025-01-06T09:30:00"), "103", "106", "103", "105", 40),
                minute(ist("2025-01-06T09:31:00"), "105", "111", "104", "109", 60),
                minute(ist("2025-01-06T09:32:00"), "109", "112", "109", "110", 99))); // outside the gap: left out
        agg.flush(ist("2025-01-06T09:35:02"));
        assertThat(bars).containsExactly(
                "INFY 2025-01-06T09:15 100 100 100 100 10",
                "INFY 2025-01-06T09:20 101 103 100.5 102 70",
                "INFY 2025-01-06T09:25 102 104 102 103 30",
                "INFY 2025-01-06T09:30 103 111 103 108 110");
        assertThat(agg.backfilled()).isEqualTo(2);
        assertThat(agg.completed()).isEqualTo(1);
        assertThat(agg.covered()).isEqualTo(1);
        agg.filled(gaps.getFirst(), List.of(minute(ist("2025-01-06T09:30:00"), "1", "1", "1", "1", 1)));
        agg.flush(ist("2025-01-06T09:45:02"));
        assertThat(bars).as("never twice").hasSize(4);
    }

    @Test
    void a_start_mid_session_completes_the_bar_in_progress_from_history_instead_of_dropping_it() {
        TradeBars agg = nse(FIVE, ist("2025-01-06T10:07:30"));
        agg.track(INFY, null);                                                // a fresh ledger: nothing before the bar in progress
        List<TradeBars.Gap> gaps = agg.rejoined(ist("2025-01-06T10:07:30"));
        assertThat(gaps).containsExactly(new TradeBars.Gap(INFY, ist("2025-01-06T10:05:00"), ist("2025-01-06T10:08:00"), 1));
        agg.add(INFY, trade(ist("2025-01-06T10:09:00"), "50.5", 4));
        agg.filled(gaps.getFirst(), List.of(minute(ist("2025-01-06T10:05:00"), "50", "51", "49", "50.2", 100)));
        agg.flush(ist("2025-01-06T10:10:02"));
        assertThat(bars).containsExactly("INFY 2025-01-06T10:05 50 51 49 50.5 104");
        assertThat(agg.partial()).isZero();
    }

    @Test
    void a_restart_resumes_after_the_checkpoint_but_not_before_the_latest_session_open() {
        TradeBars agg = nse(FIVE, ist("2025-01-07T09:31:00"));
        agg.track(INFY, ist("2025-01-06T15:25:00"));                          // yesterday's last bar only
        assertThat(agg.rejoined(ist("2025-01-07T09:31:00")))
                .containsExactly(new TradeBars.Gap(INFY, ist("2025-01-07T09:15:00"), ist("2025-01-07T09:31:00"), 1));

        TradeBars two = nse(FIVE, ist("2025-01-07T09:31:00"));
        two.track(INFY, ist("2025-01-07T09:15:00"));                          // the engine has today's 09:15 bar of INFY
        two.track(TCS, ist("2025-01-06T15:25:00"));                           // TCS had no trade at 09:15
        List<TradeBars.Gap> gaps = two.rejoined(ist("2025-01-07T09:31:00"));
        assertThat(gaps).containsExactly(
                new TradeBars.Gap(INFY, ist("2025-01-07T09:15:00"), ist("2025-01-07T09:31:00"), 1),
                new TradeBars.Gap(TCS, ist("2025-01-07T09:15:00"), ist("2025-01-07T09:31:00"), 1));
        two.filled(gaps.get(1), List.of(
                minute(ist("2025-01-07T09:16:00"), "2999", "2999", "2999", "2999", 1), // the stream saw 09:15 (INFY's bar): not from history
                minute(ist("2025-01-07T09:21:00"), "3000", "3000", "3000", "3000", 1)));
        two.flush(ist("2025-01-07T09:40:00"));
        assertThat(bars).as("INFY's history has not come yet").isEmpty();
        two.filled(gaps.get(0), List.of(
                minute(ist("2025-01-07T09:15:00"), "1", "1", "1", "1", 1),    // the checkpoint's bar: not again
                minute(ist("2025-01-07T09:20:00"), "1900", "1901", "1899", "1900", 2)));
        two.flush(ist("2025-01-07T09:40:00"));
        assertThat(bars).containsExactly("INFY 2025-01-07T09:20 1900 1901 1899 1900 2", "TCS 2025-01-07T09:20 3000 3000 3000 3000 1");
    }

    @Test
    void a_second_drop_before_the_history_came_supersedes_the_first_gap_and_ticks_count_volume_afresh_after_it() {
        TradeBars agg = nse(FIVE, ist("2025-01-06T09:00:00"));
        agg.track(INFY, ist("2025-01-06T09:15:00"));
        List<TradeBars.Gap> first = agg.rejoined(ist("2025-01-06T09:22:10"));
        List<TradeBars.Gap> second = agg.rejoined(ist("2025-01-06T09:24:40"));
        assertThat(second).containsExactly(new TradeBars.Gap(INFY, ist("2025-01-06T09:15:00"), ist("2025-01-06T09:25:00"), 2));
        agg.filled(first.getFirst(), List.of(minute(ist("2025-01-06T09:20:00"), "9", "9", "9", "9", 9)));
        assertThat(agg.awaitingHistory()).as("the superseded gap's history does not count").isTrue();
        agg.add(INFY, tick(ist("2025-01-06T09:25:30"), "10", 5, 1005));       // the day volume includes the gap's
        agg.add(INFY, tick(ist("2025-01-06T09:27:00"), "11", 5, 1020));
        agg.filled(second.getFirst(), List.of(minute(ist("2025-01-06T09:20:00"), "10", "10.5", "9.5", "10", 300)));
        agg.flush(ist("2025-01-06T09:30:02"));
        assertThat(bars).containsExactly("INFY 2025-01-06T09:20 10 10.5 9.5 10 300", "INFY 2025-01-06T09:25 10 11 10 11 20");
    }

    @Test
    void no_gap_is_reported_for_an_interval_of_seconds_or_a_subscription_outside_any_gap() {
        TradeBars seconds = nse(Duration.ofSeconds(30), ist("2025-01-06T09:00:00"));
        seconds.track(INFY, ist("2025-01-06T09:20:00"));
        assertThat(seconds.rejoined(ist("2025-01-06T09:31:00"))).isEmpty();
        TradeBars fresh = nse(FIVE, ist("2025-01-06T08:00:00"));
        fresh.track(INFY, null);
        assertThat(fresh.rejoined(ist("2025-01-06T08:00:00"))).as("before the open, a fresh ledger misses nothing").isEmpty();
        assertThat(fresh.awaitingHistory()).isFalse();
    }
}
