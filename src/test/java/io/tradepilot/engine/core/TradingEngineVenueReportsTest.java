package io.tradepilot.engine.core;

import io.tradepilot.engine.core.EngineEvent.CancelRejected;
import io.tradepilot.engine.core.EngineEvent.ExecutionReportRefused;
import io.tradepilot.engine.core.EngineEvent.ModifyRejected;
import io.tradepilot.engine.core.EngineEvent.OrderAccepted;
import io.tradepilot.engine.core.EngineEvent.OrderAcknowledged;
import io.tradepilot.engine.core.EngineEvent.OrderCancelled;
import io.tradepilot.engine.core.EngineEvent.OrderExpired;
import io.tradepilot.engine.core.EngineEvent.OrderFilled;
import io.tradepilot.engine.core.EngineEvent.OrderModified;
import io.tradepilot.engine.core.EngineEvent.OrderRejected;
import io.tradepilot.engine.core.EngineEvent.OrderRejectedByVenue;
import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.orders.Order;
import io.tradepilot.engine.orders.OrderId;
import io.tradepilot.engine.orders.OrderIdGenerator;
import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.orders.OrderStatus;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.orders.TimeInForce;
import io.tradepilot.engine.risk.RejectionCode;
import io.tradepilot.engine.venue.ExecutionReport;
import io.tradepilot.engine.venue.ExecutionReport.VenueAccepted;
import io.tradepilot.engine.venue.ExecutionReport.VenueCancelRejected;
import io.tradepilot.engine.venue.ExecutionReport.VenueCancelled;
import io.tradepilot.engine.venue.ExecutionReport.VenueExpired;
import io.tradepilot.engine.venue.ExecutionReport.VenueFilled;
import io.tradepilot.engine.venue.ExecutionReport.VenueModified;
import io.tradepilot.engine.venue.ExecutionReport.VenueModifyRejected;
import io.tradepilot.engine.venue.ExecutionReport.VenuePartiallyFilled;
import io.tradepilot.engine.venue.ExecutionReport.VenueRejected;
import io.tradepilot.engine.venue.RecordingVenue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static io.tradepilot.engine.testing.Fixtures.AAPL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine against a venue that answers later (as a broker adapter does): orders go out through the port,
 * execution reports come back as commands and move the order through its guarded transitions; repeated reports
 * change nothing, contradicting ones are refused as events; unanswered placements are resolved, never re-sent.
 */
class TradingEngineVenueReportsTest {

    private static final Instant T0 = Instant.parse("2024-01-02T14:30:00Z");
    private static final ClientOrderId CID = new ClientOrderId("manual:AAPL:1:B:0");

    private final SimulatedClock clock = new SimulatedClock(T0.toEpochMilli(), ZoneOffset.UTC);
    private final List<EngineEvent> events = new ArrayList<>();
    private final List<Integer> commandsApplied = new ArrayList<>();
    private final RecordingVenue venue = new RecordingVenue(Duration.ofSeconds(10), events::size);
    private final TradingEngine engine = new TradingEngine(EngineConfig.simple(Money.of("100000", Money.USD)), clock,
            OrderIdGenerator.sequential("O"), new EngineEvents() {
                @Override
                public void publish(EngineEvent event) {
                    events.add(event);
                }

                @Override
                public void commandApplied() {
                    commandsApplied.add(events.size());
                }
            }, reports -> venue);

    private static OrderRequest limitBuy(ClientOrderId cid, long qty, String limit) {
        return OrderRequest.limit(cid, StrategyId.MANUAL, AAPL, Side.BUY, Quantity.of(qty), Price.of(limit), TimeInForce.DAY);
    }

    private Order place() {
        engine.accept(new EngineCommand.PlaceOrder(limitBuy(CID, 10, "100")));
        events.clear();
        return engine.orders().getLast();
    }

    private void report(ExecutionReport r) {
        engine.accept(new EngineCommand.VenueReport(r));
    }

