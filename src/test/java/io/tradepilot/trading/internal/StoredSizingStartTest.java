package io.tradepilot.trading.internal;

import io.tradepilot.engine.backtest.Backtest;
import io.tradepilot.engine.backtest.BacktestConfig;
import io.tradepilot.engine.backtest.BacktestResult;
import io.tradepilot.engine.backtest.BarArrays;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.marketdata.SyntheticMarket;
import io.tradepilot.engine.portfolio.RoundTrip;
import io.tradepilot.engine.strategy.SizingRule;
import io.tradepilot.engine.strategy.TwapSlicer;
import io.tradepilot.engine.strategy.config.StrategyConfigLoader;
import io.tradepilot.trading.LiveStrategy;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stored configuration document with a risk-based sizing, carried by {@link LiveStrategy} through the start
 * source ({@link LiveStrategyBridge#source}) into the {@link EngineConfiguration} and built by
 * {@link LiveStrategies#create}: its entries are sized by risk, not by the fixed quantity.
 */
class StoredSizingStartTest {

    private static final String DOC = """
            type: momentum
            name: mom
            symbols: [SYN]
            sizing: fixed-fractional
            risk_per_trade: 0.5
            quantity: 100
            """;

    private static EngineConfiguration startedFrom(String document) {
        var loaded = StrategyConfigLoader.parse(document);
        assertThat(loaded.problems()).isEmpty();
        LiveStrategy live = LiveStrategy.of(loaded.config());
        var md = new TradingProperties.MarketData(TradingProperties.Source.SYNTHETIC, 0, Duration.ofMinutes(5), Duration.ofHours(1),
                new BigDecimal("0.2"), new TradingProperties.Synthetic(7, LocalDate.of(2024, 1, 2), 1), new TradingProperties.Csv(null, "NSE"));
        var limits = new TradingProperties.Limits(new BigDecimal("0.02"), null, TradingProperties.LimitAction.TRIP_CIRCUIT_BREAKER);
        var c = new EngineConfiguration(new TradingProperties(true, false, new BigDecimal("1000000"), "INR", ZoneId.of("Asia/Kolkata"), 1,
                Duration.ofMillis(100), Duration.ofMillis(200), List.of(), limits, md));
        c.readFrom(LiveStrategyBridge.source(() -> List.of(live), () -> limits));
        return c;
    }

    private static BacktestResult run(TradingProperties.StrategySettings settings) {
        BarSeries s = SyntheticMarket.generate(SyntheticMarket.Spec.nseDaily("SYN", 1000, 3));
        BarArrays data = new BarArrays(Instrument.nseEquity("SYN"), s.startsMillis(), s.scaledOpens(), s.scaledHighs(), s.scaledLows(),
                s.scaledCloses(), s.volumes(), s.priceScale(), s.zone());
        return Backtest.run(data, LiveStrategies.create(settings), BacktestConfig.of(new BigDecimal("1000000")));
    }

    @Test
    void a_stored_fixed_fractional_version_starts_with_entries_sized_by_risk() {
        var settings = startedFrom(DOC).strategies().getFirst();
        assertThat(settings.sizing().mode()).isEqualTo(SizingRule.Mode.FIXED_FRACTIONAL);
        assertThat(settings.sizing().riskFraction()).isEqualByComparingTo("0.005");

        List<RoundTrip> trades = run(settings).trades();
        assertThat(trades).isNotEmpty();
        RoundTrip first = trades.getFirst();
        // 0.5 % of the starting 1,000,000 at risk to the stop, rounded down to whole units (filled at the next open)
        assertThat(first.initialRisk()).isBetween(new BigDecimal("4000"), new BigDecimal("6000"));
        assertThat(trades).extracting(RoundTrip::quantity).anySatisfy(q -> assertThat(q).isNotEqualByComparingTo("100"));

        var fixed = startedFrom(DOC.replace("sizing: fixed-fractional\nrisk_per_trade: 0.5\n", "sizing: fixed\n")).strategies().getFirst();
        assertThat(run(fixed).trades()).extracting(RoundTrip::quantity).allSatisfy(q -> assertThat(q).isEqualByComparingTo("100"));
    }

    @Test
    void a_stored_atr_version_with_twap_is_built_sliced() {
        var settings = startedFrom(DOC.replace("sizing: fixed-fractional", "sizing: atr") + "atr: {period: 10, multiple: 3}\ntwap: {above: 50, slices: 2}\n")
                .strategies().getFirst();
        assertThat(settings.sizing().mode()).isEqualTo(SizingRule.Mode.ATR);
        assertThat(settings.sizing().atrPeriod()).isEqualTo(10);
        assertThat(settings.sizing().atrMultiple()).isEqualByComparingTo("3");
        assertThat(LiveStrategies.create(settings)).isInstanceOf(TwapSlicer.class);
        var unsliced = startedFrom(DOC.replace("sizing: fixed-fractional", "sizing: atr") + "atr: {period: 10, multiple: 3}\n").strategies().getFirst();
        List<RoundTrip> whole = run(unsliced).trades();
        assertThat(whole.getFirst().quantity()).as("ATR-sized, not the fixed 100").isNotEqualByComparingTo("100");
        List<RoundTrip> sliced = run(settings).trades();
        assertThat(sliced).isNotEmpty();
        assertThat(sliced).extracting(RoundTrip::quantity).allSatisfy(q -> assertThat(q).isLessThan(new BigDecimal("1000")));
    }
}
