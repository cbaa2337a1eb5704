package io.tradepilot.engine.core;

import io.tradepilot.engine.core.EngineEvent.OrderFilled;
import io.tradepilot.engine.core.EngineEvent.OrderRejected;
import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.orders.OrderIdGenerator;
import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.risk.BuyingPower;
import io.tradepilot.engine.risk.CorrelatedPositions;
import io.tradepilot.engine.risk.MaxOpenPositions;
import io.tradepilot.engine.risk.PortfolioHeat;
import io.tradepilot.engine.risk.RiskChain;
import io.tradepilot.engine.risk.RiskCheck;
import io.tradepilot.engine.risk.RejectionCode;
import io.tradepilot.engine.risk.RiskDecision;
import io.tradepilot.engine.risk.StrategyEntryRules;
import io.tradepilot.engine.risk.TradingWindow;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The risk rules wired into the live chain (max open positions, correlation groups, portfolio heat, trading
 * hours and blackouts, buying power), each through the whole engine as a scenario table. One row per bar
 * of one symbol (open = high = low = close = price, at the given NSE time on 2025-01-06): the bar comes
 * first (a market order fills at its symbol's next bar's open), then the row's order is placed, and the
 * engine's answer is compared: the accepted side and quantity, {@code REJECTED <code>}, or {@code -}.
 * An order is {@code BUY n}, {@code SELL n}, optionally {@code stop p} (a protective stop).
 */
class TradingEngineRiskRulesTest {

    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final Map<String, Instrument> INSTRUMENTS = Map.of(
            "AAA", Instrument.nseEquity("AAA"), "BBB", Instrument.nseEquity("BBB"),
            "CCC", Instrument.nseEquity("CCC"), "DDD", Instrument.nseEquity("DDD"));

    private final SimulatedClock clock = new SimulatedClock();
    private final List<EngineEvent> events = new ArrayList<>();

    @Test
    void max_open_positions_refuses_a_new_symbol_but_not_adding_to_or_closing_an_open_one() {
        run("1000000", new MaxOpenPositions(2), """
                # time | symbol | price | order        | engine does
                09:15  | AAA    | 100   | BUY 10       | BUY 10
                09:15  | BBB    | 100   | BUY 10       | BUY 10
                09:20  | AAA    | 100   | -            | -
                09:20  | BBB    | 100   | -            | -
                09:20  | CCC    | 100   | BUY 10       | REJECTED MAX_OPEN_POSITIONS
                09:25  | AAA    | 100   | BUY 10       | BUY 10
                09:25  | BBB    | 100   | SELL 10      | SELL 10
                09:30  | BBB    | 100   | -            | -
                09:30  | CCC    | 100   | BUY 10       | BUY 10
                """);
    }

    @Test
    void a_correlation_group_holds_one_position_other_groups_and_ungrouped_symbols_are_free() {
        var groups = new CorrelatedPositions(Map.of("AAA", "banks", "BBB", "banks", "CCC", "it"), 1);
        run("1000000", groups, """
                # time | symbol | price | order        | engine does
                09:15  | AAA    | 100   | BUY 10       | BUY 10
                09:20  | AAA    | 100   | -            | -
                09:20  | BBB    | 100   | SELL 10      | REJECTED MAX_CORRELATED_POSITIONS
                09:20  | CCC    | 100   | BUY 10       | BUY 10
                09:20  | DDD    | 100   | BUY 10       | BUY 10
                09:25  | AAA    | 100   | SELL 10      | SELL 10
                09:30  | AAA    | 100   | -            | -
                09:30  | BBB    | 100   | SELL 10      | SELL 10
                """);
        assertThat(last(OrderRejected.class).message()).isEqualTo("BBB: 1 position open in correlation group banks, the maximum is 1");
    }

    @Test
    void heat_counts_money_to_the_stop_and_a_position_without_a_stop_at_its_whole_value() {
        // equity 100,000; cap 2 % = 2,000
        run("100000", new PortfolioHeat(new BigDecimal("0.02"), false), """
                # time | symbol | price | order              | engine does
                09:15  | AAA    | 100   | BUY 100 stop 90    | BUY 100
                09:20  | AAA    | 100   | -                  | -
                09:20  | BBB    | 50    | BUY 101 stop 40    | REJECTED PORTFOLIO_HEAT
                09:20  | BBB    | 50    | BUY 100 stop 40    | BUY 100
                09:25  | BBB    | 50    | -                  | -
                09:25  | CCC    | 10    | BUY 1              | REJECTED PORTFOLIO_HEAT
                09:25  | AAA    | 100   | SELL 100           | SELL 100
                09:30  | AAA    | 100   | -                  | -
                09:30  | CCC    | 10    | BUY 100            | BUY 100
                09:35  | CCC    | 10    | -                  | -
                09:35  | DDD    | 1     | BUY 1 stop 0.95    | REJECTED PORTFOLIO_HEAT
                """);
        // after the last row: BBB 1,000 to its stop + CCC without a stop 1,000 = 2,000 = the cap
        assertThat(last(OrderRejected.class).message()).startsWith("portfolio heat ₹2,000.05 > ₹2,000.00");
    }