    private static VenuePartiallyFilled partial(long qty, String price, long cumulative) {
        return new VenuePartiallyFilled(CID, Quantity.of(qty), Price.of(price), Money.of("1", Money.USD), Quantity.of(cumulative), T0);
    }

    private static VenueFilled filled(long qty, String price, long cumulative) {
        return new VenueFilled(CID, Quantity.of(qty), Price.of(price), Money.of("1", Money.USD), Quantity.of(cumulative), T0);
    }

    private <T extends EngineEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private ExecutionReportRefused refusal() {
        assertThat(events).singleElement().isInstanceOf(ExecutionReportRefused.class);
        return (ExecutionReportRefused) events.getFirst();
    }

    // ------------------------------------------------------------------ placement

    @Test
    void an_order_is_published_before_it_is_sent_and_the_venue_gets_its_client_order_id() {
        engine.accept(new EngineCommand.PlaceOrder(limitBuy(CID, 10, "100")));

        assertThat(venue.submitted).singleElement().satisfies(v -> {
            assertThat(v.clientOrderId()).isEqualTo(CID);
            assertThat(v.filled().isZero()).isTrue();
            assertThat(v.venueOrderId()).isNull();
        });
        assertThat(venue.eventsAtSubmit).containsExactly(1);
        assertThat(events.getFirst()).isInstanceOf(OrderAccepted.class);
        assertThat(engine.order(new OrderId("O1")).status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(engine.workingCount()).isEqualTo(1);
    }

    @Test
    void an_off_tick_limit_price_is_refused_before_it_reaches_a_venue_that_requires_ticks() {
        engine.accept(new EngineCommand.PlaceOrder(limitBuy(CID, 10, "100.005")));

        assertThat(of(OrderRejected.class)).singleElement().satisfies(r -> assertThat(r.code()).isEqualTo(RejectionCode.OFF_TICK));
        assertThat(venue.submitted).isEmpty();
        assertThat(engine.preview(limitBuy(new ClientOrderId("other"), 10, "99.999")))
                .isInstanceOfSatisfying(io.tradepilot.engine.risk.RiskDecision.Rejection.class,
                        r -> assertThat(r.code()).isEqualTo(RejectionCode.OFF_TICK));
    }

    @Test
    void the_paper_broker_still_takes_off_tick_prices_as_it_always_did() {
        TradingEngine paper = new TradingEngine(EngineConfig.simple(Money.of("100000", Money.USD)), clock, OrderIdGenerator.sequential("P"),
                events::add);
        paper.accept(new EngineCommand.PlaceOrder(limitBuy(CID, 10, "100.005")));

        assertThat(of(OrderAccepted.class)).hasSize(1);
        assertThat(paper.broker().workingCount()).isEqualTo(1);
    }

    // ------------------------------------------------------------------ acceptance and rejection

    @Test
    void the_venue_acknowledgement_records_its_id_once() {
        Order o = place();

        report(new VenueAccepted(CID, "alp-1"));
        report(new VenueAccepted(CID, "alp-1"));

        assertThat(events).singleElement().isEqualTo(new OrderAcknowledged(T0, o.id(), CID, "alp-1"));
        assertThat(o.venueOrderId()).isEqualTo("alp-1");
        assertThat(o.view().venueOrderId()).isEqualTo("alp-1");
        assertThat(o.status()).isEqualTo(OrderStatus.ACCEPTED);
    }

    @Test
    void a_second_venue_id_for_the_same_order_is_refused() {
        Order o = place();
        report(new VenueAccepted(CID, "alp-1"));
        events.clear();

        report(new VenueAccepted(CID, "alp-2"));

        assertThat(refusal().reason()).contains("alp-1");
        assertThat(o.venueOrderId()).isEqualTo("alp-1");
    }

    @Test
    void a_venue_rejection_before_acceptance_ends_the_order_and_its_entry() {
        Order o = place();

        report(new VenueRejected(CID, "insufficient buying power"));
        report(new VenueRejected(CID, "insufficient buying power"));

        assertThat(events).singleElement()
                .isEqualTo(new OrderRejectedByVenue(T0, o.id(), CID, "AAPL", "insufficient buying power"));
        assertThat(o.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(engine.workingCount()).isZero();
        assertThat(engine.snapshot().workingOrders()).isEmpty();
    }

    @Test
    void a_rejection_after_the_venue_accepted_the_order_is_refused() {
        Order o = place();
        report(new VenueAccepted(CID, "alp-1"));
        events.clear();

        report(new VenueRejected(CID, "late"));

        assertThat(refusal().orderId()).isEqualTo(o.id());
        assertThat(o.status()).isEqualTo(OrderStatus.ACCEPTED);
        assertThat(engine.workingCount()).isEqualTo(1);
    }

    @Test
    void a_rejection_after_a_fill_is_refused() {
        Order o = place();
        report(partial(4, "100", 4));
        events.clear();

        report(new VenueRejected(CID, "late"));

        assertThat(refusal().reason()).contains("filled");
        assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
    }

    @Test
    void a_report_for_a_client_order_id_the_engine_never_sent_is_refused_without_an_order() {
        report(new VenueFilled(new ClientOrderId("placed-at-the-broker"), Quantity.of(1), Price.of("1"), Money.of("0", Money.USD),
                Quantity.of(1), T0));

        ExecutionReportRefused r = refusal();
        assertThat(r.orderId()).isNull();
        assertThat(r.reason()).isEqualTo("unknown client order id");
        assertThat(engine.portfolio().quantity("AAPL")).isEqualByComparingTo("0");
    }

    // ------------------------------------------------------------------ fills

    @Test
    void partial_fills_then_the_last_fill_move_the_portfolio_and_end_the_order() {
        Order o = place();

        report(partial(4, "100", 4));
        report(filled(6, "99.5", 10));

        assertThat(of(OrderFilled.class)).extracting(f -> f.quantity().value().intValue(), f -> f.status(), f -> f.remaining().value().intValue())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4, OrderStatus.PARTIALLY_FILLED, 6),
                        org.assertj.core.groups.Tuple.tuple(6, OrderStatus.FILLED, 0));
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(engine.portfolio().quantity("AAPL")).isEqualByComparingTo("10");
        assertThat(engine.portfolio().cash()).isEqualByComparingTo("99001"); // 100000 - 4 x 100 - 6 x 99.5 - 2 x 1 commission
        assertThat(engine.workingCount()).isZero();
    }

