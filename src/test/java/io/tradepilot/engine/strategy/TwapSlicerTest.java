package io.tradepilot.engine.strategy;

import io.tradepilot.engine.core.EngineCommand;
import io.tradepilot.engine.core.EngineConfig;
import io.tradepilot.engine.core.EngineEvent;
import io.tradepilot.engine.core.ScenarioRows;
import io.tradepilot.engine.core.SimulatedClock;
import io.tradepilot.engine.core.TradingEngine;
import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.orders.OrderIdGenerator;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TWAP slicing through the engine, as scenario tables: one row per bar (market orders fill at the next
 * bar's open), what the strategy submits, and what the engine accepts on that bar.
 */
class TwapSlicerTest {

    private static final Instrument STOCK = Instrument.nseEquity("ACME");
    private static final Instrument FUTURE = new Instrument("NIFTYFUT", "NSE", Money.INR, new BigDecimal("0.05"), new BigDecimal("75"));

    private final SimulatedClock clock = new SimulatedClock();
    private final List<EngineEvent> events = new ArrayList<>();

    @Test
    void an_order_above_the_threshold_goes_out_in_slices_on_consecutive_bars() {
        run(STOCK, """
                # price | strategy submits | engine does
                100     | BUY 1000         | BUY 250
                101     | -                | BUY 250
                102     | -                | BUY 250
                103     | -                | BUY 250
                104     | -                | -
                105     | BUY 500          | BUY 500
                """);
    }

    @Test
    void an_exit_drops_the_slices_not_yet_sent() {
        run(STOCK, """
                100     | BUY 1000         | BUY 250
                101     | -                | BUY 250
                102     | SELL 500         | SELL 500
                103     | -                | -
                """);
    }

    @Test
    void an_exit_of_a_position_larger_than_the_threshold_goes_out_whole() {
        run(STOCK, """
                100     | BUY 400          | BUY 400
                101     | BUY 400          | BUY 400
                102     | SELL 800         | SELL 800
                103     | -                | -
                """);
    }

    @Test
    void slices_are_whole_lots_larger_first() {
        // 750 = 10 lots of 75 in 4 slices: 3, 3, 2, 2 lots
        run(FUTURE, """
                100     | BUY 750          | BUY 225
                100     | -                | BUY 225
                100     | -                | BUY 150
                100     | -                | BUY 150
                100     | -                | -
                """);
    }

    private void run(Instrument instrument, String table) {
        TradingEngine engine = new TradingEngine(EngineConfig.simple(Money.of("100000000", Money.INR)), clock,
                OrderIdGenerator.sequential("O"), events::add);
        ScenarioRows.Scripted script = new ScenarioRows.Scripted();
        TwapSlicer slicer = new TwapSlicer(script, new BigDecimal("500"), 4);
        engine.register(slicer, instrument, 2);
        Instant t = Instant.parse("2025-01-06T04:00:00Z");
        int row = 0;
        for (String line : table.strip().split("\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) continue;
            String[] cells = line.split("\\|");
            script.next = cells[1].strip();
            int before = events.size();
            clock.setMillis(t.toEpochMilli());
            Price p = Price.of(cells[0].strip());
            engine.accept(new EngineCommand.OnBar(instrument, new Bar(t, p, p, p, p, 1_000_000)));
            assertThat(ScenarioRows.outcome(events.subList(before, events.size()))).as("row %d: %s", row++, line).isEqualTo(cells[2].strip());
            t = t.plusSeconds(300);
        }
        assertThat(slicer.pendingSlices()).isZero();
    }
}