    @Test
    void entries_only_between_0915_and_1520_outside_the_blackout_exits_until_the_close() {
        var window = new TradingWindow(IST, LocalTime.of(9, 15), LocalTime.of(15, 20), LocalTime.of(15, 30),
                List.of(new TradingWindow.Blackout(LocalTime.of(12, 0), LocalTime.of(13, 0))));
        run("1000000", window, """
                # time | symbol | price | order        | engine does
                09:10  | AAA    | 100   | BUY 10       | REJECTED OUTSIDE_TRADING_WINDOW
                09:15  | AAA    | 100   | BUY 10       | BUY 10
                11:55  | AAA    | 100   | BUY 10       | BUY 10
                12:00  | AAA    | 100   | BUY 10       | REJECTED OUTSIDE_TRADING_WINDOW
                12:55  | AAA    | 100   | SELL 5       | SELL 5
                13:00  | AAA    | 100   | BUY 5        | BUY 5
                15:15  | AAA    | 100   | BUY 10       | BUY 10
                15:20  | AAA    | 100   | BUY 10       | REJECTED OUTSIDE_TRADING_WINDOW
                15:25  | AAA    | 100   | SELL 10      | SELL 10
                15:30  | AAA    | 100   | SELL 10      | REJECTED OUTSIDE_TRADING_WINDOW
                """);
        assertThat(last(OrderRejected.class).message()).isEqualTo("exit at 15:30 outside 09:15-15:30 Asia/Kolkata");
    }

    @Test
    void delivery_entries_need_their_value_in_cash_intraday_ones_a_fifth_of_it() {
        var buyingPower = new BuyingPower(BigDecimal.ONE, Map.of("DDD", new BigDecimal("5")));
        run("10000", buyingPower, """
                # time | symbol | price | order        | engine does
                09:15  | AAA    | 100   | BUY 60       | BUY 60
                09:20  | AAA    | 100   | -            | -
                09:20  | BBB    | 100   | BUY 41       | REJECTED INSUFFICIENT_BUYING_POWER
                09:20  | BBB    | 100   | BUY 40       | BUY 40
                09:25  | BBB    | 100   | -            | -
                09:25  | CCC    | 1     | BUY 1        | REJECTED INSUFFICIENT_BUYING_POWER
                09:25  | AAA    | 100   | SELL 20      | SELL 20
                09:30  | AAA    | 100   | -            | -
                09:30  | DDD    | 100   | BUY 101      | REJECTED INSUFFICIENT_BUYING_POWER
                09:30  | DDD    | 100   | BUY 100      | BUY 100
                """);
        assertThat(events).filteredOn(OrderRejected.class::isInstance).map(e -> ((OrderRejected) e).message()).containsExactly(
                "BBB: the order needs ₹4,100.00, buying power is ₹4,000.00",
                "CCC: the order needs ₹1.00, buying power is ₹0.00",
                "DDD: the order needs ₹2,020.00 of margin at 5x, buying power is ₹2,000.00");
    }

    @Test
    void entries_accepted_but_not_yet_filled_count_as_open_positions() {
        run("1000000", new MaxOpenPositions(2), """
                # time | symbol | price | order        | engine does
                09:15  | AAA    | 100   | BUY 10       | BUY 10
                09:15  | BBB    | 100   | BUY 10       | BUY 10
                09:15  | CCC    | 100   | BUY 10       | REJECTED MAX_OPEN_POSITIONS
                09:15  | AAA    | 100   | BUY 5        | BUY 5
                09:20  | AAA    | 100   | -            | -
                09:20  | BBB    | 100   | -            | -
                09:20  | CCC    | 100   | BUY 10       | REJECTED MAX_OPEN_POSITIONS
                """);
        assertThat(events).filteredOn(OrderRejected.class::isInstance).map(e -> ((OrderRejected) e).message())
                .containsExactly("CCC: 2 positions open, the maximum is 2", "CCC: 2 positions open, the maximum is 2");
    }