    @Test
    void a_repeated_fill_report_changes_nothing() {
        Order o = place();
        report(partial(4, "100", 4));
        report(filled(6, "99.5", 10));
        events.clear();

        report(partial(4, "100", 4));
        report(filled(6, "99.5", 10));

        assertThat(events).isEmpty();
        assertThat(o.filledQuantity()).isEqualTo(Quantity.of(10));
        assertThat(engine.portfolio().quantity("AAPL")).isEqualByComparingTo("10");
    }

    @Test
    void a_fill_beyond_the_order_quantity_is_refused() {
        Order o = place();

        report(filled(12, "100", 12));

        assertThat(refusal().reason()).contains("exceeds");
        assertThat(o.filledQuantity().isZero()).isTrue();
        assertThat(engine.portfolio().quantity("AAPL")).isEqualByComparingTo("0");
    }

    @Test
    void a_fill_that_skips_an_execution_is_refused_and_the_missing_one_still_applies() {
        Order o = place();

        report(partial(3, "100", 7)); // the venue counts 7, the engine knows of none: 4 are missing
        assertThat(refusal().reason()).contains("out of sequence");
        events.clear();
        report(partial(4, "100", 4));

        assertThat(of(OrderFilled.class)).hasSize(1);
        assertThat(o.filledQuantity()).isEqualTo(Quantity.of(4));
    }

    @Test
    void a_commission_in_another_currency_is_refused() {
        place();

        report(new VenueFilled(CID, Quantity.of(10), Price.of("100"), Money.of("20", Money.INR), Quantity.of(10), T0));

        assertThat(refusal().reason()).contains("INR");
        assertThat(engine.portfolio().quantity("AAPL")).isEqualByComparingTo("0");
    }

