package io.tradepilot.backtests.internal;

import io.tradepilot.backtests.BacktestRunner;
import io.tradepilot.engine.backtest.PortfolioLimits;
import io.tradepilot.engine.broker.BrokerConfig;
import io.tradepilot.engine.cli.StrategyParameters;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.marketdata.SyntheticMarket;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The portfolio runner: the engine's progress becomes bars for the worker, and the worker's cancel stops the engine. */
class PortfolioRunnerTest {

    private static final String DOCUMENT = "type: sma-cross\nname: t\nsymbols: [AAA]\nparameters: {fast: 10, slow: 30}\n";

    private static BacktestRunner.Plan plan() throws Exception {
        return new BacktestRunner.Plan(StrategyParameters.fromConfigText("configuration", DOCUMENT), new BigDecimal("10"), new BigDecimal("1000000"),
                BrokerConfig.defaults(), false, false, PortfolioLimits.cashAccount(1, null));
    }

    private static Map<String, BarSeries> series() {
        Map<String, BarSeries> s = new LinkedHashMap<>();
        s.put("AAA", SyntheticMarket.generate(SyntheticMarket.Spec.nseDaily("AAA", 400, 7)));
        s.put("BBB", SyntheticMarket.generate(SyntheticMarket.Spec.nseDaily("BBB", 300, 11)));
        return s;
    }

    @Test
    void every_bar_is_reported_and_the_account_result_comes_back() throws Exception {
        long[] bars = {0};
        var outcome = new PortfolioRunner().run(plan(), series(), new BacktestRunner.Progress() {
            @Override public void bar() { bars[0]++; }
            @Override public void checkpoint() { }
        });
        assertThat(bars[0]).isEqualTo(700);
        assertThat(outcome.bySymbol()).isEmpty();
        assertThat(outcome.portfolio().trades()).isNotEmpty();
        assertThat(outcome.portfolio().reconciliationDifference()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(outcome.portfolio().maxOpenPositions()).isLessThanOrEqualTo(1);
    }

    @Test
    void a_cancel_seen_while_reporting_bars_stops_the_run() {
        long[] bars = {0};
        assertThatThrownBy(() -> new PortfolioRunner().run(plan(), series(), new BacktestRunner.Progress() {
            @Override public void bar() {
                if (++bars[0] == 100) throw new BacktestRunner.Cancelled();
            }
            @Override public void checkpoint() { }
        })).isInstanceOf(BacktestRunner.Cancelled.class);
        assertThat(bars[0]).isLessThan(700);
    }
}
