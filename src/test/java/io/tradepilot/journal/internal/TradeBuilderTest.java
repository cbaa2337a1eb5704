package io.tradepilot.journal.internal;

import io.tradepilot.journal.ExitReason;
import io.tradepilot.journal.Outcome;
import io.tradepilot.journal.Trade;
import io.tradepilot.journal.TradeFill;
import io.tradepilot.journal.TradeSide;
import io.tradepilot.journal.TradeStatus;
import io.tradepilot.journal.TradingMode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Round trips from fills, on scenario tables whose expected values are computed by hand in the comments. */
class TradeBuilderTest {

    private static final Instant T0 = Instant.parse("2026-03-02T04:00:00Z");

    private final TradeBuilder builder = new TradeBuilder(Currency.getInstance("INR"), TradingMode.PAPER);

    /** seq, symbol, side, qty, price, fee, stop, minutes after T0, order type, strategy */
    static LedgerFill fill(long seq, String symbol, String side, String qty, String price, String fee, String stop,
                           int minutes, String type, String strategy) {
        return new LedgerFill(seq, "o" + seq, strategy + ":" + symbol + ":" + seq, symbol, side, new BigDecimal(qty),
                new BigDecimal(price), new BigDecimal(fee), stop == null ? null : new BigDecimal(stop),
                T0.plusSeconds(60L * minutes), type, strategy);
    }

    /** As {@link #fill} with the exit tag the fill's order carried. */
    static LedgerFill tagged(LedgerFill f, String exitTag) {
        return new LedgerFill(f.seq(), f.orderId(), f.clientOrderId(), f.symbol(), f.side(), f.quantity(), f.price(), f.commission(),
                f.protectiveStop(), f.filledAt(), f.orderType(), f.strategy(), exitTag);
    }

    @Test
    void the_closing_fills_exit_tag_is_the_exit_reason_and_untagged_fills_keep_the_order_derived_reason() {
        List<Trade> closed = builder.applyAll(List.of(
                fill(1, "A", "BUY", "10", "100", "0", "95", 0, "MARKET", "sma"),
                tagged(fill(2, "A", "SELL", "5", "110", "0", null, 5, "MARKET", "sma"), "PARTIAL"),
                tagged(fill(3, "A", "SELL", "5", "112", "0", null, 9, "MARKET", "sma"), "TARGET"),   // the closing fill decides
                fill(4, "B", "BUY", "1", "50", "0", null, 10, "MARKET", "sma"),
                tagged(fill(5, "B", "SELL", "1", "49", "0", null, 11, "STOP", "sma"), "TRAILING"),  // a trailing stop, not "stop"
                fill(6, "C", "BUY", "1", "50", "0", null, 12, "MARKET", "sma"),
                tagged(fill(7, "C", "SELL", "1", "51", "0", null, 13, "MARKET", "engine"), "SQUARE_OFF"),
                fill(8, "D", "BUY", "1", "50", "0", null, 14, "MARKET", "sma"),
                tagged(fill(9, "D", "SELL", "1", "51", "0", null, 15, "MARKET", "engine"), "FLATTEN"),
                fill(10, "E", "BUY", "1", "50", "0", null, 16, "MARKET", "sma"),
                tagged(fill(11, "E", "SELL", "1", "51", "0", null, 17, "MARKET", "manual"), "TARGET"), // manual stays manual
                fill(12, "F", "BUY", "1", "50", "0", null, 18, "MARKET", "sma"),
                tagged(fill(13, "F", "SELL", "1", "51", "0", null, 19, "MARKET", "sma"), "NOT_A_TAG"),  // unknown: as untagged
                fill(14, "G", "BUY", "1", "50", "0", null, 20, "MARKET", "sma"),
                tagged(fill(15, "G", "SELL", "1", "51", "0", null, 21, "MARKET", "sma"), "TIME")));
        assertThat(closed).extracting(Trade::symbol, Trade::exitReason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("A", ExitReason.TARGET), org.assertj.core.groups.Tuple.tuple("B", ExitReason.TRAILING),
                org.assertj.core.groups.Tuple.tuple("C", ExitReason.SQUARE_OFF), org.assertj.core.groups.Tuple.tuple("D", ExitReason.FLATTEN),
                org.assertj.core.groups.Tuple.tuple("E", ExitReason.MANUAL), org.assertj.core.groups.Tuple.tuple("F", ExitReason.STRATEGY),
                org.assertj.core.groups.Tuple.tuple("G", ExitReason.TIME));
    }