    @Test
    void entries_not_yet_filled_reserve_their_cash_so_entries_decided_together_cannot_spend_it_twice() {
        run("10000", BuyingPower.CASH, """
                # time | symbol | price | order        | engine does
                09:15  | AAA    | 100   | BUY 60       | BUY 60
                09:15  | BBB    | 100   | BUY 50       | REJECTED INSUFFICIENT_BUYING_POWER
                09:15  | BBB    | 100   | BUY 40       | BUY 40
                09:20  | AAA    | 100   | -            | -
                09:20  | BBB    | 100   | -            | -
                09:20  | CCC    | 1     | BUY 1        | REJECTED INSUFFICIENT_BUYING_POWER
                """);
        assertThat(events).filteredOn(OrderRejected.class::isInstance).map(e -> ((OrderRejected) e).message()).containsExactly(
                "BBB: the order needs ₹5,000.00, buying power is ₹4,000.00 after ₹6,000.00 reserved by working entries",
                "CCC: the order needs ₹1.00, buying power is ₹0.00");
    }

    @Test
    void a_working_entry_holds_its_place_in_its_correlation_group_and_its_heat() {
        var groups = new CorrelatedPositions(Map.of("AAA", "banks", "BBB", "banks"), 1);
        run("1000000", groups, """
                # time | symbol | price | order        | engine does
                09:15  | AAA    | 100   | BUY 10       | BUY 10
                09:15  | BBB    | 100   | BUY 10       | REJECTED MAX_CORRELATED_POSITIONS
                09:20  | AAA    | 100   | -            | -
                """);
        events.clear();
        // equity 100,000, cap 2 % = 2,000: AAA's working entry risks 1,000 to its stop
        run("100000", new PortfolioHeat(new BigDecimal("0.02"), false), """
                # time | symbol | price | order              | engine does
                09:15  | AAA    | 100   | BUY 100 stop 90    | BUY 100
                09:15  | BBB    | 50    | BUY 101 stop 40    | REJECTED PORTFOLIO_HEAT
                09:15  | BBB    | 50    | BUY 100 stop 40    | BUY 100
                09:20  | AAA    | 100   | -                  | -
                09:20  | BBB    | 50    | -                  | -
                """);
    }

    private static final StrategyId ORB = new StrategyId("orb-1");

    /** orb-1's own limits: entries 09:30-14:30, not 12:00-13:00 nor on 2025-01-07, two positions at once in AAA, BBB, CCC. */
    private static final StrategyEntryRules ORB_RULES = new StrategyEntryRules(LocalTime.of(9, 30), LocalTime.of(14, 30),
            List.of(new StrategyEntryRules.Blackout(LocalTime.of(12, 0), LocalTime.of(13, 0)),
                    new StrategyEntryRules.Blackout(LocalDate.of(2025, 1, 7), null, null)),
            2, Set.of("AAA", "BBB", "CCC"));

    @Test
    void a_strategys_own_hours_blackouts_and_max_positions_refuse_its_entries_never_its_exits() {
        TradingEngine engine = run("1000000", RiskChain.of(), ORB, e -> e.setStrategyRules(ORB, ORB_RULES), """
                # time            | symbol | price | order        | engine does
                09:15             | AAA    | 100   | BUY 10       | REJECTED STRATEGY_OUTSIDE_HOURS
                09:30             | AAA    | 100   | BUY 10       | BUY 10
                09:30             | BBB    | 100   | BUY 10       | BUY 10
                09:30             | CCC    | 100   | SELL 10      | REJECTED STRATEGY_MAX_POSITIONS
                09:35             | AAA    | 100   | BUY 10       | BUY 10
                12:00             | AAA    | 100   | BUY 5        | REJECTED STRATEGY_BLACKOUT
                12:05             | AAA    | 100   | SELL 20      | SELL 20
                12:10             | AAA    | 100   | -            | -
                13:00             | CCC    | 100   | BUY 10       | BUY 10
                14:30             | BBB    | 100   | BUY 10       | BUY 10
                14:35             | BBB    | 100   | BUY 10       | REJECTED STRATEGY_OUTSIDE_HOURS
                15:00             | BBB    | 100   | SELL 20      | SELL 20
                15:05             | BBB    | 100   | -            | -
                2025-01-07 10:00  | CCC    | 100   | BUY 10       | REJECTED STRATEGY_BLACKOUT
                2025-01-07 10:00  | CCC    | 100   | SELL 10      | SELL 10
                2025-01-07 10:05  | CCC    | 100   | -            | -
                2025-01-08 10:00  | AAA    | 100   | BUY 10       | BUY 10
                """);
        assertThat(events).filteredOn(OrderRejected.class::isInstance).map(e -> ((OrderRejected) e).message()).containsExactly(
                "strategy orb-1: entry at 09:15 outside its trading hours 09:30-14:30 Asia/Kolkata",
                "strategy orb-1: CCC would be position 3, its max_positions is 2",
                "strategy orb-1: entry on 2025-01-06 at 12:00 inside its blackout 12:00-13:00",
                "strategy orb-1: entry at 14:35 outside its trading hours 09:30-14:30 Asia/Kolkata",
                "strategy orb-1: entry on 2025-01-07 at 10:00 inside its blackout 2025-01-07 all day");
        // the limits are orb-1's own: in its blackout a manual entry passes, and so does another strategy's
        clock.setMillis(LocalDate.of(2025, 1, 7).atTime(11, 0).atZone(IST).toInstant().toEpochMilli());
        assertThat(engine.preview(order("o-9", ORB, "DDD", "BUY 1")).approved()).isFalse();
        assertThat(engine.preview(order("m-1", StrategyId.MANUAL, "DDD", "BUY 1")).approved()).isTrue();
        assertThat(engine.preview(order("x-1", new StrategyId("other"), "DDD", "BUY 1")).approved()).isTrue();
    }

