package io.tradepilot.engine.core;

import io.tradepilot.engine.core.EngineEvent.*;
import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.BarCursor;
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
import io.tradepilot.engine.risk.TradingState;
import io.tradepilot.engine.risk.TradingStatePort;
import io.tradepilot.engine.strategy.OrderIntent;
import io.tradepilot.engine.strategy.Strategy;
import io.tradepilot.engine.strategy.StrategyContext;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import static io.tradepilot.engine.testing.Fixtures.AAPL;
import static org.assertj.core.api.Assertions.assertThat;

class TradingEngineTest {

    private final SimulatedClock clock = new SimulatedClock();
    private final List<EngineEvent> events = new ArrayList<>();
    private int day;

    private TradingEngine engine(EngineConfig config) {
        return new TradingEngine(config, clock, OrderIdGenerator.sequential("O"), events::add);
    }

    private TradingEngine engine() {
        return engine(EngineConfig.simple(Money.of("100000", Money.USD)));
    }

    /** The host's controls as the engine's trading-state port, set by the test as the controls module would set them. */
    private static final class Controls implements TradingStatePort {
        TradingState state = TradingState.ALLOWED;
        long releases;

        @Override
        public TradingState current() {
            return state;
        }

        @Override
        public long releases() {
            return releases;
        }

        void set(TradingState.Kind kind, String reason) {
            state = kind == TradingState.Kind.ALLOWED ? TradingState.ALLOWED : TradingState.blocked(kind, reason);
        }
    }

    private final Controls controls = new Controls();

    /** An engine whose trading state is {@link #controls}. */
    private TradingEngine controlled(EngineConfig config) {
        return engine(config.withHostState(controls));
    }

    private static OrderRequest sell(String id, long qty) {
        return OrderRequest.market(new ClientOrderId(id), StrategyId.MANUAL, AAPL, Side.SELL, Quantity.of(qty));
    }

    private void bar(TradingEngine e, String o, String h, String l, String c) {
        Instant t = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(86_400L * day++);
        clock.setMillis(t.toEpochMilli());
        e.accept(new EngineCommand.OnBar(AAPL, new Bar(t, Price.of(o), Price.of(h), Price.of(l), Price.of(c), 1_000_000)));
    }

    private static OrderRequest buy(String id, long qty) {
        return OrderRequest.market(new ClientOrderId(id), StrategyId.MANUAL, AAPL, Side.BUY, Quantity.of(qty));
    }

    private static OrderRequest limitBuy(String id, long qty, String limit) {
        return OrderRequest.limit(new ClientOrderId(id), StrategyId.MANUAL, AAPL, Side.BUY, Quantity.of(qty), Price.of(limit), TimeInForce.GTC);
    }

