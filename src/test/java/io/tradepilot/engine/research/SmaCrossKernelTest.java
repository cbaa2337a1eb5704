package io.tradepilot.engine.research;

import io.tradepilot.engine.backtest.Backtest;
import io.tradepilot.engine.backtest.BacktestConfig;
import io.tradepilot.engine.backtest.BacktestResult;
import io.tradepilot.engine.backtest.BarArrays;
import io.tradepilot.engine.broker.BrokerConfig;
import io.tradepilot.engine.broker.CommissionModel;
import io.tradepilot.engine.broker.FillMode;
import io.tradepilot.engine.broker.Slippage;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.risk.BuyingPower;
import io.tradepilot.engine.strategy.SmaCross;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SmaCrossKernelTest {

    static final BacktestConfig NEXT_OPEN = BacktestConfig.of(new BigDecimal("1000000"))
            .withBroker(BrokerConfig.defaults().withMarketZone(ResearchData.IST));
    static final BacktestConfig CLOSE_WITH_FEES = BacktestConfig.of(new BigDecimal("250000.50"))
            .withBroker(BrokerConfig.defaults().withFillMode(FillMode.SAME_CLOSE).withMarketZone(ResearchData.IST)
                    .withCommission(CommissionModel.percentOfNotional(new BigDecimal("0.1"))));
    static final BacktestConfig PER_SHARE = BacktestConfig.of(new BigDecimal("100000"))
            .withBroker(BrokerConfig.defaults().withMarketZone(ResearchData.IST)
                    .withCommission(CommissionModel.perShare(new BigDecimal("0.013"), new BigDecimal("20"))));

    /** Everything a result reports, compared field by field with the engine's. */
    static void assertSameAsEngine(BacktestResult kernel, BarArrays data, int fast, int slow, Quantity q, BacktestConfig config) {
        BacktestResult engine = Backtest.run(data, new SmaCross(fast, slow, q), config);
        String cell = data.instrument().symbol() + " " + fast + "/" + slow;
        assertThat(kernel.trades()).as(cell + " trades").isEqualTo(engine.trades());
        assertThat(kernel.finalCash()).as(cell + " cash").isEqualTo(engine.finalCash());
        assertThat(kernel.finalEquity()).as(cell + " equity").isEqualTo(engine.finalEquity());
        assertThat(kernel.openQuantity()).as(cell + " open quantity").isEqualTo(engine.openQuantity());
        assertThat(kernel.fees()).as(cell + " fees").isEqualTo(engine.fees());
        assertThat(kernel.realizedPnl()).as(cell + " realized").isEqualTo(engine.realizedPnl());
        assertThat(kernel.ordersAccepted()).as(cell + " orders").isEqualTo(engine.ordersAccepted());
        assertThat(kernel.workingOrdersAtEnd()).as(cell + " working").isEqualTo(engine.workingOrdersAtEnd());
        assertThat(kernel.equityValues()).as(cell + " equity curve").containsExactly(engine.equityValues());
        assertThat(kernel.metrics()).as(cell + " metrics").isEqualTo(engine.metrics());
        int inMarket = 0;
        for (int i = 0; i < engine.bars(); i++) if (engine.inMarket(i)) inMarket++;
        assertThat(engine.metrics().exposureTime()).as(cell + " exposure counted bar by bar")
                .isEqualTo(engine.bars() == 0 ? 0 : (double) inMarket / engine.bars());
    }

    static int grid(List<BarArrays> series, int[] fasts, int[] slows, Quantity q, BacktestConfig config) {
        int cells = 0;
        for (BarArrays a : series) {
            for (int f : fasts) {
                for (int s : slows) {
                    if (s <= f) continue;
                    BacktestResult r = SmaCrossKernel.run(a, SmaCrossKernel.rollingSums(a.close(), f), SmaCrossKernel.rollingSums(a.close(), s),
                            f, s, q, config);
                    assertSameAsEngine(r, a, f, s, q, config);
                    cells++;
                }
            }
        }
        return cells;
    }

    @Test
    void every_cell_of_a_grid_on_the_fixture_equals_the_engine_for_next_open_same_close_and_per_share_fees() {
        int[] fasts = {1, 2, 3, 5, 8, 13, 21}, slows = {2, 4, 9, 20, 30, 55, 120};
        int cells = 0;
        for (BacktestConfig c : List.of(NEXT_OPEN, CLOSE_WITH_FEES, PER_SHARE)) {
            cells += grid(ResearchData.fixtures(), fasts, slows, Quantity.of(100), c);
        }
        assertThat(cells).isGreaterThan(150);
    }

    @Test
    void every_cell_of_a_grid_on_the_49_nifty_series_equals_the_engine() {
        List<BarArrays> nifty = ResearchData.nifty();
        int cells = grid(nifty, new int[]{5, 10, 20, 50}, new int[]{30, 100, 200}, Quantity.of(100), NEXT_OPEN);
        cells += grid(nifty, new int[]{10}, new int[]{30}, Quantity.of(37), CLOSE_WITH_FEES);
        assertThat(cells).isEqualTo(49 * 11 + 49); // 50/30 is not a cell
    }

    @Test
    void a_series_shorter_than_the_slow_period_trades_nothing_like_the_engine() {
        BarArrays a = ResearchData.fixture("SYNB");
        BarArrays head = new BarArrays(a.instrument(), java.util.Arrays.copyOf(a.startMillis(), 10), java.util.Arrays.copyOf(a.open(), 10),
                java.util.Arrays.copyOf(a.high(), 10), java.util.Arrays.copyOf(a.low(), 10), java.util.Arrays.copyOf(a.close(), 10),
                java.util.Arrays.copyOf(a.volume(), 10), a.priceDecimals(), a.zone());
        grid(List.of(head), new int[]{3}, new int[]{10, 11, 30}, Quantity.of(5), NEXT_OPEN);
    }

    @Test
    void configurations_the_kernel_cannot_reproduce_are_refused_so_the_sweep_runs_the_engine() {
        Quantity q = Quantity.of(100);
        assertThat(SmaCrossKernel.supports(NEXT_OPEN, q)).isTrue();
        assertThat(SmaCrossKernel.supports(NEXT_OPEN.withCashOnly(), q)).isFalse();
        assertThat(SmaCrossKernel.supports(NEXT_OPEN.withCloseAtEnd(true), q)).isFalse();
        assertThat(SmaCrossKernel.supports(NEXT_OPEN.withHashEvents(true), q)).isFalse();
        assertThat(SmaCrossKernel.supports(NEXT_OPEN.withBroker(NEXT_OPEN.broker().withSlippage(new Slippage.Bps(BigDecimal.ONE))), q)).isFalse();
        assertThat(SmaCrossKernel.supports(NEXT_OPEN.withBroker(NEXT_OPEN.broker().withParticipation(new BigDecimal("0.1"))), q)).isFalse();
        assertThat(SmaCrossKernel.supports(NEXT_OPEN.withRisk(BuyingPower.CASH), q)).isFalse();
        assertThat(SmaCrossKernel.supports(NEXT_OPEN, new Quantity(new BigDecimal("0.5")))).isFalse();
    }
}