    @Test
    void rules_set_through_the_command_govern_the_next_entry_and_empty_rules_lift_them() {
        StrategyEntryRules one = new StrategyEntryRules(null, null, List.of(), 1, Set.of("AAA", "BBB"));
        TradingEngine engine = run("1000000", RiskChain.of(), ORB, e -> { }, """
                # time | symbol | price | order        | engine does
                09:15  | AAA    | 100   | BUY 10       | BUY 10
                09:20  | AAA    | 100   | -            | -
                """);
        engine.accept(new EngineCommand.SetStrategyRules(ORB, one, "applied v2"));
        assertThat(engine.preview(order("b-1", ORB, "BBB", "BUY 10")))
                .isEqualTo(RiskDecision.reject(RejectionCode.STRATEGY_MAX_POSITIONS, "strategy orb-1: BBB would be position 2, its max_positions is 1"));
        assertThat(engine.preview(order("a-2", ORB, "AAA", "BUY 10")).approved()).as("adding to its position").isTrue();
        engine.accept(new EngineCommand.SetStrategyRules(ORB, StrategyEntryRules.NONE, "applied v3"));
        assertThat(engine.preview(order("b-2", ORB, "BBB", "BUY 10")).approved()).isTrue();
    }

    // ------------------------------------------------------------------------------ the table runner

    private static OrderRequest order(String id, StrategyId strategy, String symbol, String spec) {
        String[] parts = spec.split(" ");
        return OrderRequest.market(new ClientOrderId(id), strategy, INSTRUMENTS.get(symbol), Side.valueOf(parts[0]), Quantity.of(parts[1]));
    }

    private <E> E last(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).reduce((a, b) -> b).orElseThrow();
    }

    private void run(String cash, RiskCheck rule, String table) {
        run(cash, rule, StrategyId.MANUAL, e -> { }, table);
    }

    /**
     * Runs {@code table} with every order placed as {@code strategy}'s, after {@code setup}; a time cell is
     * {@code HH:mm} on 2025-01-06 or {@code yyyy-MM-dd HH:mm}.
     */
    private TradingEngine run(String cash, RiskCheck rule, StrategyId strategy, java.util.function.Consumer<TradingEngine> setup, String table) {
        TradingEngine engine = new TradingEngine(EngineConfig.simple(Money.of(cash, Money.INR)).withMarketZone(IST)
                .withRisk(RiskChain.of(rule)), clock, OrderIdGenerator.sequential("O"), events::add);
        setup.accept(engine);
        Map<String, Integer> seq = new HashMap<>();
        int row = 0;
        for (String line : table.strip().split("\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) continue;
            String[] cells = line.split("\\|");
            String time = cells[0].strip(), symbol = cells[1].strip(), price = cells[2].strip(), order = cells[3].strip(), does = cells[4].strip();
            Instrument instrument = INSTRUMENTS.get(symbol);
            String[] dayTime = time.contains(" ") ? time.split(" +") : new String[] {"2025-01-06", time};
            var at = LocalDate.parse(dayTime[0]).atTime(LocalTime.parse(dayTime[1])).atZone(IST).toInstant();
            clock.setMillis(at.toEpochMilli());
            engine.accept(new EngineCommand.OnBar(instrument, new Bar(at, Price.of(price), Price.of(price), Price.of(price), Price.of(price), 1_000_000)));
            int before = events.size();
            if (!order.equals("-")) {
                String[] parts = order.split(" ");
                var id = new ClientOrderId("t-" + symbol + "-" + seq.merge(symbol, 1, Integer::sum));
                OrderRequest req = OrderRequest.market(id, strategy, instrument, Side.valueOf(parts[0]), Quantity.of(parts[1]));
                if (parts.length == 4) req = req.withProtectiveStop(Price.of(parts[3]));
                engine.accept(new EngineCommand.PlaceOrder(req));
            }
            assertThat(ScenarioRows.outcome(events.subList(before, events.size()))).as("row %d: %s", row, line).isEqualTo(does);
            row++;
        }
        assertThat(events).as("every accepted order filled").filteredOn(OrderFilled.class::isInstance).isNotEmpty();
        return engine;
    }
}