    // ------------------------------------------------------------------ cancels and their races

    @Test
    void a_cancel_waits_for_the_venue_and_keeps_the_engine_reason() {
        Order o = place();

        engine.accept(new EngineCommand.CancelOrder(o.id(), "kill switch engaged"));
        assertThat(o.status()).isEqualTo(OrderStatus.PENDING_CANCEL);
        assertThat(venue.cancelled).singleElement().satisfies(v -> assertThat(v.clientOrderId()).isEqualTo(CID));
        assertThat(events).isEmpty();

        report(new VenueCancelled(CID, "canceled"));
        report(new VenueCancelled(CID, "canceled"));

        assertThat(events).singleElement().isEqualTo(new OrderCancelled(T0, o.id(), "kill switch engaged"));
        assertThat(o.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(engine.workingCount()).isZero();
    }

    @Test
    void a_fill_that_wins_the_race_against_a_cancel_stands_and_the_late_cancel_answer_changes_nothing() {
        Order o = place();
        engine.accept(new EngineCommand.CancelOrder(o.id(), "operator"));

        report(filled(10, "100", 10));
        report(new VenueCancelRejected(CID, "order already filled"));

        assertThat(events).extracting(e -> e.getClass().getSimpleName()).containsExactly("OrderFilled", "PositionChanged");
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(engine.portfolio().quantity("AAPL")).isEqualByComparingTo("10");
    }

    @Test
    void a_cancel_confirmation_for_a_filled_order_is_refused() {
        Order o = place();
        report(filled(10, "100", 10));
        events.clear();

        report(new VenueCancelled(CID, "canceled"));

        assertThat(refusal().orderId()).isEqualTo(o.id());
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void a_partial_fill_then_a_cancel_keeps_the_filled_part() {
        Order o = place();
        report(partial(4, "100", 4));
        engine.accept(new EngineCommand.CancelOrder(o.id(), "operator"));

        report(new VenueCancelled(CID, ""));

        assertThat(o.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(o.filledQuantity()).isEqualTo(Quantity.of(4));
        assertThat(engine.portfolio().quantity("AAPL")).isEqualByComparingTo("4");
        assertThat(engine.workingCount()).isZero();
    }

    @Test
    void a_fill_after_the_cancel_was_confirmed_is_refused_and_leaves_the_portfolio_alone() {
        Order o = place();
        engine.accept(new EngineCommand.CancelOrder(o.id(), "operator"));
        report(new VenueCancelled(CID, ""));
        events.clear();

        report(partial(4, "100", 4));

        assertThat(refusal().reason()).contains("CANCELLED");
        assertThat(engine.portfolio().quantity("AAPL")).isEqualByComparingTo("0");
    }

    @Test
    void a_refused_cancel_leaves_the_order_working_and_it_can_still_fill() {
        Order o = place();
        engine.accept(new EngineCommand.CancelOrder(o.id(), "operator"));

        report(new VenueCancelRejected(CID, "order is being filled"));
        report(new VenueCancelRejected(CID, "order is being filled"));
        report(filled(10, "100", 10));

        assertThat(of(CancelRejected.class)).containsExactly(new CancelRejected(T0, o.id(), "order is being filled"));
        assertThat(of(OrderFilled.class)).hasSize(1);
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void a_cancel_rejection_nobody_asked_for_is_refused() {
        Order o = place();

        report(new VenueCancelRejected(CID, "?"));

        assertThat(refusal().orderId()).isEqualTo(o.id());
        assertThat(o.status()).isEqualTo(OrderStatus.ACCEPTED);
    }

    @Test
    void the_venue_may_cancel_on_its_own_and_gives_its_reason() {
        Order o = place();

        report(new VenueCancelled(CID, "cancelled by the broker's risk desk"));

        assertThat(events).singleElement().isEqualTo(new OrderCancelled(T0, o.id(), "cancelled by the broker's risk desk"));
    }

    @Test
    void an_expiry_ends_the_order_once_and_cannot_undo_a_fill() {
        Order o = place();
        report(partial(4, "100", 4));
        events.clear();

        report(new VenueExpired(CID, "DAY order at the close"));
        report(new VenueExpired(CID, "DAY order at the close"));

        assertThat(events).singleElement().isEqualTo(new OrderExpired(T0, o.id(), "DAY order at the close"));
        assertThat(o.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(engine.portfolio().quantity("AAPL")).isEqualByComparingTo("4");
    }

    // ------------------------------------------------------------------ unknown placements

    @Test
    void a_placement_without_an_answer_is_resolved_by_its_client_order_id_and_never_sent_again() {
        place();

        engine.accept(new EngineCommand.OnTimer(T0.plusSeconds(5)));
        assertThat(venue.resolved).isEmpty();
        engine.accept(new EngineCommand.OnTimer(T0.plusSeconds(10)));
        assertThat(venue.resolved).singleElement().satisfies(v -> assertThat(v.clientOrderId()).isEqualTo(CID));
        engine.accept(new EngineCommand.OnTimer(T0.plusSeconds(15)));
        assertThat(venue.resolved).hasSize(1);
        engine.accept(new EngineCommand.OnTimer(T0.plusSeconds(20)));
        assertThat(venue.resolved).hasSize(2);

        report(new VenueAccepted(CID, "alp-1"));
        engine.accept(new EngineCommand.OnTimer(T0.plusSeconds(60)));

        assertThat(venue.resolved).hasSize(2);
        assertThat(venue.submitted).hasSize(1);
    }

    @Test
    void a_placement_the_venue_never_received_ends_rejected_when_resolved() {
        Order o = place();
        engine.accept(new EngineCommand.OnTimer(T0.plusSeconds(10)));

        report(new VenueRejected(CID, "no order with this client order id"));
        engine.accept(new EngineCommand.OnTimer(T0.plusSeconds(60)));

        assertThat(o.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(venue.submitted).hasSize(1);
        assertThat(venue.resolved).hasSize(1);
    }

    @Test
    void an_order_adopted_after_a_restart_is_resolved_at_the_venue_not_submitted() {
        Order working = new Order(new OrderId("O7"), limitBuy(CID, 10, "100"), T0);
        working.accept();
        working.fill(Quantity.of(4), Price.of("100"));
        Order done = new Order(new OrderId("O8"), limitBuy(new ClientOrderId("manual:AAPL:2:B:0"), 10, "100"), T0);
        done.accept();
        done.fill(Quantity.of(10), Price.of("100"));

        engine.adopt(working);
        engine.adopt(done);

        assertThat(venue.submitted).isEmpty();
        assertThat(venue.resolved).singleElement().satisfies(v -> {
            assertThat(v.orderId()).isEqualTo(new OrderId("O7"));
            assertThat(v.filled()).isEqualTo(Quantity.of(4));
        });
        assertThat(engine.workingCount()).isEqualTo(1);
    }

    // ------------------------------------------------------------------ modifications

    @Test
    void a_modification_goes_to_the_venue_and_applies_when_it_confirms() {
        Order o = place();

        engine.accept(new EngineCommand.ModifyOrder(o.id(), Quantity.of(8), Price.of("101"), null, "operator"));
        assertThat(venue.modified).singleElement().satisfies(r -> {
            assertThat(r.quantity()).isEqualTo(Quantity.of(8));
            assertThat(r.limitPrice()).isEqualTo(Price.of("101"));
            assertThat(r.clientOrderId()).isEqualTo(CID);
        });
        assertThat(o.request().quantity()).isEqualTo(Quantity.of(10));

        report(new VenueModified(CID, Quantity.of(8), Price.of("101"), null));
        report(new VenueModified(CID, Quantity.of(8), Price.of("101"), null));

        assertThat(events).singleElement().isEqualTo(new OrderModified(T0, o.id(), CID, Quantity.of(8), Price.of("101"), null));
        assertThat(o.request().quantity()).isEqualTo(Quantity.of(8));
        assertThat(o.request().limitPrice()).isEqualTo(Price.of("101"));
    }

    @Test
    void modifications_that_are_not_allowed_are_refused_before_the_venue() {
        Order o = place();

        engine.accept(new EngineCommand.ModifyOrder(o.id(), Quantity.of(12), null, null, "bigger"));
        engine.accept(new EngineCommand.ModifyOrder(o.id(), null, Price.of("100.003"), null, "off tick"));
        engine.accept(new EngineCommand.ModifyOrder(o.id(), null, null, Price.of("99"), "a limit order has no stop"));
        engine.accept(new EngineCommand.ModifyOrder(new OrderId("nope"), Quantity.of(1), null, null, "unknown"));
        engine.accept(new EngineCommand.CancelOrder(o.id(), "operator"));
        engine.accept(new EngineCommand.ModifyOrder(o.id(), Quantity.of(5), null, null, "pending cancel"));

        assertThat(of(ModifyRejected.class)).extracting(ModifyRejected::reason).satisfiesExactly(
                r -> assertThat(r).contains("a larger order is a new order"),
                r -> assertThat(r).startsWith("OFF_TICK"),
                r -> assertThat(r).contains("stop price"),
                r -> assertThat(r).isEqualTo("unknown order"),
                r -> assertThat(r).contains("PENDING_CANCEL"));
        assertThat(venue.modified).isEmpty();
    }

    @Test
    void a_modification_the_venue_refuses_leaves_the_order_unchanged() {
        Order o = place();
        engine.accept(new EngineCommand.ModifyOrder(o.id(), Quantity.of(8), null, null, "operator"));

        report(new VenueModifyRejected(CID, "too late"));

        assertThat(events).singleElement().isEqualTo(new ModifyRejected(T0, o.id(), "too late"));
        assertThat(o.request().quantity()).isEqualTo(Quantity.of(10));
    }

    // ------------------------------------------------------------------ the command path

    @Test
    void each_report_command_is_one_group_of_events_for_the_ledger() {
        place();
        commandsApplied.clear();

        report(partial(4, "100", 4));
        report(filled(6, "100", 10));

        assertThat(commandsApplied).containsExactly(2, 4); // fill + position change, twice
    }

    @Test
    void closing_at_the_mark_and_the_paper_broker_need_a_simulated_venue() {
        assertThat(engine.venue()).isSameAs(venue);
        assertThatThrownBy(() -> engine.closeAllAtMark("end")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(engine::broker).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void reports_arriving_on_the_single_writer_from_another_thread_are_applied_in_order() throws Exception {
        List<EngineEvent> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        RecordingVenue async = new RecordingVenue(null, seen::size);
        TradingEngine core = new TradingEngine(EngineConfig.simple(Money.of("100000", Money.USD)), clock, OrderIdGenerator.sequential("O"),
                seen::add, reports -> async);
        try (SingleWriterEngine writer = new SingleWriterEngine(core, Thread.ofPlatform().factory(), Throwable::printStackTrace)) {
            writer.accept(new EngineCommand.PlaceOrder(limitBuy(CID, 10, "100")));
            Thread broker = Thread.ofPlatform().start(() -> {
                writer.accept(new EngineCommand.VenueReport(new VenueAccepted(CID, "alp-1")));
                writer.accept(new EngineCommand.VenueReport(partial(4, "100", 4)));
                writer.accept(new EngineCommand.VenueReport(filled(6, "100", 10)));
            });
            broker.join();
            assertThat(writer.query(e -> e.order(new OrderId("O1")).status()).get()).isEqualTo(OrderStatus.FILLED);
        }
        assertThat(seen).extracting(e -> e.getClass().getSimpleName()).containsExactly("OrderAccepted", "OrderAcknowledged",
                "OrderFilled", "PositionChanged", "OrderFilled", "PositionChanged");
    }
}
