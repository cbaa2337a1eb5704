package io.tradepilot.engine.core;

import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.orders.OrderIdGenerator;
import io.tradepilot.engine.portfolio.RoundTrip;
import io.tradepilot.engine.risk.LossSizeReduction;
import io.tradepilot.engine.risk.LossStreak;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Entry size reduction after a losing streak, through the whole engine, as scenario tables: one row per
 * bar (open = high = low = close = price; market orders fill at the next bar's open), what the strategy
 * submits on that bar, what the engine makes of it, and whether entries are reduced after the bar.
 */
class TradingEngineLossSizingTest {

    private static final Instrument STOCK = Instrument.nseEquity("ACME");
    private static final Instrument FUTURE = new Instrument("NIFTYFUT", "NSE", Money.INR, new BigDecimal("0.05"), new BigDecimal("50"));

    private final SimulatedClock clock = new SimulatedClock();
    private final List<EngineEvent> events = new ArrayList<>();

    @Test
    void three_losses_halve_entries_exits_stay_whole_and_two_wins_restore_full_size() {
        run(STOCK, """
                # price | strategy submits | engine does       | reduced after
                100     | BUY 100          | BUY 100           | no
                99      | EXIT             | SELL 100          | no
                98      | BUY 100          | BUY 100           | no
                97      | EXIT             | SELL 100          | no
                96      | BUY 100          | BUY 100           | no
                95      | EXIT             | SELL 100          | no
                94      | BUY 101          | BUY 50            | yes
                95      | EXIT             | SELL 50           | yes
                96      | BUY 100          | BUY 50            | yes
                97      | EXIT             | SELL 50           | yes
                98      | BUY 100          | BUY 100           | no
                99      | -                | -                 | no
                """);
    }

    @Test
    void a_reversal_keeps_its_exit_whole_and_an_entry_below_one_lot_is_rejected() {
        run(FUTURE, """
                # price | strategy submits | engine does                    | reduced after
                100     | BUY 50           | BUY 50                         | no
                99      | EXIT             | SELL 50                        | no
                98      | BUY 50           | BUY 50                         | no
                97      | EXIT             | SELL 50                        | no
                96      | BUY 50           | BUY 50                         | no
                95      | EXIT             | SELL 50                        | no
                94      | BUY 50           | REJECTED SIZE_REDUCED_TO_ZERO  | yes
                94      | BUY 150          | BUY 50                         | yes
                95      | SELL 150         | SELL 100                       | yes
                96      | -                | -                              | yes
                """);
    }

    @Test
    void switched_off_entries_are_never_reduced() {
        run(STOCK, LossSizeReduction.OFF, """
                100     | BUY 100          | BUY 100           | no
                99      | EXIT             | SELL 100          | no
                98      | BUY 100          | BUY 100           | no
                97      | EXIT             | SELL 100          | no
                96      | BUY 100          | BUY 100           | no
                95      | EXIT             | SELL 100          | no
                94      | BUY 100          | BUY 100           | no
                """);
    }

    @Test
    void risk_settings_applied_live_reduce_at_their_step_from_the_streak_so_far_and_a_win_restores() {
        // the engine starts with the reduction off; two losses later an applied version turns it on at 2 losses,
        // factor 0.25, one win to restore: the streak so far already qualifies, so the next entry is a quarter
        TradingEngine engine = run(STOCK, LossSizeReduction.OFF, """
                100     | BUY 100          | BUY 100           | no
                99      | EXIT             | SELL 100          | no
                98      | BUY 100          | BUY 100           | no
                97      | EXIT             | SELL 100          | no
                96      | -                | -                 | no
                """);
        engine.accept(new EngineCommand.SetRiskLimits(io.tradepilot.engine.risk.RiskChain.of(), null, null, 0,
                new LossSizeReduction(2, new BigDecimal("0.25"), 1), "risk settings v2"));
        assertThat(engine.lossStreak()).isEqualTo(new LossStreak.State(2, true, 0, new BigDecimal("0.25")));
        continueRun(engine, STOCK, """
                96      | BUY 100          | BUY 25            | yes
                95      | EXIT             | SELL 25           | yes
                94      | BUY 100          | BUY 25            | yes
                95      | EXIT             | SELL 25           | yes
                96      | BUY 100          | BUY 100           | no
                """);
        // a version turning it off restores full size at once, keeping the losing streak's count
        engine.accept(new EngineCommand.SetRiskLimits(io.tradepilot.engine.risk.RiskChain.of(), null, null, 0, LossSizeReduction.OFF, "v3"));
        assertThat(engine.lossStreak().reduced()).isFalse();
    }

    @Test
    void replaying_the_round_trips_after_a_restart_restores_the_streak_and_the_reduction() {
        TradingEngine original = run(STOCK, """
                100     | BUY 100          | BUY 100           | no
                99      | EXIT             | SELL 100          | no
                98      | BUY 100          | BUY 100           | no
                97      | EXIT             | SELL 100          | no
                96      | BUY 100          | BUY 100           | no
                95      | EXIT             | SELL 100          | no
                94      | -                | -                 | yes
                """);
        TradingEngine restarted = engine(LossSizeReduction.ALPHA_PRIME);
        restarted.restoreRoundTrips(original.portfolio().roundTrips().stream().map(RoundTrip::netPnl).toList());
        assertThat(restarted.lossStreak()).isEqualTo(original.lossStreak()).isEqualTo(new LossStreak.State(3, true, 0, new BigDecimal("0.5")));
        assertThat(original.snapshot().lossStreak()).isEqualTo(original.lossStreak());
    }

    // ------------------------------------------------------------------------------ the table runner

    private TradingEngine run(Instrument instrument, String table) {
        return run(instrument, LossSizeReduction.ALPHA_PRIME, table);
    }

    private ScenarioRows.Scripted strategy;
    private Instant t = Instant.parse("2025-01-06T04:00:00Z");

    private TradingEngine run(Instrument instrument, LossSizeReduction rule, String table) {
        TradingEngine engine = engine(rule);
        strategy = new ScenarioRows.Scripted();
        engine.register(strategy, instrument, 2);
        return continueRun(engine, instrument, table);
    }

    /** Runs more rows of the table on {@code engine} and its scripted strategy, after the rows run so far. */
    private TradingEngine continueRun(TradingEngine engine, Instrument instrument, String table) {
        int row = 0;
        for (String line : table.strip().split("\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) continue;
            String[] cells = line.split("\\|");
            String price = cells[0].strip(), submits = cells[1].strip(), does = cells[2].strip(), reduced = cells[3].strip();
            strategy.next = submits;
            int before = events.size();
            clock.setMillis(t.toEpochMilli());
            engine.accept(new EngineCommand.OnBar(instrument, new Bar(t, Price.of(price), Price.of(price), Price.of(price), Price.of(price), 1000)));
            assertThat(ScenarioRows.outcome(events.subList(before, events.size()))).as("row %d: %s", row, line).isEqualTo(does);
            assertThat(engine.lossStreak().reduced()).as("row %d reduced after the bar: %s", row, line).isEqualTo(reduced.equals("yes"));
            t = t.plusSeconds(300);
            row++;
        }
        return engine;
    }

    private TradingEngine engine(LossSizeReduction rule) {
        return new TradingEngine(EngineConfig.simple(Money.of("10000000", Money.INR)).withMarketZone(ZoneId.of("Asia/Kolkata"))
                .withLossSizeReduction(rule), clock, OrderIdGenerator.sequential("O"), events::add);
    }
}
