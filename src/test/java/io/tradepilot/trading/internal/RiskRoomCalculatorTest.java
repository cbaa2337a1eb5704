package io.tradepilot.trading.internal;

import io.tradepilot.engine.core.EngineCommand;
import io.tradepilot.engine.core.EngineConfig;
import io.tradepilot.engine.core.SimulatedClock;
import io.tradepilot.engine.core.TradingEngine;
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
import io.tradepilot.trading.RiskRoom;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The room left to each live limit, from a real engine's snapshot, with hand-computed figures. */
class RiskRoomCalculatorTest {

    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    @Test
    void each_limit_shows_used_cap_and_room_as_its_check_counts_them() {
        var hours = new TradingProperties.TradingHours(true, IST, LocalTime.of(9, 15), LocalTime.of(15, 20), LocalTime.of(15, 30),
                List.of(new TradingProperties.TradingHours.Blackout(LocalTime.NOON, LocalTime.of(13, 0))));
        var limits = new TradingProperties.Limits(new BigDecimal("0.018"), new BigDecimal("0.035"), TradingProperties.LimitAction.TRIP_CIRCUIT_BREAKER,
                TradingProperties.SizeReduction.OFF, 5, new BigDecimal("0.5"), null, null, null, null, new BigDecimal("1000000"), List.of(),
                3, new BigDecimal("0.5"), Map.of("banks", List.of("AAA", "CCC")), 1, hours,
                new TradingProperties.BuyingPowerSettings(true, new BigDecimal("5")));
        var swing = new TradingProperties.StrategySettings("swing", "sma-cross", List.of("AAA"), BigDecimal.TEN, Map.of(), false);
        var intraday = new TradingProperties.StrategySettings("day", "sma-cross", List.of("BBB"), BigDecimal.TEN, Map.of(), true);
        var props = new TradingProperties(true, false, new BigDecimal("1000000"), "INR", IST, 1, Duration.ofMillis(250), Duration.ofSeconds(10),
                List.of(swing, intraday), limits, null); // no market data: the figures come from the engine's snapshot

        SimulatedClock clock = new SimulatedClock();
        TradingEngine engine = new TradingEngine(EngineConfig.simple(Money.of("1000000", Money.INR)).withMarketZone(IST), clock,
                OrderIdGenerator.sequential("O"), e -> { });
        Instrument aaa = Instrument.nseEquity("AAA"), bbb = Instrument.nseEquity("BBB");
        bar(engine, clock, aaa, "10:50", "1000");
        bar(engine, clock, bbb, "10:50", "500");
        engine.accept(new EngineCommand.PlaceOrder(OrderRequest.market(new ClientOrderId("a"), StrategyId.MANUAL, aaa, Side.BUY, Quantity.of(100))
                .withProtectiveStop(Price.of("950"))));
        engine.accept(new EngineCommand.PlaceOrder(OrderRequest.market(new ClientOrderId("b"), StrategyId.MANUAL, bbb, Side.BUY, Quantity.of(200))));
        bar(engine, clock, aaa, "10:55", "1000");
        bar(engine, clock, bbb, "10:55", "500");
        clock.setMillis(at("11:00").toEpochMilli());

        RiskRoom room = RiskRoomCalculator.room(props, engine.snapshot());
        Map<String, String> rows = room.limits().stream().collect(Collectors.toMap(RiskRoom.Limit::name,
                l -> l.used().stripTrailingZeros().toPlainString() + " / " + l.cap().stripTrailingZeros().toPlainString() + " left "
                        + l.left().stripTrailingZeros().toPlainString() + " " + l.code() + (l.note().isEmpty() ? "" : " (" + l.note() + ")")));
        assertThat(room.limits()).extracting(RiskRoom.Limit::name).containsExactly("Daily loss, entries pause", "Entry window (Asia/Kolkata)",
                "Total exposure", "Open positions", "Positions in banks", "Portfolio heat", "Buying power", "Daily loss", "Drawdown");
        assertThat(rows).containsEntry("Daily loss, entries pause", "0 / 9000 left 9000 DAILY_LOSS_ENTRIES_PAUSED (no entries for the rest of the day beyond it)")
                .containsEntry("Entry window (Asia/Kolkata)", "105 / 365 left 260 OUTSIDE_TRADING_WINDOW (entries close in 4 h 20 min (15:20))")
                .containsEntry("Total exposure", "200000 / 1000000 left 800000 MAX_TOTAL_EXPOSURE")
                .containsEntry("Open positions", "2 / 3 left 1 MAX_OPEN_POSITIONS")
                .containsEntry("Positions in banks", "1 / 1 left 0 MAX_CORRELATED_POSITIONS (AAA, CCC)")
                // AAA: 100 x (1,000 - 950) = 5,000; BBB without a stop: its whole 100,000
                .containsEntry("Portfolio heat", "105000 / 500000 left 395000 PORTFOLIO_HEAT (1 position without a stop, counted at full value)")
                // AAA delivery in full 100,000 + BBB intraday 100,000 / 5
                .containsEntry("Buying power", "120000 / 1000000 left 880000 INSUFFICIENT_BUYING_POWER (margin blocked by open positions of equity; intraday at 5x)")
                .containsEntry("Daily loss", "0 / 18000 left 18000 DAILY_LOSS_LIMIT (trips the engine)")
                .containsEntry("Drawdown", "0 / 0.035 left 0.035 MAX_DRAWDOWN (trips the engine)");
    }