    @Test
    void scale_in_and_partial_exits_make_one_trade_with_fifo_pnl_fees_and_r() {
        List<Trade> closed = builder.applyAll(List.of(
                fill(1, "ABC", "BUY", "10", "100", "2", "95", 0, "MARKET", "sma"),
                fill(2, "ABC", "BUY", "10", "110", "2", null, 5, "MARKET", "sma"),   // scale-in, inherits stop 95
                fill(3, "ABC", "SELL", "5", "120", "1", null, 10, "LIMIT", "sma"),   // partial exit
                fill(4, "ABC", "SELL", "15", "105", "3", null, 30, "MARKET", "engine")));
        assertThat(closed).hasSize(1);
        Trade t = closed.getFirst();
        assertThat(t.id()).isEqualTo(1);
        assertThat(t.side()).isEqualTo(TradeSide.LONG);
        assertThat(t.status()).isEqualTo(TradeStatus.CLOSED);
        assertThat(t.strategy()).isEqualTo("sma");
        assertThat(t.mode()).isEqualTo(TradingMode.PAPER);
        assertThat(t.fills()).extracting(TradeFill::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(t.fills()).extracting(TradeFill::role).containsExactly(TradeFill.Role.ENTRY, TradeFill.Role.ENTRY,
                TradeFill.Role.EXIT, TradeFill.Role.EXIT);
        // entry (10x100 + 10x110) / 20 = 105; exit (5x120 + 15x105) / 20 = 108.75
        assertThat(t.entryPrice()).isEqualByComparingTo("105");
        assertThat(t.exitPrice()).isEqualByComparingTo("108.75");
        assertThat(t.quantity()).isEqualByComparingTo("20");
        assertThat(t.openQuantity()).isEqualByComparingTo("0");
        // FIFO: 5 of lot 100 at 120 (+100), 5 of lot 100 at 105 (+25), 10 of lot 110 at 105 (-50)
        assertThat(t.grossPnl()).isEqualByComparingTo("75");
        assertThat(t.fees()).isEqualByComparingTo("8");
        assertThat(t.netPnl()).isEqualByComparingTo("67");
        // risk 10 x |100 - 95| + 10 x |110 - 95| = 200; R = 67 / 200
        assertThat(t.initialRisk()).isEqualByComparingTo("200");
        assertThat(t.rMultiple()).isEqualByComparingTo("0.335");
        assertThat(t.exitReason()).isEqualTo(ExitReason.FLATTEN_OR_SQUARE_OFF);
        assertThat(t.entryTime()).isEqualTo(T0);
        assertThat(t.exitTime()).isEqualTo(T0.plusSeconds(1800));
        assertThat(t.holding()).isEqualTo(Duration.ofMinutes(30));
        assertThat(t.outcome()).isEqualTo(Outcome.WIN);
    }

    @Test
    void a_reversing_fill_closes_the_short_and_opens_a_long_splitting_its_fee_pro_rata() {
        List<Trade> closed = new ArrayList<>(builder.applyAll(List.of(
                fill(5, "XYZ", "SELL", "10", "50", "1", null, 0, "MARKET", "mr"),
                fill(6, "XYZ", "BUY", "15", "45", "3", null, 20, "STOP", "mr"))));
        assertThat(closed).hasSize(1);
        Trade shortTrade = closed.getFirst();
        // short 10 at 50, covered at 45: +50; fees 1 + 3 x 10/15 = 3
        assertThat(shortTrade.side()).isEqualTo(TradeSide.SHORT);
        assertThat(shortTrade.grossPnl()).isEqualByComparingTo("50");
        assertThat(shortTrade.fees()).isEqualByComparingTo("3");
        assertThat(shortTrade.netPnl()).isEqualByComparingTo("47");
        assertThat(shortTrade.initialRisk()).isNull();
        assertThat(shortTrade.rMultiple()).isNull();
        assertThat(shortTrade.exitReason()).isEqualTo(ExitReason.STOP);
        assertThat(shortTrade.fills().getLast().quantity()).isEqualByComparingTo("10");

        List<Trade> open = builder.openTrades();
        assertThat(open).hasSize(1);
        Trade longTrade = open.getFirst();
        assertThat(longTrade.id()).isEqualTo(6);
        assertThat(longTrade.status()).isEqualTo(TradeStatus.OPEN);
        assertThat(longTrade.outcome()).isEqualTo(Outcome.OPEN);
        assertThat(longTrade.side()).isEqualTo(TradeSide.LONG);
        assertThat(longTrade.openQuantity()).isEqualByComparingTo("5");
        assertThat(longTrade.fees()).isEqualByComparingTo("1");
        assertThat(longTrade.exitTime()).isNull();
        assertThat(longTrade.exitReason()).isNull();

        Trade closedLong = builder.apply(fill(7, "XYZ", "SELL", "5", "44", "0.5", null, 25, "MARKET", "manual"));
        // 5 x (44 - 45) = -5; fees 1 + 0.5
        assertThat(closedLong.grossPnl()).isEqualByComparingTo("-5");
        assertThat(closedLong.fees()).isEqualByComparingTo("1.5");
        assertThat(closedLong.netPnl()).isEqualByComparingTo("-6.5");
        assertThat(closedLong.exitReason()).isEqualTo(ExitReason.MANUAL);
        assertThat(closedLong.outcome()).isEqualTo(Outcome.LOSS);
        assertThat(builder.openTrades()).isEmpty();
    }

    @Test
    void fee_shares_that_do_not_terminate_still_add_up_to_the_commissions_exactly() {
        List<LedgerFill> fills = List.of(
                fill(1, "Q", "SELL", "1", "10", "0", null, 0, "MARKET", "s"),
                fill(2, "Q", "BUY", "3", "9", "1", null, 1, "MARKET", "s"),     // closes 1 (fee 1/3), opens 2 (fee 2/3)
                fill(3, "Q", "SELL", "2", "9.5", "0.07", null, 2, "MARKET", "s"));
        List<Trade> closed = builder.applyAll(fills);
        assertThat(closed).hasSize(2);
        BigDecimal fees = closed.stream().map(Trade::fees).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(fees).isEqualByComparingTo("1.07");
        // gross: short 1 x (10 - 9) = 1; long 2 x (9.5 - 9) = 1
        BigDecimal net = closed.stream().map(Trade::netPnl).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(net).isEqualByComparingTo("0.93");
    }

    @Test
    void symbols_are_independent_and_a_stop_set_late_leaves_the_risk_unknown() {
        builder.apply(fill(1, "A", "BUY", "1", "10", "0", null, 0, "MARKET", "s"));
        builder.apply(fill(2, "B", "SELL", "2", "20", "0", "21", 0, "MARKET", "t"));
        builder.apply(fill(3, "A", "BUY", "1", "11", "0", "9", 1, "MARKET", "s"));
        Trade a = builder.apply(fill(4, "A", "SELL", "2", "12", "0", null, 2, "LIMIT", "s"));
        Trade b = builder.apply(fill(5, "B", "BUY", "2", "22", "0", null, 3, "STOP_LIMIT", "t"));
        assertThat(a.initialRisk()).as("the first entry had no stop").isNull();
        assertThat(a.grossPnl()).isEqualByComparingTo("3");
        // short 2 at 20, stop 21: risk 2; covered at 22: -4 = -2R
        assertThat(b.initialRisk()).isEqualByComparingTo("2");
        assertThat(b.rMultiple()).isEqualByComparingTo("-2");
        assertThat(b.exitReason()).isEqualTo(ExitReason.STOP);
        assertThat(b.outcome()).isEqualTo(Outcome.LOSS);
    }

    @Test
    void refuses_fills_out_of_ledger_order() {
        builder.apply(fill(3, "A", "BUY", "1", "10", "0", null, 0, "MARKET", "s"));
        assertThatThrownBy(() -> builder.apply(fill(3, "A", "BUY", "1", "10", "0", null, 0, "MARKET", "s")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_builder_rebuilt_from_the_open_trades_replay_points_continues_exactly_like_the_one_that_saw_every_fill() {
        Random random = new Random(7);
        String[] symbols = {"AAA", "BBB", "CCC"};
        List<LedgerFill> fills = new ArrayList<>();
        for (int seq = 1; seq <= 400; seq++) {
            String side = random.nextBoolean() ? "BUY" : "SELL";
            fills.add(fill(seq, symbols[random.nextInt(3)], side, String.valueOf(1 + random.nextInt(15)),
                    String.valueOf(90 + random.nextInt(20)), "0." + random.nextInt(100), random.nextInt(3) == 0 ? "85" : null,
                    seq, random.nextBoolean() ? "MARKET" : "STOP", random.nextBoolean() ? "sma" : "manual"));
        }
        for (int cut : new int[] {1, 57, 200, 399}) {
            TradeBuilder before = new TradeBuilder(Currency.getInstance("INR"), TradingMode.PAPER);
            before.applyAll(fills.subList(0, cut));
            // what JournalBook does after a restart: only the open trades' symbols, each from its replay point
            TradeBuilder resumed = new TradeBuilder(Currency.getInstance("INR"), TradingMode.PAPER);
            Map<String, Long> from = new HashMap<>();
            for (String s : symbols) if (before.replayFrom(s) >= 0) from.put(s, before.replayFrom(s));
            for (LedgerFill f : fills.subList(0, cut)) {
                Long start = from.get(f.symbol());
                if (start != null && f.seq() >= start) resumed.apply(f);
            }
            resumed.skipTo(cut);
            for (String s : symbols) {
                assertThat(resumed.openTrade(s)).as("open %s at %d", s, cut).isEqualTo(before.openTrade(s));
                assertThat(resumed.replayFrom(s)).isEqualTo(before.replayFrom(s));
            }
            List<LedgerFill> rest = fills.subList(cut, fills.size());
            assertThat(resumed.applyAll(rest)).as("closed after %d", cut).isEqualTo(before.applyAll(rest));
            assertThat(resumed.openTrades()).containsExactlyInAnyOrderElementsOf(before.openTrades());
        }
    }
}
