package io.tradepilot.engine.broker;

import io.tradepilot.engine.core.EngineCommand;
import io.tradepilot.engine.core.EngineConfig;
import io.tradepilot.engine.core.EngineEvent;
import io.tradepilot.engine.core.SimulatedClock;
import io.tradepilot.engine.core.TradingEngine;
import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.orders.OrderId;
import io.tradepilot.engine.orders.OrderIdGenerator;
import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.orders.OrderStatus;
import io.tradepilot.engine.orders.OrderType;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.orders.TimeInForce;
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
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the scenario tables in {@code src/test/resources/scenarios/*.scenarios} (format in the README
 * there) through the whole engine: bars in, orders, fills and positions out.
 */
class PaperBrokerScenarioTest {

    private static final Instrument TEST = Instrument.usEquity("TEST", "TEST");

    @TestFactory
    Stream<DynamicTest> fill_scenarios_produce_exactly_the_tabled_fills_statuses_and_positions() throws IOException {
        return scenarios("fills.scenarios").stream().map(s -> DynamicTest.dynamicTest(s.name, () -> run(s)));
    }

    record Scenario(String name, List<String> lines) {}

    static List<Scenario> scenarios(String file) throws IOException {
        List<Scenario> out = new ArrayList<>();
        try (InputStream in = PaperBrokerScenarioTest.class.getResourceAsStream("/scenarios/" + file)) {
            assertThat(in).as(file).isNotNull();
            String name = null;
            List<String> lines = new ArrayList<>();
            for (String raw : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                if (line.startsWith("scenario:")) { name = line.substring(9).strip(); lines = new ArrayList<>(); }
                else if (line.equals("end")) out.add(new Scenario(name, lines));
                else lines.add(line);
            }
        }
        assertThat(out).isNotEmpty();
        return out;
    }

    record SeenFill(Instant time, BigDecimal qty, BigDecimal price) {}

    private void run(Scenario s) {
        BrokerConfig broker = BrokerConfig.defaults();
        for (String line : s.lines) if (line.startsWith("config ")) broker = configure(broker, line.substring(7).strip().split("\\s+"));
        SimulatedClock clock = new SimulatedClock();
        List<EngineEvent> events = new ArrayList<>();
        TradingEngine engine = new TradingEngine(EngineConfig.simple(Money.of("1000000", Money.USD)).withBroker(broker), clock,
                OrderIdGenerator.sequential("O"), events::add);
        Map<Instant, Bar> bars = new HashMap<>();
        List<SeenFill> expected = new ArrayList<>();
        OrderId last = null;
        int placed = 0;
        for (String line : s.lines) {
            String[] t = line.split("\\s+");
            switch (t[0]) {
                case "config" -> { }
                case "bar" -> {
                    Bar bar = new Bar(time(t[1]), Price.of(t[2]), Price.of(t[3]), Price.of(t[4]), Price.of(t[5]), Long.parseLong(t[6]));
                    bars.put(bar.start(), bar);
                    clock.setMillis(bar.start().toEpochMilli());
                    engine.accept(new EngineCommand.OnBar(TEST, bar));
                }
                case "place" -> {
                    OrderRequest r = request(t, new ClientOrderId("c" + (++placed)));
                    engine.accept(new EngineCommand.PlaceOrder(r));
                    last = engine.orders().getLast().id();
                }
                case "cancel" -> engine.accept(new EngineCommand.CancelOrder(last, "test"));
                case "expect" -> {
                    switch (t[1]) {
                        case "fill" -> expected.add(new SeenFill(time(t[2]), new BigDecimal(t[3]), new BigDecimal(t[5])));
                        case "status" -> assertThat(engine.order(last).status()).as(line).isEqualTo(OrderStatus.valueOf(t[2]));
                        case "position" -> assertThat(engine.portfolio().quantity("TEST")).as(line).isEqualByComparingTo(t[2]);
                        case "cash" -> assertThat(engine.portfolio().cash()).as(line).isEqualByComparingTo(t[2]);
                        default -> throw new IllegalArgumentException("unknown expectation: " + line);
                    }
                }
                default -> throw new IllegalArgumentException("unknown line: " + line);
            }
        }
        List<SeenFill> actual = new ArrayList<>();
        for (EngineEvent e : events) {
            if (e instanceof EngineEvent.OrderFilled f) {
                actual.add(new SeenFill(e.time(), f.quantity().value(), f.price().value()));
                Bar bar = bars.get(e.time());
                assertThat(bar).as("a bar at the fill time " + e.time()).isNotNull();
                assertThat(bar.contains(f.price())).as("fill " + f.price() + " within " + bar).isTrue();
            }
        }
        assertThat(actual).usingElementComparator((a, b) -> a.time.equals(b.time) && a.qty.compareTo(b.qty) == 0 && a.price.compareTo(b.price) == 0 ? 0 : 1)
                .as("fills").containsExactlyElementsOf(expected);
    }

    private static BrokerConfig configure(BrokerConfig b, String[] kvs) {
        for (String kv : kvs) {
            String[] p = kv.split("=");
            b = switch (p[0]) {
                case "fill" -> b.withFillMode(p[1].equals("close") ? FillMode.SAME_CLOSE : FillMode.NEXT_OPEN);
                case "participation" -> b.withParticipation(new BigDecimal(p[1]));
                case "slippage_bps" -> b.withSlippage(new Slippage.Bps(new BigDecimal(p[1])));
                case "slippage_ticks" -> b.withSlippage(new Slippage.Ticks(Integer.parseInt(p[1])));
                case "commission_pct" -> b.withCommission(CommissionModel.percentOfNotional(new BigDecimal(p[1])));
                default -> throw new IllegalArgumentException("unknown config " + kv);
            };
        }
        return b;
    }

    private static OrderRequest request(String[] t, ClientOrderId id) {
        Side side = Side.valueOf(t[1]);
        Quantity q = Quantity.of(Long.parseLong(t[2]));
        OrderType type = OrderType.valueOf(t[3]);
        Price limit = null, stop = null;
        TimeInForce tif = TimeInForce.GTC;
        for (int i = 4; i < t.length; i++) {
            String[] p = t[i].split("=");
            switch (p[0]) {
                case "limit" -> limit = Price.of(p[1]);
                case "stop" -> stop = Price.of(p[1]);
                case "tif" -> tif = TimeInForce.valueOf(p[1]);
                default -> throw new IllegalArgumentException("unknown order field " + t[i]);
            }
        }
        return new OrderRequest(id, StrategyId.MANUAL, TEST, side, q, type, limit, stop, tif, null, false);
    }

    private static Instant time(String s) {
        return s.contains("T") ? Instant.parse(s) : LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
