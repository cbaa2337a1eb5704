package io.tradepilot.engine.core;

import io.tradepilot.engine.domain.BarCursor;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.strategy.OrderIntent;
import io.tradepilot.engine.strategy.Strategy;
import io.tradepilot.engine.strategy.StrategyContext;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Pieces of the engine's scenario-table tests: one row per bar, what is submitted, what the engine does. */
public final class ScenarioRows {

    private ScenarioRows() {
    }

    /**
     * What the engine made of the orders in {@code events}, as a table cell: {@code BUY 100} per accepted order,
     * {@code REJECTED CODE} per refused one, joined by ", "; {@code -} when there is neither.
     */
    public static String outcome(List<EngineEvent> events) {
        List<String> outcome = new ArrayList<>();
        for (EngineEvent e : events) {
            if (e instanceof EngineEvent.OrderAccepted a) outcome.add(a.side() + " " + a.quantity().value().toPlainString());
            if (e instanceof EngineEvent.OrderRejected r) outcome.add("REJECTED " + r.code());
        }
        return outcome.isEmpty() ? "-" : String.join(", ", outcome);
    }

    /**
     * A strategy that submits what the current row says on the next bar: {@code BUY n}, {@code SELL n}, {@code EXIT}
     * (the whole position, at market) or {@code -} (nothing). Set {@link #next} before each bar.
     */
    public static final class Scripted implements Strategy {
        public String next = "-";

        @Override
        public StrategyId id() {
            return new StrategyId("scripted");
        }

        @Override
        public void onBar(BarCursor bar, StrategyContext context) {
            if (next.equals("-")) return;
            if (next.equals("EXIT")) {
                BigDecimal held = context.position();
                context.submit(OrderIntent.market(held.signum() > 0 ? Side.SELL : Side.BUY, new Quantity(held.abs())));
                return;
            }
            String[] parts = next.split(" ");
            context.submit(OrderIntent.market(Side.valueOf(parts[0]), Quantity.of(parts[1])));
        }
    }
}
