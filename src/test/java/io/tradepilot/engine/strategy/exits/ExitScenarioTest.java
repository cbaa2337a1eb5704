package io.tradepilot.engine.strategy.exits;

import io.tradepilot.engine.backtest.Backtest;
import io.tradepilot.engine.backtest.BacktestConfig;
import io.tradepilot.engine.backtest.BacktestResult;
import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.BarCursor;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.portfolio.RoundTrip;
import io.tradepilot.engine.strategy.Strategy;
import io.tradepilot.engine.strategy.StrategyContext;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Runs the exit scenario tables in {@code src/test/resources/scenarios/exits} (format: scenarios/README-exits.md). */
class ExitScenarioTest {
    static final Instrument TEST = Instrument.usEquity("TEST", "NASDAQ");

    @TestFactory
    Stream<DynamicTest> tracker_scenarios() throws IOException {
        return run("tracker", cfg -> PositionTracker.seedDefaults(new AlertLog()));
    }

    @TestFactory
    Stream<DynamicTest> exit_manager_scenarios() throws IOException {
        return run("exit-manager", ExitManagerSettings::policyFrom);
    }

    private Stream<DynamicTest> run(String file, Function<Map<String, String>, ExitPolicy> policies) throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/scenarios/exits/" + file + ".scenarios")) {
            assertNotNull(in, "missing scenarios file " + file);
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<DynamicTest> tests = new ArrayList<>();
        Scenario current = null;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.startsWith("scenario:")) {
                current = new Scenario(line.substring(9).strip());
            } else if (line.equals("end")) {
                Scenario s = current;
                tests.add(DynamicTest.dynamicTest(s.name, () -> s.check(policies.apply(s.config()))));
                current = null;
            } else {
                current.lines.add(line);
            }
        }
        return tests.stream();
    }

    static Instant time(String s) {
        return s.contains("T") ? Instant.parse(s) : LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static final class Scenario {
        final String name;
        final List<String> lines = new ArrayList<>();
        final Map<String, String> config = new HashMap<>();

        Scenario(String name) {
            this.name = name;
        }

        Map<String, String> config() {
            for (String l : lines) {
                String[] t = l.split("\\s+");
                if (!t[0].equals("config")) continue;
                for (int i = 1; i < t.length; i++) {
                    String[] kv = t[i].split("=", 2);
                    config.put(kv[0], kv[1]);
                }
            }
            return config;
        }

        void check(ExitPolicy policy) {
            List<Bar> bars = new ArrayList<>();
            List<String> exits = new ArrayList<>();
            String alerts = null;
            BigDecimal position = null;
            int entryAt = 0;
            Side side = null;
            BigDecimal qty = null, stop = null;
            for (String l : lines) {
                String[] t = l.split("\\s+");
                switch (t[0]) {
                    case "config" -> {
                    }
                    case "entry-at" -> entryAt = Integer.parseInt(t[1]);
                    case "entry" -> {
                        side = Side.valueOf(t[1]);
                        qty = new BigDecimal(t[2]);
                        stop = t[4].equals("none") ? null : new BigDecimal(t[4]);
                    }
                    case "bar" -> bars.add(new Bar(time(t[1]), Price.of(t[2]), Price.of(t[3]), Price.of(t[4]), Price.of(t[5]), 1000));
                    case "expect" -> {
                        switch (t[1]) {
                            case "exit" -> exits.add(time(t[2]) + " " + new BigDecimal(t[3]).stripTrailingZeros().toPlainString()
                                    + " @ " + new BigDecimal(t[5]).stripTrailingZeros().toPlainString());
                            case "alerts" -> alerts = t[2];
                            case "position" -> position = new BigDecimal(t[2]);
                            default -> throw new IllegalArgumentException("unknown expectation: " + l);
                        }
                    }
                    default -> throw new IllegalArgumentException("unknown line: " + l);
                }
            }
            Entering s = new Entering(policy, entryAt, side, qty, stop);
            BacktestResult r = Backtest.run(TEST, bars, ZoneOffset.UTC, s, BacktestConfig.of(new BigDecimal("1000000")));
            List<String> actual = new ArrayList<>();
            for (RoundTrip rt : r.trades()) {
                actual.add(rt.exitTime() + " " + rt.quantity().stripTrailingZeros().toPlainString() + " @ " + rt.exitPrice().stripTrailingZeros().toPlainString());
            }
            assertEquals(exits, actual, "exit fills");
            if (alerts != null && policy instanceof PositionTracker pt) {
                assertEquals(alerts, String.join(",", pt.alerts().alerts().stream().map(TrackerAlert::rule).toList()), "alerts");
            }
            if (position != null) assertEquals(0, position.compareTo(r.openQuantity()), "position " + r.openQuantity());
        }
    }

    /** Enters once at the close of bar {@code entryAt}, then lets the manager run the trade. */
    static final class Entering implements Strategy {
        final TradeManager manager;
        final int entryAt;
        final Side side;
        final BigDecimal qty, stop;

        Entering(ExitPolicy policy, int entryAt, Side side, BigDecimal qty, BigDecimal stop) {
            this.manager = new TradeManager(policy);
            this.entryAt = entryAt;
            this.side = side;
            this.qty = qty;
            this.stop = stop;
        }

        @Override
        public StrategyId id() {
            return new StrategyId("scenario");
        }

        @Override
        public void onBar(BarCursor bar, StrategyContext context) {
            manager.onBar(bar, context);
            if (bar.index() == entryAt) manager.enter(context, "T1", side, qty, stop);
        }
    }
}