    @Test
    void the_entry_window_says_when_entries_resume_in_a_blackout_and_after_the_close() {
        var hours = new TradingProperties.TradingHours(true, IST, LocalTime.of(9, 15), LocalTime.of(15, 20), LocalTime.of(15, 30),
                List.of(new TradingProperties.TradingHours.Blackout(LocalTime.NOON, LocalTime.of(13, 0))));
        SimulatedClock clock = new SimulatedClock();
        TradingEngine engine = new TradingEngine(EngineConfig.simple(Money.of("1000", Money.INR)), clock, OrderIdGenerator.sequential("O"), e -> { });
        clock.setMillis(at("12:30").toEpochMilli());
        assertThat(RiskRoomCalculator.window(hours, engine.snapshot()).note()).isEqualTo("blackout 12:00-13:00: entries resume at 13:00");
        clock.setMillis(at("15:25").toEpochMilli());
        var closed = RiskRoomCalculator.window(hours, engine.snapshot());
        assertThat(closed.note()).isEqualTo("entries closed at 15:20; exits until 15:30");
        assertThat(closed.left()).isZero();
        clock.setMillis(at("09:00").toEpochMilli());
        assertThat(RiskRoomCalculator.window(hours, engine.snapshot()).note()).isEqualTo("entries open at 09:15");
    }

    @Test
    void the_losing_streak_row_follows_the_engines_streak_and_says_what_restores_full_size() {
        var rule = io.tradepilot.engine.risk.LossSizeReduction.ALPHA_PRIME;
        var twoLosses = RiskRoomCalculator.streak(rule, new io.tradepilot.engine.risk.LossStreak.State(2, false, 0, BigDecimal.ONE));
        assertThat(twoLosses.used()).isEqualByComparingTo("2");
        assertThat(twoLosses.cap()).isEqualByComparingTo("3");
        assertThat(twoLosses.note()).isEqualTo("entries at full size; x0.5 from 3 losing trades in a row");
        var reduced = RiskRoomCalculator.streak(rule, new io.tradepilot.engine.risk.LossStreak.State(0, true, 1, new BigDecimal("0.5")));
        assertThat(reduced.note()).isEqualTo("entries at x0.5 until 1 more winning trade in a row");
    }

    private static Instant at(String time) {
        return LocalDate.of(2025, 1, 6).atTime(LocalTime.parse(time)).atZone(IST).toInstant();
    }

    private static void bar(TradingEngine engine, SimulatedClock clock, Instrument i, String time, String price) {
        Instant t = at(time);
        clock.setMillis(t.toEpochMilli());
        engine.accept(new EngineCommand.OnBar(i, new Bar(t, Price.of(price), Price.of(price), Price.of(price), Price.of(price), 1_000_000)));
    }
}
