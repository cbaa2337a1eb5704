package io.tradepilot.engine.backtest;

import io.tradepilot.engine.broker.BrokerConfig;
import io.tradepilot.engine.broker.CommissionModel;
import io.tradepilot.engine.broker.FillMode;
import io.tradepilot.engine.broker.Slippage;
import io.tradepilot.engine.broker.ZerodhaCharges;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.strategy.Strategies;
import io.tradepilot.engine.testing.RandomWalkBars;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paper broker behind the execution venue port fills exactly as the paper broker inside the engine did:
 * the event stream hashes (and trade counts) below were recorded with the engine before the port existed
 * (commit e4359d5), for strategies that place market, limit and stop orders, with next-open and same-close
 * fills, slippage, commissions, and a volume cap that makes orders fill partially over several bars.
 */
class VenueDeterminismTest {

    private static final BarArrays DATA = RandomWalkBars.generate(Instrument.nseEquity("RW"), 5_000, 42L);

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({
            "sma-cross,      next-open,     98,   687,  eecd670f12c30146",
            "sma-cross,      same-close,    99,   693,  d7e6e5a361002253",
            "sma-cross,      participation, 234,  831,  85ed24086f073086",
            "mean-reversion, next-open,     372,  4440, e2f096b006a62770",
            "mean-reversion, same-close,    372,  4530, c15652fa19ce5ccd",
            "mean-reversion, participation, 1797, 8479, 1fcc970f8ad47cac",
            "trend-pullback, next-open,     175,  6551, c88a0d22c952e13c",
            "trend-pullback, same-close,    178,  6528, 83e64978bd7ea7e1",
            "trend-pullback, participation, 1184, 9815, 48d4ba6cf8246ac1",
            "momentum,       next-open,     99,   3150, 41912778c630e49c",
            "momentum,       same-close,    100,  3156, 16967bbbbd852deb",
            "momentum,       participation, 666,  4937, f0935c89dd76dccf",
    })
    void a_reference_backtest_gives_the_event_stream_recorded_before_the_venue_port(String strategy, String broker, int trades,
                                                                                   long events, String hash) {
        BacktestResult r = Backtest.run(DATA, Strategies.create(strategy, Map.of(), Quantity.of(100)),
                BacktestConfig.of(new BigDecimal("1000000")).withBroker(broker(broker)).withCloseAtEnd(true).withHashEvents(true));

        assertThat(r.trades()).hasSize(trades);
        assertThat(r.eventCount()).isEqualTo(events);
        assertThat(Long.toHexString(r.eventHash())).isEqualTo(hash.replaceFirst("^0+", ""));
    }

    /** The reference brokers by name (also used by the portfolio backtest's tests). */
    static BrokerConfig broker(String name) {
        return switch (name) {
            case "next-open" -> BrokerConfig.defaults();
            case "same-close" -> BrokerConfig.defaults().withFillMode(FillMode.SAME_CLOSE).withSlippage(new Slippage.Ticks(1))
                    .withCommission(CommissionModel.percentOfNotional(new BigDecimal("0.1")));
            case "participation" -> BrokerConfig.defaults().withParticipation(new BigDecimal("0.0005")).withCommission(ZerodhaCharges.delivery());
            default -> throw new IllegalArgumentException(name);
        };
    }
}
