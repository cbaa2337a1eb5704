package io.tradepilot.trading.internal;

import io.tradepilot.brokers.BrokerBook;
import io.tradepilot.brokers.VenueSession;
import io.tradepilot.engine.core.EngineInput;
import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.venue.ExecutionVenue;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import static io.tradepilot.engine.testing.Fixtures.AAPL;
import static io.tradepilot.engine.testing.Fixtures.MSFT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionFeedTest {

    private static final Instant T = Instant.parse("2024-01-02T14:30:00Z");
    private static final ZoneId NY = ZoneId.of("America/New_York");

    @Test
    void streamed_bars_with_the_same_start_form_one_step_and_bars_up_to_the_checkpoint_are_skipped() throws Exception {
        Session session = new Session(List.of(bar(T.minus(Duration.ofMinutes(5)), "99.5")));
        session.toStream.add(Map.entry(AAPL, bar(T, "100")));                               // the checkpoint's bar: skipped
        session.toStream.add(Map.entry(AAPL, bar(T.plus(Duration.ofMinutes(5)), "100.25")));
        session.toStream.add(Map.entry(MSFT, bar(T.plus(Duration.ofMinutes(5)), "300.1")));
        session.toStream.add(Map.entry(AAPL, bar(T.plus(Duration.ofMinutes(10)), "100.5")));
        SessionFeed feed = new SessionFeed(session, List.of("AAPL", "MSFT"), NY, Clock.fixed(T, ZoneOffset.UTC),
                TradingProperties.SessionBars.DEFAULT);
        List<String> steps = new ArrayList<>();

        feed.run(Map.of("AAPL", T), new MarketFeed.Sink() {
            @Override
            public boolean step(long startMillis, List<MarketFeed.FeedBar> bars) {
                steps.add(Instant.ofEpochMilli(startMillis) + " " + bars.stream()
                        .map(b -> b.instrument().symbol() + "@" + b.series().decimal(b.series().close(b.index())).toPlainString()).toList());
                return steps.size() < 2;
            }

            @Override
            public boolean idle(long nanos) {
                return true;
            }
        });

        assertThat(steps).containsExactly("2024-01-02T14:35:00Z [AAPL@100.25, MSFT@300.1]", "2024-01-02T14:40:00Z [AAPL@100.5]");
        assertThat(feed.instruments()).containsExactly(AAPL, MSFT);
        assertThat(feed.history(AAPL).size()).isEqualTo(1);
        assertThat(feed.priceScale(AAPL)).as("at least the tick's decimals").isEqualTo(2);
        assertThat(feed.realTime()).isTrue();
        feed.close();
        assertThat(session.streamClosed).isTrue();
    }

    @Test
    void a_symbol_the_broker_does_not_list_refuses_the_start() {
        Session session = new Session(List.of());
        assertThatThrownBy(() -> new SessionFeed(session, List.of("AAPL", "NOPE"), NY, Clock.fixed(T, ZoneOffset.UTC),
                TradingProperties.SessionBars.DEFAULT))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not list NOPE");
    }

    @Test
    void silence_counts_only_during_the_exchanges_session_from_the_later_of_the_last_data_and_the_open() {
        // 2024-01-02 is a NYSE trading day (09:30-16:00 New York); the feed is made at 09:40 (T = 09:30 + 10 min)
        Instant madeAt = T.plus(Duration.ofMinutes(10));
        SessionFeed feed = new SessionFeed(new Session(List.of()), List.of("AAPL"), NY, Clock.fixed(madeAt, ZoneOffset.UTC),
                TradingProperties.SessionBars.DEFAULT);
        long open = T.toEpochMilli();
        long lastBar = 0; // the last bar's wall time does not matter for a broker feed
        assertThat(feed.quietSince(open + 3_600_000, lastBar)).as("open: since the stream was last heard (its start)")
                .isEqualTo(madeAt.toEpochMilli());
        long nextDayOpen = Instant.parse("2024-01-03T14:30:00Z").toEpochMilli();
        assertThat(feed.quietSince(nextDayOpen + 61_000, lastBar)).as("the next session counts from its open")
                .isEqualTo(nextDayOpen);
        long evening = Instant.parse("2024-01-02T22:00:00Z").toEpochMilli();
        assertThat(feed.quietSince(evening, lastBar)).as("after the close: silence does not count").isEqualTo(evening);
        long newYear = Instant.parse("2024-01-01T15:00:00Z").toEpochMilli();
        assertThat(feed.quietSince(newYear, lastBar)).as("a holiday").isEqualTo(newYear);
        long saturday = Instant.parse("2024-01-06T15:00:00Z").toEpochMilli();
        assertThat(feed.quietSince(saturday, lastBar)).as("a weekend").isEqualTo(saturday);
        assertThat(feed.barsFromTrades()).as("the session streams no trades: the broker's bars").isFalse();
    }

    @Test
    void the_calendar_follows_the_configured_exchange_or_else_the_instruments_currency() {
        assertThat(SessionFeed.calendar("", List.of(AAPL)).exchange()).isEqualTo("NYSE");
        assertThat(SessionFeed.calendar(" ", List.of(Instrument.nseEquity("INFY"))).exchange()).isEqualTo("NSE");
        assertThat(SessionFeed.calendar("nse", List.of(AAPL)).exchange()).isEqualTo("NSE");
        assertThatThrownBy(() -> SessionFeed.calendar("", List.of(AAPL, Instrument.nseEquity("INFY"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("session-bars.exchange");
    }

    private static Bar bar(Instant start, String price) {
        Price p = Price.of(price);
        return new Bar(start, p, p, p, p, 100);
    }

    /** A session whose stream delivers {@link #toStream} at once, on the caller's thread. */
    private static final class Session implements VenueSession {
        final List<Map.Entry<Instrument, Bar>> toStream = new ArrayList<>();
        final List<Bar> history;
        boolean streamClosed;

        Session(List<Bar> history) {
            this.history = history;
        }

        @Override public String accountId() { return "test"; }
        @Override public String broker() { return "test"; }
        @Override public boolean live() { return false; }
        @Override public ExecutionVenue venue() { throw new UnsupportedOperationException(); }
        @Override public void start(EngineInput engine) { }

        @Override
        public Optional<Instrument> instrument(String symbol) {
            return symbol.equals("AAPL") ? Optional.of(AAPL) : symbol.equals("MSFT") ? Optional.of(MSFT) : Optional.empty();
        }

        @Override
        public List<Bar> history(Instrument instrument, Duration barSize, Instant from, Instant to) {
            return instrument.equals(AAPL) ? history : List.of();
        }

        @Override
        public AutoCloseable streamBars(List<Instrument> instruments, Duration barSize, BiConsumer<Instrument, Bar> sink) {
            toStream.forEach(e -> sink.accept(e.getKey(), e.getValue()));
            return () -> streamClosed = true;
        }

        @Override public BrokerBook book() { throw new UnsupportedOperationException(); }
        @Override public List<BrokerBook.BrokerFill> fillsSince(Instant after) { return List.of(); }
        @Override public void close() { }
    }
}
