package io.tradepilot.engine.strategy;

import io.tradepilot.engine.backtest.Backtest;
import io.tradepilot.engine.backtest.BacktestConfig;
import io.tradepilot.engine.backtest.BacktestResult;
import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.portfolio.RoundTrip;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Runs the strategy scenario tables in {@code src/test/resources/scenarios/strategies} (format: scenarios/README-strategies.md). */
class StrategyScenarioTest {

    @TestFactory
    Stream<DynamicTest> mean_reversion() throws IOException {
        return run("mean-reversion");
    }

    @TestFactory
    Stream<DynamicTest> opening_range_breakout() throws IOException {
        return run("orb");
    }

    @TestFactory
    Stream<DynamicTest> trend_pullback() throws IOException {
        return run("trend-pullback");
    }

    @TestFactory
    Stream<DynamicTest> momentum() throws IOException {
        return run("momentum");
    }

    private Stream<DynamicTest> run(String file) throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/scenarios/strategies/" + file + ".scenarios")) {
            assertNotNull(in, "missing scenarios file " + file);
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<DynamicTest> tests = new ArrayList<>();
        String name = null;
        List<String> lines = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.startsWith("scenario:")) {
                name = line.substring(9).strip();
                lines = new ArrayList<>();
            } else if (line.equals("end")) {
                List<String> body = lines;
                tests.add(DynamicTest.dynamicTest(name, () -> check(body)));
            } else {
                lines.add(line);
            }
        }
        return tests.stream();
    }

    static void check(List<String> lines) {
        ZoneId zone = ZoneId.of("UTC");
        String strategy = null;
        Map<String, String> params = new LinkedHashMap<>();
        long quantity = 10;
        List<Bar> bars = new ArrayList<>();
        List<String> trades = new ArrayList<>();
        BigDecimal position = null;
        for (String l : lines) {
            String[] t = l.split("\\s+");
            switch (t[0]) {
                case "strategy" -> {
                    strategy = t[1];
                    for (int i = 2; i < t.length; i++) {
                        String[] kv = t[i].split("=", 2);
                        params.put(kv[0], kv[1]);
                    }
                }
                case "quantity" -> quantity = Long.parseLong(t[1]);
                case "zone" -> zone = ZoneId.of(t[1]);
                case "bar" -> bars.add(new Bar(time(t[1], zone), Price.of(t[2]), Price.of(t[3]), Price.of(t[4]), Price.of(t[5]), 1000));
                case "expect" -> {
                    if (t[1].equals("trade")) {
                        trades.add(time(t[2], zone) + " " + t[3] + " " + t[4] + " @ " + plain(t[6]) + " -> " + time(t[8], zone) + " @ " + plain(t[10]));
                    } else if (t[1].equals("position")) {
                        position = new BigDecimal(t[2]);
                    } else {
                        throw new IllegalArgumentException("unknown expectation: " + l);
                    }
                }
                default -> throw new IllegalArgumentException("unknown line: " + l);
            }
        }
        Instrument instrument = Instrument.usEquity("TEST", "NASDAQ");
        Strategy s = Strategies.create(strategy, params, Quantity.of(quantity));
        BacktestResult r = Backtest.run(instrument, bars, zone, s, BacktestConfig.of(new BigDecimal("1000000")));
        List<String> actual = new ArrayList<>();
        for (RoundTrip rt : r.trades()) {
            actual.add(rt.entryTime() + " " + rt.direction() + " " + rt.quantity().stripTrailingZeros().toPlainString() + " @ "
                    + plain(rt.entryPrice().toPlainString()) + " -> " + rt.exitTime() + " @ " + plain(rt.exitPrice().toPlainString()));
        }
        assertEquals(trades, actual, "round trips");
        if (position != null) assertEquals(0, position.compareTo(r.openQuantity()), "position " + r.openQuantity() + " after " + actual);
    }

    static String plain(String s) {
        return new BigDecimal(s).stripTrailingZeros().toPlainString();
    }

    static Instant time(String s, ZoneId zone) {
        return s.contains("T") ? Instant.parse(s) : LocalDate.parse(s).atStartOfDay(zone).toInstant();
    }
}
