package io.tradepilot.trading.ui;

import io.tradepilot.controls.Refusal;
import io.tradepilot.controls.RefusalCode;
import io.tradepilot.trading.ActionResult;
import io.tradepilot.trading.ManualOrder;
import io.tradepilot.trading.OrderPreview;
import io.tradepilot.trading.StrategyControls;
import io.tradepilot.trading.StrategyStatus;
import io.tradepilot.trading.TradingAction;
import io.tradepilot.trading.TradingActions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Records what the views ask and answers what the test says. */
class FakeTrading implements TradingActions, StrategyControls {

    Set<TradingAction> permitted = EnumSet.allOf(TradingAction.class);
    ActionResult answer = new ActionResult.Done("Done.", List.of("O1"));
    final List<String> calls = new ArrayList<>();
    List<StrategyStatus> strategies = List.of();

    static ActionResult refused(String message) {
        return new ActionResult.Refused(new Refusal(RefusalCode.RATE_LIMITED, message));
    }

    @Override public Set<TradingAction> permittedActions() { return permitted; }

    @Override public ActionResult cancelOrder(String orderId, String reason) {
        calls.add("cancelOrder " + orderId + " " + reason);
        return answer;
    }

    @Override public ActionResult cancelAll(String symbol, String reason) {
        calls.add("cancelAll " + symbol + " " + reason);
        return answer;
    }

    @Override public ActionResult closePosition(String symbol, BigDecimal quantity, String reason) {
        calls.add("closePosition " + symbol + " " + quantity + " " + reason);
        return answer;
    }

    @Override public ActionResult flattenAll(String reason, String confirmation) {
        calls.add("flattenAll " + reason + " " + confirmation);
        return answer;
    }

    @Override public OrderPreview previewOrder(ManualOrder order) {
        calls.add("preview " + order);
        return new OrderPreview(order, true, null, null, new BigDecimal("100.05"),
                order.quantity().multiply(new BigDecimal("100.05")), BigDecimal.ZERO, order.quantity());
    }

    @Override public ActionResult placeOrder(ManualOrder order, String reason) {
        calls.add("place " + order + " " + reason);
        return answer;
    }

    @Override public List<StrategyStatus> strategies() { return strategies; }

    @Override public ActionResult activate(String strategyId, String confirmation, String reason) {
        calls.add("activate " + strategyId + " " + confirmation + " " + reason);
        return answer;
    }

    @Override public ActionResult deactivate(String strategyId, String confirmation, String reason) {
        calls.add("deactivate " + strategyId + " " + confirmation + " " + reason);
        return answer;
    }
}
