package io.tradepilot.engine.strategy.exits;

import io.tradepilot.engine.backtest.Backtest;
import io.tradepilot.engine.backtest.BacktestConfig;
import io.tradepilot.engine.backtest.BacktestResult;
import io.tradepilot.engine.core.EngineEvent;
import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.ExitTag;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The exit tag each exit order of {@link TradeManager} carries to its fills (for the journal's exit reason): the rule
 * that decided it, the stop order as STOP until a trail move set it (then TRAILING), entries untagged; and the tags
 * change nothing about the trades (same fills as without them, see {@link ExitScenarioTest}).
 */
class ExitTagTest {

    /** The fills' (side quantity tag) of the scenario's backtest, in order. */
    private static List<String> fills(Map<String, String> config, Side side, String stop, String... bars) {
        List<Bar> list = new ArrayList<>();
        for (String b : bars) {
            String[] t = b.split(" ");
            list.add(new Bar(ExitScenarioTest.time(t[0]), Price.of(t[1]), Price.of(t[2]), Price.of(t[3]), Price.of(t[4]), 1000));
        }
        List<String> out = new ArrayList<>();
        BacktestConfig base = BacktestConfig.of(new BigDecimal("1000000"));
        BacktestConfig config2 = new BacktestConfig(base.initialCash(), base.broker(), base.risk(), false, 252, event -> {
            if (event instanceof EngineEvent.OrderFilled f) out.add(f.side() + " " + f.quantity().value().stripTrailingZeros().toPlainString() + " " + f.exitTag());
        }, false);
        ExitPolicy policy = ExitManagerSettings.policyFrom(config);
        BacktestResult r = Backtest.run(ExitScenarioTest.TEST, list, ZoneOffset.UTC,
                new ExitScenarioTest.Entering(policy, 0, side, new BigDecimal("100"), stop == null ? null : new BigDecimal(stop)), config2);
        assertEquals(0, r.openQuantity().signum(), "the trade is closed");
        return out;
    }

    @Test
    void a_time_exit_is_tagged_time() {
        assertEquals(List.of("BUY 100 null", "SELL 100 TIME"), fills(Map.of("maxBars", "2"), Side.BUY, null,
                "2024-01-01 100 100 100 100", "2024-01-02 100 101 99 100", "2024-01-03 100 101 99 100.5", "2024-01-04 101 102 100 101"));
    }

    @Test
    void a_target_exit_is_tagged_target() {
        assertEquals(List.of("BUY 100 null", "SELL 100 TARGET"), fills(Map.of("targetR", "2"), Side.BUY, "98",
                "2024-01-01 100 100 100 100", "2024-01-02 100 101 99 100", "2024-01-03 100 104.5 100 104", "2024-01-04 104.5 105 104 104.5"));
    }

    @Test
    void a_partial_booking_is_tagged_partial_and_the_breakeven_stop_stop() {
        assertEquals(List.of("BUY 100 null", "SELL 50 PARTIAL", "SELL 50 STOP"),
                fills(Map.of("partialAtR", "1", "partialFraction", "0.5"), Side.BUY, "98",
                        "2024-01-01 100 100 100 100", "2024-01-02 100 101 99 100", "2024-01-03 100 102.5 100 102", "2024-01-04 102 102 99 99.5"));
    }

    @Test
    void rule_names_map_to_tags() {
        assertEquals(ExitTag.TRAILING, TradeManager.tag("trail", ExitTag.STOP));
        assertEquals(ExitTag.SQUARE_OFF, TradeManager.tag("square-off", ExitTag.SIGNAL));
        assertEquals(ExitTag.STOP, TradeManager.tag("loss6", ExitTag.SIGNAL));
        assertEquals(ExitTag.PARTIAL, TradeManager.tag("book25", ExitTag.PARTIAL));
        assertEquals(ExitTag.SIGNAL, TradeManager.tag("trend flipped", ExitTag.SIGNAL));
    }
}
