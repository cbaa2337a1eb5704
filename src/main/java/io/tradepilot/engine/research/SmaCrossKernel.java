package io.tradepilot.engine.research;

import io.tradepilot.engine.backtest.BacktestConfig;
import io.tradepilot.engine.backtest.BacktestResult;
import io.tradepilot.engine.backtest.BarArrays;
import io.tradepilot.engine.broker.FillMode;
import io.tradepilot.engine.broker.Slippage;
import io.tradepilot.engine.core.EngineEvents;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.Fill;
import io.tradepilot.engine.orders.OrderId;
import io.tradepilot.engine.portfolio.Portfolio;
import io.tradepilot.engine.portfolio.Position;
import io.tradepilot.engine.risk.RiskChain;
import io.tradepilot.engine.strategy.SmaCross;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sweep's fast path for {@code sma-cross}: the result of {@code Backtest.run(data, new SmaCross(fast, slow,
 * quantity), config)} without driving the engine bar by bar, equal to it in every trade, amount and metric
 * (proved by {@code SmaCrossKernelTest} against the engine).
 *
 * <p>How. The signal pass reads the rolling sums of closes of the two periods ({@link #rollingSums}, computed
 * once per distinct period and series and shared by every cell using that period) and compares
 * {@code slow x sumFast} with {@code fast x sumSlow} exactly as {@link SmaCross} does (in 64-bit integers when
 * the products cannot overflow, else 128-bit), applying its rules: a cross up when flat buys the quantity, a
 * cross down when long sells the position; with {@link FillMode#NEXT_OPEN} the order fills at the next bar's
 * open (an order decided at the last bar stays working), with {@link FillMode#SAME_CLOSE} at once at the
 * deciding bar's close, both timed as the engine times them. The few fills then go through the engine's own
 * exact accounting ({@link Portfolio#apply}) with the broker's commission model, and the (cash, position)
 * states are recorded as {@code Backtest} records them, so the equity curve and {@code Metrics} are the same
 * computation on the same values.
 *
 * <p>{@link #supports} says for which configurations this holds: no risk checks, no slippage, no
 * participation cap, no event sink or hashing, no close at the end, a whole-unit quantity. For any other the
 * sweep runs the engine per cell.
 */
public final class SmaCrossKernel {
    private SmaCrossKernel() {}

    /** Whether the kernel is exact for this configuration and quantity (see the class doc); else use the engine. */
    public static boolean supports(BacktestConfig c, Quantity quantity) {
        return c.risk() instanceof RiskChain chain && chain.checks().isEmpty()
                && c.broker().slippage() instanceof Slippage.Bps b && b.bps().signum() == 0
                && c.broker().participation() == null
                && (c.broker().fillMode() == FillMode.NEXT_OPEN || c.broker().fillMode() == FillMode.SAME_CLOSE)
                && c.events() == EngineEvents.NONE && !c.hashEvents() && !c.closeAtEnd()
                && quantity.value().stripTrailingZeros().scale() <= 0;
    }

    /**
     * Per bar i ≥ period − 1, the exact sum of the scaled closes of bars {@code i − period + 1 .. i} (0 before).
     * Refuses a period below 1.
     */
    public static long[] rollingSums(long[] close, int period) {
        if (period < 1) throw new IllegalArgumentException("period must be at least 1");
        long[] s = new long[close.length];
        long sum = 0;
        for (int i = 0; i < close.length; i++) {
            sum += close[i];
            if (i >= period) sum -= close[i - period];
            if (i >= period - 1) s[i] = sum;
        }
        return s;
    }

    /**
     * The engine-equal result of sma-cross {@code fast}/{@code slow} with {@code quantity} on {@code data}.
     * {@code sumFast}/{@code sumSlow} are {@link #rollingSums} of the data's closes for the two periods.
     *
     * @throws IllegalArgumentException when {@link #supports} is false, or {@code slow <= fast}
     */
    public static BacktestResult run(BarArrays data, long[] sumFast, long[] sumSlow, int fast, int slow, Quantity quantity,
                                     BacktestConfig config) {
        if (!supports(config, quantity)) throw new IllegalArgumentException("the sma-cross kernel does not reproduce this configuration");
        if (fast < 1 || slow <= fast) throw new IllegalArgumentException("needs 1 <= fast < slow, got " + fast + "/" + slow);
        int n = data.size();
        long[] close = data.close(), open = data.open();
        long maxClose = 0;
        for (long c : close) maxClose = Math.max(maxClose, c);
        // slow x sumFast and fast x sumSlow are each below slow x slow x maxClose: 64-bit when that cannot overflow
        boolean narrow = maxClose < Long.MAX_VALUE / slow / slow / 2;
        boolean sameClose = config.broker().fillMode() == FillMode.SAME_CLOSE;
        long units = quantity.value().longValueExact();

        Fills fills = new Fills();
        long position = 0;
        long pending = 0; // the working market order's signed quantity (NEXT_OPEN), 0 when none
        int orders = 0;
        int previous = 0;
        for (int i = slow - 1; i < n; i++) {
            if (pending != 0) { // the engine offers the working order this bar's open before the strategy decides
                fills.add(i, pending);
                position += pending;
                pending = 0;
            }
            int sign;
            if (narrow) sign = Long.compare(slow * sumFast[i], fast * sumSlow[i]);
            else sign = SmaCross.compareProducts(slow, sumFast[i], fast, sumSlow[i]);
            if (i >= slow) {
                long order = 0;
                if (sign > 0 && previous <= 0) {
                    if (position == 0) order = units;
                } else if (sign < 0 && previous >= 0 && position > 0) {
                    order = -position;
                }
                if (order != 0) {
                    orders++;
                    if (sameClose) {
                        fills.add(i, order);
                        position += order;
                    } else {
                        pending = order;
                    }
                }
            }
            previous = sign;
        }
        return account(data, config, quantity, fills.bar, fills.qty, fills.count, orders, pending != 0 ? 1 : 0, sameClose, open, close);
    }

    /** The fills found by the signal pass: bar index and signed quantity (+ buy, − sell). */
    private static final class Fills {
        int[] bar = new int[16];
        long[] qty = new long[16];
        int count;

        void add(int i, long q) {
            if (count == bar.length) {
                bar = Arrays.copyOf(bar, count * 2);
                qty = Arrays.copyOf(qty, count * 2);
            }
            bar[count] = i;
            qty[count++] = q;
        }
    }

    private static BacktestResult account(BarArrays data, BacktestConfig config, Quantity quantity, int[] fillBar, long[] fillQty, int fills,
                                          int orders, int working, boolean sameClose, long[] open, long[] close) {
        Instrument instrument = data.instrument();
        int d = data.priceDecimals();
        long[] t = data.startMillis();
        Portfolio portfolio = new Portfolio(new Money(config.initialCash(), instrument.currency()));
        int slot = portfolio.slotOf(instrument);
        Position position = portfolio.position(slot);
        int[] stateStart = new int[fills + 1];
        BigDecimal[] cashStates = new BigDecimal[fills + 1], qtyStates = new BigDecimal[fills + 1];
        cashStates[0] = portfolio.cash();
        qtyStates[0] = position.quantity();
        var commission = config.broker().commission();
        for (int k = 0; k < fills; k++) {
            int i = fillBar[k];
            long q = fillQty[k];
            Side side = q > 0 ? Side.BUY : Side.SELL;
            Quantity qty = q > 0 ? quantity : Quantity.of(-q);
            BigDecimal price = BigDecimal.valueOf(sameClose ? close[i] : open[i], d);
            BigDecimal fee = commission.charges(side, qty.value(), price, true);
            portfolio.apply(new Fill(new OrderId("O-" + (k + 1)), null, instrument, side, qty, new Price(price),
                    new Money(fee, instrument.currency()), Instant.ofEpochMilli(t[i]), null));
            stateStart[k + 1] = i;
            cashStates[k + 1] = portfolio.cash();
            qtyStates[k + 1] = position.quantity();
        }
        if (data.size() > 0) portfolio.markScaled(slot, close[data.size() - 1], d);
        List<io.tradepilot.engine.portfolio.RoundTrip> trades = List.copyOf(new ArrayList<>(portfolio.roundTrips()));
        return BacktestResult.ofStates(data, config, SmaCross.NAME, stateStart, cashStates, qtyStates, trades, portfolio.cash(),
                portfolio.equity(), position.quantity(), portfolio.fees(), portfolio.realizedPnl(), working, orders, -1);
    }
}