    private <T> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void the_kill_switch_read_through_the_port_blocks_new_orders_but_allows_cancels_and_the_engine_keeps_no_state_of_it() {
        TradingEngine e = controlled(EngineConfig.simple(Money.of("100000", Money.USD)));
        bar(e, "100", "101", "99", "100");
        e.accept(new EngineCommand.PlaceOrder(limitBuy("resting", 10, "90")));
        controls.set(TradingState.Kind.KILL_SWITCH_ENGAGED, "operator pressed the button");
        e.accept(new EngineCommand.PlaceOrder(buy("new", 10)));
        assertThat(of(OrderRejected.class)).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo(RejectionCode.KILL_SWITCH_ENGAGED);
            assertThat(r.message()).contains("operator pressed the button");
        });
        var resting = of(OrderAccepted.class).getFirst().orderId();
        e.accept(new EngineCommand.CancelOrder(resting, "kill"));
        assertThat(of(OrderCancelled.class)).singleElement().satisfies(c -> assertThat(c.orderId()).isEqualTo(resting));
        assertThat(e.state()).isEqualTo(EngineState.RUNNING);
        assertThat(of(TradingStateChanged.class)).isEmpty();

        controls.set(TradingState.Kind.ALLOWED, "");
        e.accept(new EngineCommand.PlaceOrder(buy("after", 10)));
        assertThat(of(OrderAccepted.class)).extracting(OrderAccepted::clientOrderId).contains(new ClientOrderId("after"));
    }

    @Test
    void submitting_the_same_client_order_id_twice_creates_one_order() {
        TradingEngine e = engine();
        bar(e, "100", "101", "99", "100");
        e.accept(new EngineCommand.PlaceOrder(buy("same", 10)));
        e.accept(new EngineCommand.PlaceOrder(buy("same", 10)));
        assertThat(e.orders()).hasSize(1);
        assertThat(of(OrderAccepted.class)).hasSize(1);
        assertThat(of(DuplicateOrderIgnored.class)).singleElement().satisfies(d -> assertThat(d.existing()).isEqualTo(e.orders().getFirst().id()));
        bar(e, "100", "101", "99", "100");
        assertThat(e.portfolio().quantity("AAPL")).isEqualByComparingTo("10");
    }

    @Test
    void a_pause_read_through_the_port_refuses_entries_but_lets_exits_through_until_the_port_lifts_it() {
        TradingEngine e = controlled(EngineConfig.simple(Money.of("100000", Money.USD)));
        bar(e, "100", "101", "99", "100");
        e.accept(new EngineCommand.PlaceOrder(buy("b1", 10)));
        bar(e, "100", "101", "99", "100");
        controls.set(TradingState.Kind.PAUSED, "lunch");
        e.accept(new EngineCommand.PlaceOrder(buy("b2", 10)));
        e.accept(new EngineCommand.PlaceOrder(sell("s1", 5)));
        assertThat(of(OrderRejected.class)).singleElement().satisfies(r -> assertThat(r.code()).isEqualTo(RejectionCode.TRADING_PAUSED));
        controls.set(TradingState.Kind.ALLOWED, "");
        e.accept(new EngineCommand.PlaceOrder(buy("b3", 10)));
        assertThat(of(OrderAccepted.class)).hasSize(3);
        assertThat(of(TradingStateChanged.class)).as("a pause is the controls' state, not the engine's").isEmpty();
        assertThat(e.state()).isEqualTo(EngineState.RUNNING);
    }

    @Test
    void a_fill_reports_the_protective_stop_its_order_carried_and_leaves_the_event_text_unchanged() {
        TradingEngine e = engine();
        bar(e, "100", "101", "99", "100");
        e.accept(new EngineCommand.PlaceOrder(buy("b1", 10).withProtectiveStop(Price.of("95"))));
        bar(e, "100", "101", "99", "100");
        e.accept(new EngineCommand.PlaceOrder(OrderRequest.market(new ClientOrderId("s1"), StrategyId.MANUAL, AAPL, Side.SELL, Quantity.of(10))));
        bar(e, "100", "101", "99", "100");
        assertThat(of(OrderFilled.class)).extracting(OrderFilled::protectiveStop).containsExactly(Price.of("95"), null);
        assertThat(of(OrderFilled.class).getFirst().toString()).as("the text backtest event hashes fold").doesNotContain("protectiveStop")
                .endsWith("status=FILLED]");
    }

    @Test
    void an_unknown_host_trading_state_fails_closed() {
        TradingEngine e = engine(EngineConfig.simple(Money.of("100000", Money.USD))
                .withHostState(() -> TradingState.blocked(TradingState.Kind.UNKNOWN, "redis unreachable")));
        bar(e, "100", "101", "99", "100");
        e.accept(new EngineCommand.PlaceOrder(buy("b1", 10)));
        assertThat(of(OrderRejected.class)).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo(RejectionCode.TRADING_STATE_UNKNOWN);
            assertThat(r.message()).contains("redis unreachable");
        });
    }

    @Test
    void flatten_cancels_working_orders_and_closes_positions_at_the_next_open_past_the_kill_switch_the_host_engaged_first() {
        TradingEngine e = controlled(EngineConfig.simple(Money.of("100000", Money.USD)));
        bar(e, "100", "101", "99", "100");
        e.accept(new EngineCommand.PlaceOrder(buy("b1", 10)));
        bar(e, "100", "101", "99", "100");
        e.accept(new EngineCommand.PlaceOrder(limitBuy("resting", 10, "50")));
        controls.set(TradingState.Kind.KILL_SWITCH_ENGAGED, "by admin: flatten: market chaos"); // the host engages it before it flattens
        e.accept(new EngineCommand.Flatten("market chaos"));
        e.accept(new EngineCommand.PlaceOrder(buy("right-after", 10)));
        assertThat(of(OrderCancelled.class)).hasSize(1);
        assertThat(of(OrderRejected.class)).as("refused by the kill switch through the port, in the next step")
                .singleElement().satisfies(r -> assertThat(r.code()).isEqualTo(RejectionCode.KILL_SWITCH_ENGAGED));
        bar(e, "95", "96", "94", "95");
        assertThat(e.portfolio().quantity("AAPL")).isEqualByComparingTo("0");
        assertThat(of(OrderFilled.class).getLast().price()).isEqualTo(Price.of("95"));
        assertThat(e.state()).as("a flatten sets no state").isEqualTo(EngineState.RUNNING);
        assertThat(of(TradingStateChanged.class)).isEmpty();
        e.accept(new EngineCommand.Flatten("again"));
        assertThat(e.portfolio().quantity("AAPL")).isEqualByComparingTo("0");
    }

    @Test
    void flatten_decides_nothing_about_later_orders_the_port_does() {
        TradingEngine e = controlled(EngineConfig.simple(Money.of("100000", Money.USD)));
        bar(e, "100", "101", "99", "100");
        e.accept(new EngineCommand.PlaceOrder(buy("b1", 10)));
        bar(e, "100", "101", "99", "100");
        e.accept(new EngineCommand.Flatten("tidy up"));
        e.accept(new EngineCommand.PlaceOrder(buy("b2", 10)));
        assertThat(of(OrderRejected.class)).isEmpty();
        assertThat(of(OrderAccepted.class)).extracting(OrderAccepted::clientOrderId).contains(new ClientOrderId("b2"));
    }

    @Test
    void the_events_of_one_command_are_reported_as_one_group_a_fill_with_its_position_change_and_closed_trade() {
        List<List<EngineEvent>> groups = new ArrayList<>();
        List<EngineEvent> current = new ArrayList<>();
        TradingEngine e = new TradingEngine(EngineConfig.simple(Money.of("100000", Money.USD)), clock, OrderIdGenerator.sequential("O"),
                new EngineEvents() {
                    @Override
                    public void publish(EngineEvent event) {
                        current.add(event);
                    }

                    @Override
                    public void commandApplied() {
                        groups.add(List.copyOf(current));
                        current.clear();
                    }
                });
        bar(e, "100", "101", "99", "100");
        e.accept(new EngineCommand.PlaceOrder(buy("b1", 10)));
        bar(e, "100", "101", "99", "100");
        e.accept(new EngineCommand.PlaceOrder(OrderRequest.market(new ClientOrderId("s1"), StrategyId.MANUAL, AAPL, Side.SELL, Quantity.of(10))));
        bar(e, "105", "106", "104", "105");
        assertThat(current).as("nothing left outside a group").isEmpty();
        assertThat(groups).hasSize(5);
        assertThat(groups.get(4)).extracting(ev -> ev.getClass().getSimpleName())
                .containsExactly("OrderFilled", "PositionChanged", "TradeClosed");
        assertThat(groups.get(3)).extracting(ev -> ev.getClass().getSimpleName()).containsExactly("OrderAccepted");
    }

    @Test
    void consecutive_losses_trip_the_engine_and_refuse_further_entries() {
        TradingEngine e = engine(EngineConfig.simple(Money.of("100000", Money.USD)).withTrips(null, null, 2));
        bar(e, "100", "101", "99", "100");
        for (int i = 0; i < 2; i++) {
            e.accept(new EngineCommand.PlaceOrder(buy("b" + i, 10)));
            bar(e, "100", "101", "99", "100");
            e.accept(new EngineCommand.PlaceOrder(OrderRequest.market(new ClientOrderId("s" + i), StrategyId.MANUAL, AAPL, Side.SELL, Quantity.of(10))));
            bar(e, "90", "91", "89", "90");
        }
        assertThat(of(RiskTripped.class)).singleElement().satisfies(t -> assertThat(t.code()).isEqualTo(RejectionCode.CONSECUTIVE_LOSSES));
        e.accept(new EngineCommand.PlaceOrder(buy("after", 10)));
        assertThat(of(OrderRejected.class)).singleElement().satisfies(r -> assertThat(r.code()).isEqualTo(RejectionCode.CIRCUIT_BREAKER_TRIPPED));
    }

    @Test
    void a_daily_loss_beyond_the_trip_level_trips_the_engine_on_the_next_fill() {
        TradingEngine e = engine(EngineConfig.simple(Money.of("100000", Money.USD)).withTrips(new BigDecimal("0.018"), null, 0));
        bar(e, "100", "101", "99", "100");
        e.accept(new EngineCommand.PlaceOrder(buy("b1", 1000)));
        bar(e, "100", "101", "99", "100");
        e.accept(new EngineCommand.PlaceOrder(OrderRequest.market(new ClientOrderId("s1"), StrategyId.MANUAL, AAPL, Side.SELL, Quantity.of(1000))));
        bar(e, "98", "99", "97", "98"); // sold at 98: -2,000 = 2 % of the day's start
        assertThat(of(RiskTripped.class)).singleElement().satisfies(t -> assertThat(t.code()).isEqualTo(RejectionCode.DAILY_LOSS_LIMIT));
        assertThat(e.state()).isEqualTo(EngineState.TRIPPED);
    }

    @Test
    void a_trip_refuses_entries_in_the_same_step_before_the_host_holds_it_and_lasts_until_the_port_reports_a_release() {
        controls.releases = 7; // releases before the trip do not count
        TradingEngine e = controlled(EngineConfig.simple(Money.of("100000", Money.USD)).withTrips(new BigDecimal("0.018"), null, 0));
        bar(e, "100", "101", "99", "100");
        e.accept(new EngineCommand.PlaceOrder(buy("b1", 1000)));
        bar(e, "100", "101", "99", "100");
        e.accept(new EngineCommand.PlaceOrder(sell("s1", 500)));
        bar(e, "96", "97", "95", "96"); // sold 500 at 96, 500 held at 96: -4,000 today
        assertThat(of(RiskTripped.class)).singleElement().satisfies(t -> assertThat(t.code()).isEqualTo(RejectionCode.DAILY_LOSS_LIMIT));
        assertThat(of(TradingStateChanged.class)).extracting(TradingStateChanged::state).containsExactly(EngineState.TRIPPED);

        // the host has recorded nothing yet: the port still allows
        e.accept(new EngineCommand.PlaceOrder(buy("entry-1", 10)));
        e.accept(new EngineCommand.PlaceOrder(sell("exit-1", 100)));
        assertThat(of(OrderRejected.class)).singleElement().satisfies(r -> {
            assertThat(r.clientOrderId()).isEqualTo(new ClientOrderId("entry-1"));
            assertThat(r.code()).isEqualTo(RejectionCode.CIRCUIT_BREAKER_TRIPPED);
            assertThat(r.message()).contains("daily loss");
        });

        // a stricter answer of the port wins; the host recording the trip changes nothing else
        controls.set(TradingState.Kind.KILL_SWITCH_ENGAGED, "daily loss");
        e.accept(new EngineCommand.PlaceOrder(sell("exit-2", 100)));
        assertThat(of(OrderRejected.class).getLast().code()).isEqualTo(RejectionCode.KILL_SWITCH_ENGAGED);
        controls.set(TradingState.Kind.ALLOWED, "");
        e.accept(new EngineCommand.CheckTrip("no release yet"));
        assertThat(e.state()).isEqualTo(EngineState.TRIPPED);
        e.accept(new EngineCommand.PlaceOrder(buy("entry-2", 10)));
        assertThat(of(OrderRejected.class).getLast().code()).isEqualTo(RejectionCode.CIRCUIT_BREAKER_TRIPPED);

        controls.releases++;
        e.accept(new EngineCommand.CheckTrip("RESET_CIRCUIT_BREAKER by ops: cause dealt with"));
        assertThat(e.state()).isEqualTo(EngineState.RUNNING);
        assertThat(of(TradingStateChanged.class)).last().satisfies(c -> {
            assertThat(c.state()).isEqualTo(EngineState.RUNNING);
            assertThat(c.reason()).startsWith("RESET_CIRCUIT_BREAKER");
        });
        e.accept(new EngineCommand.PlaceOrder(buy("entry-3", 10)));
        assertThat(of(OrderAccepted.class)).extracting(OrderAccepted::clientOrderId).contains(new ClientOrderId("entry-3"));
    }

    @Test
    void without_a_host_that_releases_it_a_trip_lasts_to_the_end_as_in_a_backtest() {
        TradingEngine e = engine(EngineConfig.simple(Money.of("100000", Money.USD)).withTrips(null, null, 1));
        bar(e, "100", "101", "99", "100");
        e.accept(new EngineCommand.PlaceOrder(buy("b1", 10)));
        bar(e, "100", "101", "99", "100");
        e.accept(new EngineCommand.PlaceOrder(sell("s1", 10)));
        bar(e, "90", "91", "89", "90");
        e.accept(new EngineCommand.CheckTrip("nothing released"));
        for (int i = 0; i < 3; i++) bar(e, "100", "101", "99", "100");
        e.accept(new EngineCommand.PlaceOrder(buy("b2", 10)));
        assertThat(e.state()).isEqualTo(EngineState.TRIPPED);
        assertThat(of(OrderRejected.class)).singleElement().satisfies(r -> assertThat(r.code()).isEqualTo(RejectionCode.CIRCUIT_BREAKER_TRIPPED));
        assertThat(of(TradingStateChanged.class)).extracting(TradingStateChanged::state).containsExactly(EngineState.TRIPPED);
    }

    @Test
    void at_the_soft_daily_loss_limit_entries_stop_for_the_day_without_a_trip_and_the_next_day_trades_again() {
        TradingEngine e = engine(EngineConfig.simple(Money.of("100000", Money.USD)).withRisk(io.tradepilot.engine.risk.RiskChain.of(
                new io.tradepilot.engine.risk.DailyLossLimit(new BigDecimal("0.009"), RejectionCode.DAILY_LOSS_ENTRIES_PAUSED))));
        bar(e, "100", "101", "99", "100");
        e.accept(new EngineCommand.PlaceOrder(buy("b1", 1000)));
        bar(e, "100", "101", "99", "100");
        e.accept(new EngineCommand.PlaceOrder(OrderRequest.market(new ClientOrderId("s1"), StrategyId.MANUAL, AAPL, Side.SELL, Quantity.of(500))));
        bar(e, "98", "99", "97", "98"); // sold 500 at 98 and 500 held marked at 98: -2,000 today = 2 % of the day's start
        e.accept(new EngineCommand.PlaceOrder(buy("b2", 10)));
        e.accept(new EngineCommand.PlaceOrder(OrderRequest.market(new ClientOrderId("s2"), StrategyId.MANUAL, AAPL, Side.SELL, Quantity.of(500))));
        assertThat(of(OrderRejected.class)).singleElement().satisfies(r -> {
            assertThat(r.clientOrderId()).isEqualTo(new ClientOrderId("b2"));
            assertThat(r.code()).isEqualTo(RejectionCode.DAILY_LOSS_ENTRIES_PAUSED);
            assertThat(r.message()).startsWith("entries paused for the day");
        });
        assertThat(of(RiskTripped.class)).as("a pause for the day, not a trip").isEmpty();
        assertThat(e.state()).isEqualTo(EngineState.RUNNING);
        bar(e, "98", "99", "97", "98"); // the exit fills; a new day starts
        e.accept(new EngineCommand.PlaceOrder(buy("b3", 10)));
        assertThat(of(OrderAccepted.class)).extracting(OrderAccepted::clientOrderId)
                .containsExactly(new ClientOrderId("b1"), new ClientOrderId("s1"), new ClientOrderId("s2"), new ClientOrderId("b3"));
    }

    @Test
    void the_square_off_timer_closes_positions_once_a_day() {
        TradingEngine e = engine(EngineConfig.simple(Money.of("100000", Money.USD)).withSquareOffAt(LocalTime.of(15, 25)));
        bar(e, "100", "101", "99", "100");
        e.accept(new EngineCommand.PlaceOrder(buy("b1", 10)));
        bar(e, "100", "101", "99", "100");
        e.accept(new EngineCommand.OnTimer(Instant.parse("2024-01-02T15:00:00Z")));
        assertThat(e.broker().workingCount()).isZero();
        e.accept(new EngineCommand.OnTimer(Instant.parse("2024-01-02T15:25:00Z")));
        e.accept(new EngineCommand.OnTimer(Instant.parse("2024-01-02T15:26:00Z")));
        assertThat(e.broker().workingCount()).isEqualTo(1);
        bar(e, "101", "101", "99", "100");
        assertThat(e.portfolio().quantity("AAPL")).isEqualByComparingTo("0");
    }

    @Test
    void cancelling_a_filled_or_unknown_order_is_reported_not_thrown() {
        TradingEngine e = engine();
        bar(e, "100", "101", "99", "100");
        e.accept(new EngineCommand.PlaceOrder(buy("b1", 10)));
        bar(e, "100", "101", "99", "100");
        var id = e.orders().getFirst().id();
        e.accept(new EngineCommand.CancelOrder(id, "too late"));
        e.accept(new EngineCommand.CancelOrder(new io.tradepilot.engine.orders.OrderId("nope"), "x"));
        assertThat(of(CancelRejected.class)).hasSize(2);
        assertThat(e.order(id).status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void a_strategy_sees_its_fill_at_the_next_bar_and_two_intents_in_one_bar_get_distinct_deterministic_ids() {
        List<Long> positionsSeen = new ArrayList<>();
        Strategy s = new Strategy() {
            public StrategyId id() { return new StrategyId("probe"); }
            public void onBar(BarCursor bar, StrategyContext ctx) {
                positionsSeen.add(ctx.positionUnits());
                if (bar.index() == 0) {
                    ctx.submit(OrderIntent.market(Side.BUY, Quantity.of(1)));
                    ctx.submit(OrderIntent.market(Side.BUY, Quantity.of(2)));
                }
            }
        };
        TradingEngine e = engine();
        int slot = e.register(s, AAPL, 2);
        BarCursor cursor = new BarCursor();
        long t0 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
        clock.setMillis(t0);
        e.onBar(slot, cursor.set(0, t0, 10000, 10100, 9900, 10000, 1000, 2));
        clock.setMillis(t0 + 86_400_000);
        e.onBar(slot, cursor.set(1, t0 + 86_400_000, 10100, 10200, 10000, 10100, 1000, 2));
        assertThat(positionsSeen).containsExactly(0L, 3L);
        assertThat(of(OrderAccepted.class)).extracting(a -> a.clientOrderId().value())
                .containsExactly("probe:AAPL:" + t0 + ":B:0", "probe:AAPL:" + t0 + ":B:1");
        assertThat(e.snapshot().portfolio().positions()).singleElement().satisfies(p -> assertThat(p.quantity()).isEqualByComparingTo("3"));
    }

    @Test
    void the_position_lifecycle_follows_entries_exits_and_their_failures() {
        TradingEngine e = engine();
        bar(e, "100", "101", "99", "100");
        e.accept(new EngineCommand.PlaceOrder(limitBuy("b1", 10, "50")));
        assertThat(e.portfolio().position("AAPL").status()).isEqualTo(io.tradepilot.engine.portfolio.PositionStatus.OPENING);
        e.accept(new EngineCommand.CancelOrder(e.orders().getLast().id(), "changed my mind"));
        assertThat(e.portfolio().position("AAPL").status()).isEqualTo(io.tradepilot.engine.portfolio.PositionStatus.OPENING_FAILED);
        e.accept(new EngineCommand.PlaceOrder(buy("b2", 10)));
        bar(e, "100", "101", "99", "100");
        assertThat(e.portfolio().position("AAPL").status()).isEqualTo(io.tradepilot.engine.portfolio.PositionStatus.OPEN);
        e.accept(new EngineCommand.PlaceOrder(OrderRequest.limit(new ClientOrderId("s1"), StrategyId.MANUAL, AAPL, Side.SELL,
                Quantity.of(10), Price.of("150"), TimeInForce.DAY)));
        assertThat(e.portfolio().position("AAPL").status()).isEqualTo(io.tradepilot.engine.portfolio.PositionStatus.CLOSING);
        bar(e, "100", "101", "99", "100"); // first day of the DAY order
        bar(e, "100", "101", "99", "100"); // next day: it expires
        assertThat(e.portfolio().position("AAPL").status()).isEqualTo(io.tradepilot.engine.portfolio.PositionStatus.CLOSING_FAILED);
        e.accept(new EngineCommand.PlaceOrder(OrderRequest.market(new ClientOrderId("s2"), StrategyId.MANUAL, AAPL, Side.SELL, Quantity.of(10))));
        bar(e, "100", "101", "99", "100");
        assertThat(e.portfolio().position("AAPL").status()).isEqualTo(io.tradepilot.engine.portfolio.PositionStatus.FLAT);
        assertThat(e.snapshot().portfolio().positions()).as("flat without realized P&L: not listed").isEmpty();
    }

    @Test
    void an_order_in_another_currency_is_rejected_as_invalid_not_thrown() {
        TradingEngine e = engine();
        e.accept(new EngineCommand.PlaceOrder(OrderRequest.market(new ClientOrderId("inr"), StrategyId.MANUAL,
                io.tradepilot.engine.testing.Fixtures.RELIANCE, Side.BUY, Quantity.of(1))));
        assertThat(of(OrderRejected.class)).singleElement().satisfies(r -> assertThat(r.code()).isEqualTo(RejectionCode.INVALID_ORDER));
        assertThat(e.orders()).isEmpty();
    }

    @Test
    void a_preview_answers_what_a_placement_would_decide_without_placing_anything() {
        TradingEngine e = controlled(EngineConfig.simple(Money.of("100000", Money.USD))
                .withRisk(new io.tradepilot.engine.risk.MaxQuantityPerSymbol(new BigDecimal("50"))));
        bar(e, "100", "101", "99", "100");
        var tooMany = buy("p1", 60);
        var fine = buy("p2", 40);

        assertThat(e.preview(tooMany)).isInstanceOfSatisfying(io.tradepilot.engine.risk.RiskDecision.Rejection.class,
                r -> assertThat(r.code()).isEqualTo(RejectionCode.MAX_QUANTITY_PER_SYMBOL));
        assertThat(e.preview(fine).approved()).isTrue();
        assertThat(events).as("a preview publishes nothing").noneMatch(ev -> ev instanceof OrderAccepted || ev instanceof OrderRejected);
        assertThat(e.orders()).isEmpty();

        e.accept(new EngineCommand.PlaceOrder(tooMany));
        e.accept(new EngineCommand.PlaceOrder(fine));
        assertThat(of(OrderRejected.class)).singleElement().satisfies(r -> assertThat(r.code()).isEqualTo(RejectionCode.MAX_QUANTITY_PER_SYMBOL));
        assertThat(of(OrderAccepted.class)).singleElement().satisfies(a -> assertThat(a.clientOrderId().value()).isEqualTo("p2"));
        assertThat(e.preview(fine)).as("a used client order id").isInstanceOfSatisfying(io.tradepilot.engine.risk.RiskDecision.Rejection.class,
                r -> assertThat(r.code()).isEqualTo(RejectionCode.DUPLICATE_CLIENT_ORDER_ID));
        controls.set(TradingState.Kind.KILL_SWITCH_ENGAGED, "stop");
        assertThat(e.preview(buy("p3", 1))).as("the trading state comes first").isInstanceOfSatisfying(
                io.tradepilot.engine.risk.RiskDecision.Rejection.class, r -> assertThat(r.code()).isEqualTo(RejectionCode.KILL_SWITCH_ENGAGED));
    }

    @Test
    void a_disabled_strategy_gets_bars_and_its_exits_go_out_but_its_entries_are_refused_until_enabled_again() {
        TradingEngine e = engine();
        List<Instant> seen = new ArrayList<>();
        StrategyId id = new StrategyId("s");
        Strategy s = new Strategy() {
            @Override public StrategyId id() { return id; }
            @Override public void onBar(BarCursor bar, StrategyContext ctx) { seen.add(ctx.time()); }
        };
        e.register(s, AAPL, 2);
        bar(e, "100", "101", "99", "100");
        e.accept(new EngineCommand.PlaceOrder(OrderRequest.market(new ClientOrderId("s-in"), id, AAPL, Side.BUY, Quantity.of(10))));
        bar(e, "100", "101", "99", "100");
        assertThat(e.portfolio().quantity("AAPL")).isEqualByComparingTo("10");

        e.accept(new EngineCommand.SetStrategyEnabled(id, false, "review"));
        assertThat(e.strategyEnabled(id)).isFalse();
        e.accept(new EngineCommand.PlaceOrder(OrderRequest.market(new ClientOrderId("s-more"), id, AAPL, Side.BUY, Quantity.of(10))));
        e.accept(new EngineCommand.PlaceOrder(OrderRequest.market(new ClientOrderId("s-flip"), id, AAPL, Side.SELL, Quantity.of(20))));
        e.accept(new EngineCommand.PlaceOrder(OrderRequest.market(new ClientOrderId("s-out"), id, AAPL, Side.SELL, Quantity.of(10))));
        e.accept(new EngineCommand.PlaceOrder(buy("manual-in", 1)));
        assertThat(of(OrderRejected.class)).extracting(r -> r.clientOrderId().value() + " " + r.code())
                .containsExactly("s-more STRATEGY_DISABLED", "s-flip STRATEGY_DISABLED");
        assertThat(of(OrderAccepted.class)).extracting(a -> a.clientOrderId().value()).containsExactly("s-in", "s-out", "manual-in");
        bar(e, "100", "101", "99", "100");
        assertThat(seen).as("bars keep coming while disabled").hasSize(3);
        assertThat(e.portfolio().quantity("AAPL")).isEqualByComparingTo("1");

        e.accept(new EngineCommand.SetStrategyEnabled(id, true, "reviewed"));
        e.accept(new EngineCommand.PlaceOrder(OrderRequest.market(new ClientOrderId("s-again"), id, AAPL, Side.BUY, Quantity.of(10))));
        assertThat(of(OrderAccepted.class)).extracting(a -> a.clientOrderId().value()).endsWith("s-again");
    }

    @Test
    void new_risk_limits_apply_from_the_next_order_on() {
        TradingEngine e = engine();
        bar(e, "100", "101", "99", "100");
        e.accept(new EngineCommand.PlaceOrder(buy("before", 50)));
        e.accept(new EngineCommand.SetRiskLimits(new io.tradepilot.engine.risk.FatFinger(new java.math.BigDecimal("20"), null), null, null, 0,
                "tighter"));
        e.accept(new EngineCommand.PlaceOrder(buy("after", 50)));
        e.accept(new EngineCommand.PlaceOrder(buy("small", 5)));
        assertThat(of(OrderAccepted.class)).extracting(a -> a.clientOrderId().value()).containsExactly("before", "small");
        assertThat(of(OrderRejected.class)).extracting(r -> r.clientOrderId().value() + " " + r.code()).containsExactly("after FAT_FINGER");
    }

    @Test
    void applying_a_strategy_registers_it_or_hands_an_open_trade_over_from_the_old_version() {
        TradingEngine e = engine();
        StrategyId id = new StrategyId("s");
        List<String> calls = new ArrayList<>();
        class Named implements Strategy {
            final String name;
            Named(String name) { this.name = name; }
            @Override public StrategyId id() { return id; }
            @Override public void onBar(BarCursor bar, StrategyContext ctx) {
                calls.add(name + (ctx.position().signum() == 0 ? " flat" : " long"));
                if (name.equals("v1") && ctx.position().signum() == 0 && !ctx.hasWorkingOrders()) ctx.submit(OrderIntent.market(Side.BUY, Quantity.of(10)));
            }
        }
        e.accept(new EngineCommand.ApplyStrategy(AAPL, 2, new Named("v1"), "first"));
        bar(e, "100", "101", "99", "100"); // v1 enters
        bar(e, "100", "101", "99", "100"); // filled at the open
        assertThat(e.portfolio().quantity("AAPL")).isEqualByComparingTo("10");
        e.accept(new EngineCommand.ApplyStrategy(AAPL, 2, new Named("v2"), "second"));
        calls.clear();
        bar(e, "100", "101", "99", "100");
        assertThat(calls).containsExactly("v1 long", "v2 flat"); // v2 sees a muted, flat context while v1 owns the trade
        e.accept(new EngineCommand.PlaceOrder(OrderRequest.market(new ClientOrderId("out"), id, AAPL, Side.SELL, Quantity.of(10))));
        bar(e, "100", "101", "99", "100");
        calls.clear();
        bar(e, "100", "101", "99", "100");
        assertThat(calls).containsExactly("v2 flat"); // flat and nothing working: v2 alone from now on
    }
}
