package io.tradepilot.engine.backtest;

import io.tradepilot.engine.broker.BrokerConfig;
import io.tradepilot.engine.broker.CommissionModel;
import io.tradepilot.engine.broker.Slippage;
import io.tradepilot.engine.core.EngineConfig;
import io.tradepilot.engine.core.EngineEvent;
import io.tradepilot.engine.core.SimulatedClock;
import io.tradepilot.engine.core.TradingEngine;
import io.tradepilot.engine.domain.BarCursor;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.OrderIdGenerator;
import io.tradepilot.engine.orders.OrderType;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.orders.TimeInForce;
import io.tradepilot.engine.portfolio.Portfolio;
import io.tradepilot.engine.strategy.OrderIntent;
import io.tradepilot.engine.strategy.Strategy;
import io.tradepilot.engine.strategy.StrategyContext;
import io.tradepilot.engine.testing.RandomWalkBars;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import static io.tradepilot.engine.testing.Fixtures.AAPL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A long seeded run with a random strategy (all order types and times in force, longs, shorts and
 * flips, partial fills under a volume cap, slippage and commission), checking after every bar against
 * an independent ledger built from the fill events.
 */
class SyntheticRunPropertiesTest {

    /** Random intents around the close. */
    static final class RandomStrategy implements Strategy {
        private final SplittableRandom r;

        RandomStrategy(long seed) { r = new SplittableRandom(seed); }

        public StrategyId id() { return new StrategyId("random"); }

        public void onBar(BarCursor bar, StrategyContext ctx) {
            if (r.nextDouble() > 0.15) return;
            Side side = r.nextBoolean() ? Side.BUY : Side.SELL;
            Quantity q = Quantity.of(1 + r.nextInt(300));
            BigDecimal close = bar.closePrice();
            BigDecimal off = close.multiply(BigDecimal.valueOf(r.nextInt(300), 4)); // up to 3 %
            BigDecimal below = close.subtract(off).setScale(2, java.math.RoundingMode.DOWN), above = close.add(off).setScale(2, java.math.RoundingMode.UP);
            TimeInForce tif = TimeInForce.values()[r.nextInt(4)];
            OrderType type = OrderType.values()[r.nextInt(4)];
            Price passive = new Price(side == Side.BUY ? below : above);
            Price breakout = new Price(side == Side.BUY ? above : below);
            OrderIntent intent = switch (type) {
                case MARKET -> new OrderIntent(side, q, type, null, null, tif, null);
                case LIMIT -> new OrderIntent(side, q, type, passive, null, tif, null);
                case STOP -> new OrderIntent(side, q, type, null, breakout, tif, null);
                case STOP_LIMIT -> new OrderIntent(side, q, type, r.nextBoolean() ? breakout : passive, breakout, tif, null);
            };
            if (r.nextBoolean()) intent = intent.withProtectiveStop(passive);
            ctx.submit(intent);
        }
    }

    @Test
    void every_step_of_a_long_random_run_keeps_the_books_exact() {
        BarArrays data = RandomWalkBars.generate(AAPL, 20_000, 7);
        SimulatedClock clock = new SimulatedClock();
        BrokerConfig broker = BrokerConfig.defaults().withParticipation(new BigDecimal("0.002"))
                .withSlippage(new Slippage.Bps(new BigDecimal("3"))).withCommission(CommissionModel.percentOfNotional(new BigDecimal("0.05")));
        Ledger ledger = new Ledger(new BigDecimal("1000000"));
        TradingEngine engine = new TradingEngine(EngineConfig.simple(Money.of("1000000", Money.USD)).withBroker(broker), clock,
                OrderIdGenerator.sequential("O"), ledger);
        int slot = engine.register(new RandomStrategy(11), AAPL, 2);
        Portfolio p = engine.portfolio();
        BarCursor cursor = new BarCursor();
        BigDecimal peak = ledger.cash;
        BigDecimal previousEquity = ledger.cash;
        long flips = 0;
        int previousSign = 0;
        for (int i = 0; i < data.size(); i++) {
            ledger.low = data.price(data.low()[i]);
            ledger.high = data.price(data.high()[i]);
            clock.setMillis(data.startMillis()[i]);
            engine.onBar(slot, cursor.set(i, data.startMillis()[i], data.open()[i], data.high()[i], data.low()[i], data.close()[i], data.volume()[i], 2));

            BigDecimal close = data.price(data.close()[i]);
            BigDecimal equity = ledger.cash.add(ledger.quantity.multiply(close));
            assertThat(p.cash()).as("cash at bar %d", i).isEqualByComparingTo(ledger.cash);
            assertThat(p.quantity("AAPL")).as("position at bar %d", i).isEqualByComparingTo(ledger.quantity);
            assertThat(p.equity()).as("cash + marked position = equity at bar %d", i).isEqualByComparingTo(equity);
            assertThat(p.fifoRealizedPnl()).as("round trips sum to FIFO realized at bar %d", i).isEqualByComparingTo(ledger.roundTripGross);
            if (ledger.quantity.signum() == 0) {
                assertThat(p.realizedPnl()).as("average-cost realized equals round trips when flat, bar %d", i).isEqualByComparingTo(ledger.roundTripGross);
            }
            assertThat(p.dayStartEquity()).as("day start equity at bar %d", i).isEqualByComparingTo(previousEquity);
            if (equity.compareTo(peak) > 0) peak = equity;
            assertThat(p.peakEquity()).as("peak at bar %d", i).isEqualByComparingTo(peak);
            previousEquity = equity;
            int sign = ledger.quantity.signum();
            if (sign != 0 && previousSign != 0 && sign != previousSign) flips++;
            if (sign != 0) previousSign = sign;
        }
        assertThat(ledger.fills).as("fills").isGreaterThan(500);
        assertThat(ledger.partialFills).as("partial fills").isPositive();
        assertThat(flips).as("long/short flips").isPositive();
        assertThat(ledger.fillsOutsideBar).as("fills outside their bar").isZero();
        BigDecimal tripFees = p.roundTrips().stream().map(t -> t.fees()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(tripFees).isLessThanOrEqualTo(p.fees());
    }

    /** Independent books from the fill events. */
    static final class Ledger implements io.tradepilot.engine.core.EngineEvents {
        BigDecimal cash, quantity = BigDecimal.ZERO, roundTripGross = BigDecimal.ZERO, low, high;
        long fills, partialFills, fillsOutsideBar;

        Ledger(BigDecimal cash) { this.cash = cash; }

        @Override
        public void publish(EngineEvent e) {
            if (e instanceof EngineEvent.OrderFilled f) {
                fills++;
                if (f.remaining().value().signum() > 0) partialFills++;
                BigDecimal notional = f.quantity().value().multiply(f.price().value());
                cash = f.side() == Side.BUY ? cash.subtract(notional) : cash.add(notional);
                cash = cash.subtract(f.commission().amount());
                quantity = quantity.add(f.side() == Side.BUY ? f.quantity().value() : f.quantity().value().negate());
                if (f.price().value().compareTo(low) < 0 || f.price().value().compareTo(high) > 0) fillsOutsideBar++;
            } else if (e instanceof EngineEvent.TradeClosed t) {
                roundTripGross = roundTripGross.add(t.trade().grossPnl());
            }
        }
    }
}
