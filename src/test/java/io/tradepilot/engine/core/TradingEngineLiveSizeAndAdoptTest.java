package io.tradepilot.engine.core;

import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.orders.OrderIdGenerator;
import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.orders.OrderStatus;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.orders.TimeInForce;
import io.tradepilot.engine.risk.RejectionCode;
import io.tradepilot.engine.venue.ExecutionReport;
import io.tradepilot.engine.venue.RecordingVenue;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The LIVE size factor ({@link EngineCommand.SetSizeFactor}) on strategies' entries, and the reconciliation commands
 * {@link EngineCommand.AdoptPosition} and {@link EngineCommand.CloseAtBroker}, against a venue that answers later.
 */
class TradingEngineLiveSizeAndAdoptTest {

    private static final Instrument STOCK = Instrument.nseEquity("ACME");
    private static final Instrument FUTURE = new Instrument("NIFTYFUT", "NSE", Money.INR, new BigDecimal("0.05"), new BigDecimal("25"));

    private final SimulatedClock clock = new SimulatedClock();
    private final List<EngineEvent> events = new ArrayList<>();
    private final RecordingVenue venue = new RecordingVenue(Duration.ofSeconds(10), events::size);
    private final TradingEngine engine = new TradingEngine(EngineConfig.simple(Money.of("10000000", Money.INR))
            .withMarketZone(ZoneId.of("Asia/Kolkata")), clock, OrderIdGenerator.sequential("O"), events::add, reports -> venue);
    private final ScenarioRows.Scripted strategy = new ScenarioRows.Scripted();
    private Instant t = Instant.parse("2025-01-06T04:00:00Z");

    @Test
    void at_ten_percent_a_computed_30_becomes_3_at_full_size_30_and_exits_are_never_scaled() {
        engine.register(strategy, STOCK, 2);
        assertThat(engine.sizeFactor()).isEqualByComparingTo("1");
        engine.accept(new EngineCommand.SetSizeFactor(new BigDecimal("0.10"), "LIVE at 10 %"));

        assertThat(bar("BUY 30")).containsExactly("BUY 3");
        fillLast("100");
        assertThat(bar("EXIT")).as("the exit closes what is held, unscaled").containsExactly("SELL 3");
        fillLast("100");

        engine.accept(new EngineCommand.SetSizeFactor(new BigDecimal("1.00"), "raised to 100 %"));
        assertThat(bar("BUY 30")).containsExactly("BUY 30");
        fillLast("100");

        engine.accept(new EngineCommand.SetSizeFactor(new BigDecimal("0.10"), "back at 10 %"));
        // a reversal: the 30 that close the long go out whole, only the 40 that open the short are scaled
        assertThat(bar("SELL 70")).containsExactly("SELL 34");
        // a manual order is never scaled
        engine.accept(new EngineCommand.PlaceOrder(OrderRequest.limit(new ClientOrderId("manual:ACME:1:B:0"), StrategyId.MANUAL, STOCK,
                Side.BUY, Quantity.of(30), Price.of("100"), TimeInForce.DAY)));
        assertThat(venue.submitted.getLast().request().quantity().value()).isEqualByComparingTo("30");
    }

