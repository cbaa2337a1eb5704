package io.tradepilot.engine.backtest;

import io.tradepilot.engine.broker.BrokerConfig;
import io.tradepilot.engine.broker.ZerodhaCharges;
import io.tradepilot.engine.domain.BarCursor;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.marketdata.CsvBarReader;
import io.tradepilot.engine.orders.StrategyId;
import io.tradepilot.engine.risk.RejectionCode;
import io.tradepilot.engine.strategy.OrderIntent;
import io.tradepilot.engine.strategy.SmaCross;
import io.tradepilot.engine.strategy.Strategies;
import io.tradepilot.engine.strategy.Strategy;
import io.tradepilot.engine.strategy.StrategyContext;
import io.tradepilot.engine.testing.RandomWalkBars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The portfolio backtest: one account over many symbols on one engine. A portfolio of one symbol is the single
 * backtest; the account reconciles exactly (initial cash + trades' net P&L + open positions' net mark-to-market =
 * final equity) on the bundled fixture (six NSE-like daily series of different lengths, start days and price
 * scales, test resources backtest/portfolio) and on the NIFTY-50 daily series when ../shared/data is present; the
 * risk chain refuses entries for buying power and open positions with their reasons.
 */
class PortfolioBacktestTest {
    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final BigDecimal MILLION = new BigDecimal("1000000");

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({"sma-cross, next-open", "sma-cross, same-close", "mean-reversion, next-open", "trend-pullback, participation", "momentum, same-close"})
    void a_portfolio_of_one_symbol_with_unlimited_cash_is_the_single_backtest(String strategy, String broker) {
        BarArrays data = RandomWalkBars.generate(Instrument.nseEquity("RW"), 3_000, 7L);
        BacktestConfig config = BacktestConfig.of(MILLION).withBroker(VenueDeterminismTest.broker(broker)).withHashEvents(true);

        BacktestResult single = Backtest.run(data, Strategies.create(strategy, Map.of(), Quantity.of(100)), config);
        PortfolioResult portfolio = PortfolioBacktest.run(config, List.of(data), i -> Strategies.create(strategy, Map.of(), Quantity.of(100)),
                PortfolioBacktest.Monitor.NONE);

        assertThat(single.trades()).isNotEmpty();
        assertThat(portfolio.trades()).isEqualTo(single.trades());
        assertThat(portfolio.eventHash()).isEqualTo(single.eventHash());
        assertThat(portfolio.eventCount()).isEqualTo(single.eventCount());
        assertThat(portfolio.finalEquity()).isEqualTo(single.finalEquity());
        assertThat(portfolio.finalCash()).isEqualTo(single.finalCash());
        assertThat(portfolio.fees()).isEqualTo(single.fees());
        assertThat(portfolio.stepCount()).isEqualTo(single.bars());
        for (int i = 0; i < single.bars(); i++) {
            EquityPoint p = single.equityAt(i);
            PortfolioResult.Step s = portfolio.step(i);
            assertThat(s.time()).isEqualTo(p.time());
            assertThat(s.cash()).as("cash after bar %d", i).isEqualByComparingTo(p.cash());
            assertThat(s.equity()).as("equity after bar %d", i).isEqualByComparingTo(p.equity());
        }
        // the single run forms its double curve as cash + quantity x close in doubles, the portfolio from the exact equity
        assertThat(portfolio.equityValues()).containsExactly(single.equityValues(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(portfolio.metrics().tradeCount()).isEqualTo(single.metrics().tradeCount());
        assertThat(portfolio.metrics().maxDrawdown()).isCloseTo(single.metrics().maxDrawdown(), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(portfolio.metrics().totalReturn()).isEqualTo(single.metrics().totalReturn());
        assertThat(portfolio.refusals()).isEmpty();

        BacktestResult singleClosed = Backtest.run(data, Strategies.create(strategy, Map.of(), Quantity.of(100)), config.withCloseAtEnd(true));
        PortfolioResult portfolioClosed = PortfolioBacktest.run(config.withCloseAtEnd(true), List.of(data),
                i -> Strategies.create(strategy, Map.of(), Quantity.of(100)), PortfolioBacktest.Monitor.NONE);
        assertThat(portfolioClosed.trades()).isEqualTo(singleClosed.trades());
        assertThat(portfolioClosed.eventHash()).isEqualTo(singleClosed.eventHash());
        assertThat(portfolioClosed.finalEquity()).isEqualTo(singleClosed.finalEquity());
        assertThat(portfolioClosed.step(portfolioClosed.stepCount() - 1).equity()).isEqualByComparingTo(singleClosed.equityAt(singleClosed.bars() - 1).equity());
    }

    @Test
    void the_account_on_the_bundled_fixture_reconciles_exactly_with_charges_limits_and_refusals() throws Exception {
        List<BarArrays> data = folder(Path.of(getClass().getResource("/backtest/portfolio").toURI()));
        assertThat(data).hasSize(6);
        BacktestConfig config = BacktestConfig.of(new BigDecimal("300000")).withBroker(BrokerConfig.defaults().withCommission(ZerodhaCharges.delivery()))
                .withRisk(PortfolioLimits.cashAccount(3, null).riskChain());

        PortfolioResult r = PortfolioBacktest.run(config, data, i -> new SmaCross(5, 20, Quantity.of(100)), PortfolioBacktest.Monitor.NONE);

        assertThat(r.trades()).hasSizeGreaterThan(20);
        assertThat(r.trades()).extracting(t -> t.symbol()).contains("ALPHA", "GAMMA", "ZETA");
        assertThat(r.fees().signum()).isPositive();
        assertReconciles(r);
        assertThat(r.maxOpenPositions()).isLessThanOrEqualTo(3);
        assertThat(r.refusalsByReason()).containsKeys(RejectionCode.MAX_OPEN_POSITIONS, RejectionCode.INSUFFICIENT_BUYING_POWER);
        assertThat(r.refusals()).hasSize((int) r.refusalsByReason().values().stream().mapToLong(Long::longValue).sum());
        assertThat(r.bars()).isEqualTo(data.stream().mapToLong(BarArrays::size).sum());
        // the steps are the distinct bar times of all symbols, in order
        assertThat(r.stepCount()).isEqualTo((int) data.stream().flatMapToLong(a -> java.util.Arrays.stream(a.startMillis())).distinct().count());
        assertThat(r.stepMillis()).isSorted();

        PortfolioResult closed = PortfolioBacktest.run(config.withCloseAtEnd(true), data, i -> new SmaCross(5, 20, Quantity.of(100)),
                PortfolioBacktest.Monitor.NONE);
        assertThat(closed.openPositions()).isEmpty();
        assertThat(closed.closedAtEnd()).isTrue();
        assertReconciles(closed);
    }

    @Test
    void the_input_order_does_not_matter_bars_of_one_time_run_in_symbol_order() throws Exception {
        List<BarArrays> data = folder(Path.of(getClass().getResource("/backtest/portfolio").toURI()));
        BacktestConfig config = BacktestConfig.of(new BigDecimal("200000")).withRisk(PortfolioLimits.cashAccount(2, null).riskChain()).withHashEvents(true);
        PortfolioResult a = PortfolioBacktest.run(config, data, i -> new SmaCross(5, 20, Quantity.of(100)), PortfolioBacktest.Monitor.NONE);
        List<BarArrays> shuffled = new ArrayList<>(data);
        Collections.reverse(shuffled);
        PortfolioResult b = PortfolioBacktest.run(config, shuffled, i -> new SmaCross(5, 20, Quantity.of(100)), PortfolioBacktest.Monitor.NONE);
        assertThat(b.eventHash()).isEqualTo(a.eventHash());
        assertThat(b.trades()).isEqualTo(a.trades());
        assertThat(b.refusals()).isEqualTo(a.refusals());
    }

    @Test
    void entries_decided_together_cannot_spend_the_same_cash_twice_and_are_refused_with_the_reason() {
        // three symbols at 100, each buying at its first bar's close (fills at the next open); cash 10,000
        List<BarArrays> data = List.of(flat("AAA", 100), flat("BBB", 100), flat("CCC", 100));
        Map<String, Long> quantities = Map.of("AAA", 60L, "BBB", 60L, "CCC", 30L);
        BacktestConfig config = BacktestConfig.of(new BigDecimal("10000")).withRisk(PortfolioLimits.cashAccount(0, null).riskChain());

        PortfolioResult r = PortfolioBacktest.run(config, data, i -> new BuyAtFirstBar(quantities.get(i.symbol())), PortfolioBacktest.Monitor.NONE);

        assertThat(r.refusalsByReason()).containsExactly(Map.entry(RejectionCode.INSUFFICIENT_BUYING_POWER, 1L));
        PortfolioResult.Refusal refusal = r.refusals().getFirst();
        assertThat(refusal.symbol()).isEqualTo("BBB");
        assertThat(refusal.message()).isEqualTo("BBB: the order needs ₹6,000.00, buying power is ₹4,000.00 after ₹6,000.00 reserved by working entries");
        assertThat(r.openPositions()).extracting(PortfolioResult.OpenPosition::symbol).containsExactly("AAA", "CCC");
        assertThat(r.minCash()).isEqualByComparingTo("1000");
        assertThat(r.contributions()).extracting(PortfolioResult.Contribution::refusals).containsExactly(0L, 1L, 0L);
        assertReconciles(r);

        // the same without buying power: the account borrows (cash goes negative), as single backtests always allowed
        PortfolioResult borrowing = PortfolioBacktest.run(BacktestConfig.of(new BigDecimal("10000")), data,
                i -> new BuyAtFirstBar(quantities.get(i.symbol())), PortfolioBacktest.Monitor.NONE);
        assertThat(borrowing.refusals()).isEmpty();
        assertThat(borrowing.minCash()).isEqualByComparingTo("-5000");
    }

    @Test
    void max_positions_counts_entries_not_yet_filled_and_refuses_the_next_symbol_with_the_reason() {
        List<BarArrays> data = List.of(flat("AAA", 100), flat("BBB", 100), flat("CCC", 100));
        BacktestConfig config = BacktestConfig.of(MILLION).withRisk(PortfolioLimits.cashAccount(2, null).riskChain());

        PortfolioResult r = PortfolioBacktest.run(config, data, i -> new BuyAtFirstBar(10), PortfolioBacktest.Monitor.NONE);

        assertThat(r.refusalsByReason()).containsExactly(Map.entry(RejectionCode.MAX_OPEN_POSITIONS, 1L));
        assertThat(r.refusals().getFirst().symbol()).isEqualTo("CCC");
        assertThat(r.refusals().getFirst().message()).isEqualTo("CCC: 2 positions open, the maximum is 2");
        assertThat(r.maxOpenPositions()).isEqualTo(2);
        assertThat(r.openPositions()).extracting(PortfolioResult.OpenPosition::symbol).containsExactly("AAA", "BBB");
        assertReconciles(r);
    }

    @Test
    void progress_rises_to_one_and_a_cancellation_stops_between_time_steps() {
        List<BarArrays> data = List.of(flat("AAA", 100), flat("BBB", 100));
        List<Double> seen = new ArrayList<>();
        PortfolioBacktest.run(BacktestConfig.of(MILLION), data, i -> new BuyAtFirstBar(1), new PortfolioBacktest.Monitor() {
            @Override
            public void progress(double fractionDone) {
                seen.add(fractionDone);
            }
        });
        assertThat(seen).isSorted().hasSizeBetween(2, 101);
        assertThat(seen.getLast()).isEqualTo(1.0);

        int[] asked = new int[1];
        assertThatThrownBy(() -> PortfolioBacktest.run(BacktestConfig.of(MILLION), data, i -> new BuyAtFirstBar(1), new PortfolioBacktest.Monitor() {
            @Override
            public boolean cancelRequested() {
                return ++asked[0] > 5;
            }
        })).isInstanceOf(CancellationException.class).hasMessage("portfolio backtest cancelled after 10 of 100 bars");
    }

    @Test
    void instruments_in_different_currencies_are_refused() {
        BarArrays us = RandomWalkBars.generate(Instrument.usEquity("AAPL", "US"), 10, 1L);
        BarArrays in = RandomWalkBars.generate(Instrument.nseEquity("RW"), 10, 1L);
        assertThatThrownBy(() -> PortfolioBacktest.run(BacktestConfig.of(MILLION), List.of(in, us), i -> new BuyAtFirstBar(1),
                PortfolioBacktest.Monitor.NONE)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one account holds one currency");
    }

    @Test
    void the_nifty50_daily_series_in_one_account_reconcile_to_the_paisa() throws IOException {
        Path dir = Path.of(System.getProperty("tradepilot.shared.data", "../shared/data"), "nifty50_daily_2000_2021");
        assumeTrue(Files.isDirectory(dir), "shared data folder " + dir.toAbsolutePath().normalize() + " is absent: the NIFTY-50 check needs it");
        List<BarArrays> data = folder(dir);
        assertThat(data).hasSize(49);
        BacktestConfig config = BacktestConfig.of(MILLION).withBroker(BrokerConfig.defaults().withCommission(ZerodhaCharges.delivery()))
                .withRisk(PortfolioLimits.cashAccount(10, null).riskChain());

        PortfolioResult r = PortfolioBacktest.run(config, data, i -> new SmaCross(10, 30, Quantity.of(100)), PortfolioBacktest.Monitor.NONE);

        assertThat(r.trades()).hasSizeGreaterThan(1000);
        assertThat(r.maxOpenPositions()).isLessThanOrEqualTo(10);
        assertThat(r.refusalsByReason()).containsKeys(RejectionCode.MAX_OPEN_POSITIONS, RejectionCode.INSUFFICIENT_BUYING_POWER);
        assertReconciles(r);
        // an account that cannot borrow never loses more than it had: no drawdown above 100 %
        assertThat(r.metrics().maxDrawdown()).isLessThan(1.0);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** initial cash + trades' net P&L + open positions' net mark-to-market = final equity, exactly; and per symbol. */
    private static void assertReconciles(PortfolioResult r) {
        assertThat(r.reconciliationDifference().signum()).as("reconciliation difference %s", r.reconciliationDifference()).isZero();
        BigDecimal sum = r.initialCash();
        for (var t : r.trades()) sum = sum.add(t.netPnl());
        for (var p : r.openPositions()) sum = sum.add(p.pnlNet());
        assertThat(sum).isEqualByComparingTo(r.finalEquity());
        BigDecimal contributions = r.contributions().stream().map(PortfolioResult.Contribution::contribution).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(r.initialCash().add(contributions)).isEqualByComparingTo(r.finalEquity());
        PortfolioResult.Step last = r.step(r.stepCount() - 1);
        assertThat(last.equity()).isEqualByComparingTo(r.finalEquity());
        assertThat(last.cash()).isEqualByComparingTo(r.finalCash());
    }

    private static List<BarArrays> folder(Path dir) throws IOException {
        List<BarArrays> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".csv") && !p.getFileName().toString().startsWith("_")).sorted().toList()) {
                BarSeries series = CsvBarReader.read(f, CsvBarReader.symbolOf(f), IST, CsvBarReader.Options.STRICT).series();
                out.add(BarArrays.of(Instrument.nseEquity(series.symbol()), series));
            }
        }
        return out;
    }

    /** 50 daily bars at {@code price} (open = high = low = close), from 2024-01-01 IST. */
    private static BarArrays flat(String symbol, long price) {
        int n = 50;
        long[] t = new long[n], p = new long[n], v = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = LocalDate.of(2024, 1, 1).plusDays(i).atStartOfDay(IST).toInstant().toEpochMilli();
            p[i] = price * 100;
            v[i] = 1_000_000;
        }
        return new BarArrays(Instrument.nseEquity(symbol), t, p, p, p, p, v, 2, IST);
    }

    /** Buys {@code quantity} at market at its first bar's close, then holds. */
    private record BuyAtFirstBar(long quantity) implements Strategy {
        @Override
        public StrategyId id() {
            return new StrategyId("buy-once");
        }

        @Override
        public void onBar(BarCursor bar, StrategyContext context) {
            if (bar.index() == 0) context.submit(OrderIntent.market(Side.BUY, Quantity.of(quantity)));
        }
    }
}
