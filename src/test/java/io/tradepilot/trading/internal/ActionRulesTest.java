package io.tradepilot.trading.internal;

import io.tradepilot.controls.Refusal;
import io.tradepilot.controls.RefusalCode;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.orders.OrderType;
import io.tradepilot.engine.orders.TimeInForce;
import io.tradepilot.engine.risk.RejectionCode;
import io.tradepilot.trading.ManualOrder;
import io.tradepilot.trading.TradingAction;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ActionRulesTest {

    private static final Instrument ALPHA = Instrument.nseEquity("SYNTH-ALPHA");
    private static final Map<String, Instrument> TRADED = Map.of(ALPHA.symbol(), ALPHA);

    private static ActionRules.Parsed parse(String symbol, String side, String qty, String type, String limit, String stop, String tif) {
        return ActionRules.order(new ManualOrder(symbol, side, qty == null ? null : new BigDecimal(qty), type,
                limit == null ? null : new BigDecimal(limit), stop == null ? null : new BigDecimal(stop), tif), TRADED,
                (s, d) -> new ClientOrderId("manual:" + s + ":1:" + (d == Side.BUY ? "B" : "S") + ":0"));
    }

    private static RefusalCode code(Optional<Refusal> refusal) {
        return refusal.map(Refusal::code).orElse(null);
    }

    private static String invalid(ActionRules.Parsed parsed) {
        assertThat(parsed).isInstanceOf(ActionRules.Parsed.Invalid.class);
        Refusal r = ((ActionRules.Parsed.Invalid) parsed).refusal();
        assertThat(r.code()).isEqualTo(RefusalCode.INVALID_ORDER);
        return r.message();
    }

    @Test
    void a_reason_must_be_given_long_enough_for_the_action_and_not_too_long() {
        assertThat(code(ActionRules.reason(TradingAction.CANCEL_ORDER, null))).isEqualTo(RefusalCode.REASON_REQUIRED);
        assertThat(code(ActionRules.reason(TradingAction.CANCEL_ORDER, "   "))).isEqualTo(RefusalCode.REASON_REQUIRED);
        assertThat(code(ActionRules.reason(TradingAction.CANCEL_ORDER, "  123456789  "))).isEqualTo(RefusalCode.REASON_TOO_SHORT);
        assertThat(ActionRules.reason(TradingAction.CANCEL_ORDER, "1234567890")).isEmpty();
        assertThat(code(ActionRules.reason(TradingAction.FLATTEN_ALL, "only fifteen ch"))).isEqualTo(RefusalCode.REASON_TOO_SHORT);
        assertThat(ActionRules.reason(TradingAction.FLATTEN_ALL, "twenty characters ok")).isEmpty();
        assertThat(code(ActionRules.reason(TradingAction.MANUAL_ORDER, "x".repeat(2001)))).isEqualTo(RefusalCode.REASON_TOO_LONG);
    }

    @Test
    void a_confirmation_is_the_exact_word() {
        assertThat(ActionRules.confirmation("FLATTEN", " FLATTEN ")).isEmpty();
        assertThat(code(ActionRules.confirmation("FLATTEN", "flatten"))).isEqualTo(RefusalCode.CONFIRMATION_MISMATCH);
        assertThat(code(ActionRules.confirmation("FLATTEN", null))).isEqualTo(RefusalCode.CONFIRMATION_MISMATCH);
        assertThat(code(ActionRules.confirmation("DEACTIVATE", "ACTIVATE"))).isEqualTo(RefusalCode.CONFIRMATION_MISMATCH);
    }

    @Test
    void a_valid_manual_order_becomes_a_manual_engine_request_with_day_as_default() {
        var parsed = parse(" synth-alpha ", "buy", "10", "stop_limit", "101.05", "100.50", null);
        assertThat(parsed).isInstanceOfSatisfying(ActionRules.Parsed.Valid.class, v -> {
            assertThat(v.request().symbol()).isEqualTo("SYNTH-ALPHA");
            assertThat(v.request().side()).isEqualTo(Side.BUY);
            assertThat(v.request().type()).isEqualTo(OrderType.STOP_LIMIT);
            assertThat(v.request().timeInForce()).isEqualTo(TimeInForce.DAY);
            assertThat(v.request().strategy().value()).isEqualTo("manual");
            assertThat(v.request().limitPrice().value()).isEqualByComparingTo("101.05");
            assertThat(v.request().clientOrderId().value()).isEqualTo("manual:SYNTH-ALPHA:1:B:0");
        });
        assertThat(parse("SYNTH-ALPHA", "SELL", "5", "MARKET", null, null, "ioc")).isInstanceOf(ActionRules.Parsed.Valid.class);
    }

    @Test
    void malformed_orders_are_refused_with_a_message_saying_what_is_wrong() {
        assertThat(invalid(parse("NOPE", "BUY", "1", "MARKET", null, null, "DAY"))).contains("Unknown symbol NOPE");
        assertThat(invalid(parse("SYNTH-ALPHA", "SIDEWAYS", "1", "MARKET", null, null, "DAY"))).contains("BUY or SELL");
        assertThat(invalid(parse("SYNTH-ALPHA", "BUY", "1", "ICEBERG", null, null, "DAY"))).contains("MARKET, LIMIT");
        assertThat(invalid(parse("SYNTH-ALPHA", "BUY", "1", "MARKET", null, null, "FOREVER"))).contains("DAY, GTC");
        assertThat(invalid(parse("SYNTH-ALPHA", "BUY", "0", "MARKET", null, null, "DAY"))).contains("positive");
        assertThat(invalid(parse("SYNTH-ALPHA", "BUY", "-3", "MARKET", null, null, "DAY"))).contains("positive");
        assertThat(invalid(parse("SYNTH-ALPHA", "BUY", null, "MARKET", null, null, "DAY"))).contains("missing");
        assertThat(invalid(parse("SYNTH-ALPHA", "BUY", "1.5", "MARKET", null, null, "DAY"))).contains("lots of 1");
        assertThat(invalid(parse("SYNTH-ALPHA", "BUY", "1e15", "MARKET", null, null, "DAY"))).contains("plausible");
        assertThat(invalid(parse("SYNTH-ALPHA", "BUY", "1", "LIMIT", null, null, "DAY"))).contains("need a limit price");
        assertThat(invalid(parse("SYNTH-ALPHA", "BUY", "1", "MARKET", "100", null, "DAY"))).contains("take no limit price");
        assertThat(invalid(parse("SYNTH-ALPHA", "BUY", "1", "STOP", null, null, "DAY"))).contains("need a stop price");
        assertThat(invalid(parse("SYNTH-ALPHA", "BUY", "1", "LIMIT", "100.03", null, "DAY"))).contains("tick of 0.05");
        assertThat(invalid(parse("SYNTH-ALPHA", "BUY", "1", "LIMIT", "-100", null, "DAY"))).contains("positive");
        assertThat(invalid(ActionRules.order(null, TRADED, (s, d) -> new ClientOrderId("x")))).contains("missing");
    }

    @Test
    void a_protective_stop_from_the_ticket_goes_into_the_request_and_must_be_a_positive_price_on_the_tick() {
        var order = new ManualOrder("SYNTH-ALPHA", "BUY", new BigDecimal("10"), "MARKET", null, null, "DAY", new BigDecimal("95.50"));
        assertThat(ActionRules.order(order, TRADED, (s, d) -> new ClientOrderId("manual:x"))).isInstanceOfSatisfying(
                ActionRules.Parsed.Valid.class, v -> assertThat(v.request().protectiveStop().value()).isEqualByComparingTo("95.50"));
        var offTick = new ManualOrder("SYNTH-ALPHA", "BUY", new BigDecimal("10"), "MARKET", null, null, "DAY", new BigDecimal("95.52"));
        assertThat(invalid(ActionRules.order(offTick, TRADED, (s, d) -> new ClientOrderId("manual:x")))).contains("protective stop price");
        var negative = new ManualOrder("SYNTH-ALPHA", "BUY", new BigDecimal("10"), "MARKET", null, null, "DAY", new BigDecimal("-1"));
        assertThat(invalid(ActionRules.order(negative, TRADED, (s, d) -> new ClientOrderId("manual:x")))).contains("positive");
        assertThat(parse("SYNTH-ALPHA", "BUY", "1", "MARKET", null, null, "DAY")).isInstanceOfSatisfying(ActionRules.Parsed.Valid.class,
                v -> assertThat(v.request().protectiveStop()).isNull());
    }

    @Test
    void a_close_needs_an_open_position_and_at_most_its_quantity() {
        assertThat(code(ActionRules.closeQuantity(null, BigDecimal.ZERO, ALPHA))).isEqualTo(RefusalCode.NOT_FOUND);
        assertThat(ActionRules.closeQuantity(null, new BigDecimal("-100"), ALPHA)).isEmpty();
        assertThat(ActionRules.closeQuantity(new BigDecimal("40"), new BigDecimal("-100"), ALPHA)).isEmpty();
        assertThat(ActionRules.closeQuantity(new BigDecimal("100"), new BigDecimal("100"), ALPHA)).isEmpty();
        assertThat(ActionRules.closeQuantity(new BigDecimal("101"), new BigDecimal("100"), ALPHA).orElseThrow().message())
                .contains("only 100 are open");
        assertThat(code(ActionRules.closeQuantity(new BigDecimal("0"), new BigDecimal("100"), ALPHA))).isEqualTo(RefusalCode.INVALID_ORDER);
    }

    @Test
    void engine_rejections_map_to_conflicts_unavailability_or_invalid_orders() {
        assertThat(DefaultTradingActions.refusalOf(RejectionCode.KILL_SWITCH_ENGAGED)).isEqualTo(RefusalCode.KILL_SWITCH_ENGAGED);
        assertThat(DefaultTradingActions.refusalOf(RejectionCode.TRADING_PAUSED)).isEqualTo(RefusalCode.TRADING_BLOCKED);
        assertThat(DefaultTradingActions.refusalOf(RejectionCode.CIRCUIT_BREAKER_TRIPPED)).isEqualTo(RefusalCode.TRADING_BLOCKED);
        assertThat(DefaultTradingActions.refusalOf(RejectionCode.TRADING_STATE_UNKNOWN)).isEqualTo(RefusalCode.STATE_UNAVAILABLE);
        assertThat(DefaultTradingActions.refusalOf(RejectionCode.FAT_FINGER)).isEqualTo(RefusalCode.RISK_REJECTED);
        assertThat(DefaultTradingActions.refusalOf(RejectionCode.STRATEGY_DISABLED)).isEqualTo(RefusalCode.RISK_REJECTED);
    }
}