    @Test
    void the_scaled_entry_rounds_down_to_whole_lots_and_one_that_rounds_to_zero_is_rejected_not_sent() {
        engine.register(strategy, FUTURE, 2);
        engine.accept(new EngineCommand.SetSizeFactor(new BigDecimal("0.25"), "LIVE at 25 %"));

        assertThat(bar("BUY 200")).containsExactly("BUY 50");  // 200 × 0.25 = 50: two lots of 25
        assertThat(bar("BUY 175")).containsExactly("BUY 25");  // 43.75 → one lot
        int sent = venue.submitted.size();
        assertThat(bar("BUY 75")).containsExactly("REJECTED LIVE_SIZE_ROUNDS_TO_ZERO"); // 18.75 → 0 lots
        assertThat(venue.submitted).hasSize(sent);
        assertThat(events).filteredOn(EngineEvent.OrderRejected.class::isInstance).map(EngineEvent.OrderRejected.class::cast)
                .singleElement().satisfies(r -> assertThat(r.message()).contains("75", "0.25", "lot 25"));
        assertThatThrownBy(() -> new EngineCommand.SetSizeFactor(new BigDecimal("1.5"), "too much")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EngineCommand.SetSizeFactor(BigDecimal.ZERO, "nothing")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void adopting_books_the_broker_position_at_its_price_as_an_order_of_its_own_and_pnl_follows_from_it() {
        engine.register(STOCK, 2);
        clock.setMillis(t.toEpochMilli());
        engine.accept(new EngineCommand.AdoptPosition(STOCK, new BigDecimal("-7"), new BigDecimal("3500.35"), "sold by hand at the broker"));

        assertThat(engine.portfolio().quantity("ACME")).isEqualByComparingTo("-7");
        assertThat(engine.portfolio().position("ACME").averagePrice()).isEqualByComparingTo("3500.35");
        assertThat(engine.portfolio().cash()).isEqualByComparingTo(new BigDecimal("10000000").add(new BigDecimal("24502.45")));
        assertThat(venue.submitted).as("nothing goes to the venue").isEmpty();
        assertThat(events.getFirst()).isInstanceOfSatisfying(EngineEvent.PositionAdopted.class, a -> {
            assertThat(a.clientOrderId().value()).isEqualTo("reconciliation:ACME:" + t.toEpochMilli() + ":S:0");
            assertThat(a.exchange()).isEqualTo("NSE");
            assertThat(a.reason()).isEqualTo("sold by hand at the broker");
        });
        assertThat(events.get(1)).isInstanceOfSatisfying(EngineEvent.OrderFilled.class, f -> {
            assertThat(f.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(f.commission().amount()).isZero();
        });
        // a second adoption at the same engine time takes the next id; the engine knows both orders
        engine.accept(new EngineCommand.AdoptPosition(STOCK, new BigDecimal("7"), new BigDecimal("3400"), "bought back at the broker"));
        assertThat(engine.portfolio().quantity("ACME")).isZero();
        assertThat(engine.portfolio().realizedPnl()).isEqualByComparingTo("702.45");
        assertThat(engine.orders()).extracting(o -> o.request().clientOrderId().value())
                .containsExactly("reconciliation:ACME:" + t.toEpochMilli() + ":S:0", "reconciliation:ACME:" + t.toEpochMilli() + ":B:0");
    }

    @Test
    void closing_at_the_broker_books_the_difference_and_sends_the_opposite_market_order_whose_fill_brings_both_back() {
        engine.register(STOCK, 2);
        clock.setMillis(t.toEpochMilli());
        engine.accept(new EngineCommand.OnBar(STOCK, flat(t, "1500")));
        // the broker holds 5 more than the engine (bought in the broker's app)
        engine.accept(new EngineCommand.CloseAtBroker(STOCK, new BigDecimal("5"), new BigDecimal("1500.10"), "bought by mistake"));

        assertThat(venue.submitted).singleElement().satisfies(o -> {
            assertThat(o.request().side()).isEqualTo(Side.SELL);
            assertThat(o.request().quantity().value()).isEqualByComparingTo("5");
            assertThat(o.request().strategy()).isEqualTo(StrategyId.RECONCILIATION);
            assertThat(o.request().clientOrderId().value()).startsWith("reconciliation:ACME:");
        });
        assertThat(engine.portfolio().quantity("ACME")).as("the broker's 5 booked").isEqualByComparingTo("5");
        var close = venue.submitted.getFirst();
        engine.accept(new EngineCommand.VenueReport(new ExecutionReport.VenueFilled(close.request().clientOrderId(), Quantity.of(5),
                Price.of("1498"), Money.zero(Money.INR), Quantity.of(5), t)));
        assertThat(engine.portfolio().quantity("ACME")).isZero();
        assertThat(engine.portfolio().realizedPnl()).isEqualByComparingTo("-10.50");
        assertThat(engine.workingCount()).isZero();

        // the broker lacks what the engine holds (no broker price): booked at the engine's own average, bought back at the broker
        engine.accept(new EngineCommand.AdoptPosition(STOCK, new BigDecimal("4"), new BigDecimal("1490"), "setup"));
        engine.accept(new EngineCommand.CloseAtBroker(STOCK, new BigDecimal("-4"), null, "sold at the broker by hand"));
        assertThat(venue.submitted.getLast().request().side()).isEqualTo(Side.BUY);
        assertThat(engine.portfolio().quantity("ACME")).isZero();
    }

    /** One bar on which the strategy submits {@code submits}; what the engine did with it. */
    private List<String> bar(String submits) {
        strategy.next = submits;
        int before = events.size();
        clock.setMillis(t.toEpochMilli());
        Instrument ins = engine.portfolio().instrument(0);
        engine.accept(new EngineCommand.OnBar(ins, flat(t, "100")));
        t = t.plusSeconds(300);
        strategy.next = "-";
        return List.of(ScenarioRows.outcome(events.subList(before, events.size())));
    }

    /** The venue fills the last order it was sent, whole, at {@code price}. */
    private void fillLast(String price) {
        var o = venue.submitted.getLast();
        engine.accept(new EngineCommand.VenueReport(new ExecutionReport.VenueFilled(o.request().clientOrderId(), o.request().quantity(),
                Price.of(price), Money.zero(Money.INR), o.request().quantity(), t)));
    }

    private static Bar flat(Instant at, String price) {
        Price p = Price.of(price);
        return new Bar(at, p, p, p, p, 1000);
    }
}
