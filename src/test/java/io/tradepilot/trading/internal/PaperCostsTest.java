package io.tradepilot.trading.internal;

import io.tradepilot.engine.broker.AlpacaCharges;
import io.tradepilot.engine.broker.CommissionModel;
import io.tradepilot.engine.broker.ZerodhaCharges;
import io.tradepilot.engine.core.EngineCommand;
import io.tradepilot.engine.core.EngineConfig;
import io.tradepilot.engine.core.EngineEvent;
import io.tradepilot.engine.core.SimulatedClock;
import io.tradepilot.engine.core.TradingEngine;
import io.tradepilot.engine.domain.Bar;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.domain.Price;
import io.tradepilot.engine.domain.Quantity;
import io.tradepilot.engine.domain.Side;
import io.tradepilot.engine.orders.ClientOrderId;
import io.tradepilot.engine.orders.OrderIdGenerator;
import io.tradepilot.engine.orders.OrderRequest;
import io.tradepilot.engine.orders.StrategyId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The live paper broker's slippage and charges ({@code tradepilot.trading.paper}), with hand-computed fills. */
class PaperCostsTest {

    private static TradingProperties properties(TradingProperties.Paper paper, String exchange, boolean intraday) {
        var strategy = new TradingProperties.StrategySettings(null, "sma-cross", List.of("ACME"), new BigDecimal("100"), Map.of(), intraday);
        var md = new TradingProperties.MarketData("NSE".equals(exchange) ? TradingProperties.Source.SYNTHETIC : TradingProperties.Source.CSV,
                60, Duration.ofMinutes(5), Duration.ofSeconds(60), new BigDecimal("0.2"),
                new TradingProperties.Synthetic(1, LocalDate.of(2025, 1, 6), 1), new TradingProperties.Csv(Path.of("x"), exchange));
        return new TradingProperties(true, false, new BigDecimal("1000000"), "INR", ZoneId.of("Asia/Kolkata"), 1, Duration.ofMillis(250),
                Duration.ofSeconds(10), List.of(strategy), new TradingProperties.Limits(null, null, TradingProperties.LimitAction.TRIP_CIRCUIT_BREAKER),
                md, new TradingProperties.SquareOff(java.time.LocalTime.of(15, 25), Duration.ofMinutes(5)), paper);
    }

    @Test
    void auto_charges_are_zerodhas_on_nse_intraday_when_every_strategy_is_and_alpacas_on_a_us_replay() {
        var auto = new TradingProperties.Paper(new BigDecimal("5"), TradingProperties.Charges.AUTO);
        assertThat(PaperCosts.commission(properties(auto, "NSE", false))).isEqualTo(ZerodhaCharges.delivery());
        assertThat(PaperCosts.commission(properties(auto, "NSE", true))).isEqualTo(ZerodhaCharges.intraday());
        assertThat(PaperCosts.commission(properties(auto, "NASDAQ", false))).isEqualTo(AlpacaCharges.DEFAULT);
        assertThat(PaperCosts.commission(properties(TradingProperties.Paper.FREE, "NSE", false))).isEqualTo(CommissionModel.NONE);
    }

    @Test
    void a_paper_round_trip_pays_5_bps_each_way_and_zerodhas_delivery_charges_to_the_paisa() {
        var props = properties(new TradingProperties.Paper(new BigDecimal("5"), TradingProperties.Charges.AUTO), "NSE", false);
        List<EngineEvent> events = new ArrayList<>();
        SimulatedClock clock = new SimulatedClock();
        TradingEngine engine = new TradingEngine(EngineConfig.simple(Money.of("1000000", Money.INR)).withBroker(PaperCosts.broker(props))
                .withMarketZone(props.marketZone()), clock, OrderIdGenerator.sequential("O"), events::add);
        Instrument acme = Instrument.nseEquity("ACME");
        Instant t = Instant.parse("2025-01-06T04:00:00Z");
        bar(engine, clock, acme, t, "1000");
        engine.accept(new EngineCommand.PlaceOrder(OrderRequest.market(new ClientOrderId("b"), StrategyId.MANUAL, acme, Side.BUY, Quantity.of(100))));
        bar(engine, clock, acme, t.plusSeconds(300), "1000");
        engine.accept(new EngineCommand.PlaceOrder(OrderRequest.market(new ClientOrderId("s"), StrategyId.MANUAL, acme, Side.SELL, Quantity.of(100))));
        bar(engine, clock, acme, t.plusSeconds(600), "1010");

        var fills = events.stream().filter(e -> e instanceof EngineEvent.OrderFilled).map(e -> (EngineEvent.OrderFilled) e).toList();
        assertThat(fills).hasSize(2);
        // buy: 1,000 + 5 bps = 1,000.50; turnover 100,050: STT 100.05, exchange 2.97, SEBI 0.10, GST 0.55, stamp 15.01
        assertThat(fills.get(0).price().value()).isEqualByComparingTo("1000.50");
        assertThat(fills.get(0).commission().amount()).isEqualByComparingTo("118.68");
        // sell: 1,010 - 5 bps = 1,009.495; turnover 100,949.50: STT 100.95, exchange 3.00, SEBI 0.10, GST 0.56
        assertThat(fills.get(1).price().value()).isEqualByComparingTo("1009.495");
        assertThat(fills.get(1).commission().amount()).isEqualByComparingTo("104.61");
        var portfolio = engine.snapshot().portfolio();
        assertThat(portfolio.cash()).isEqualByComparingTo("1000676.21");
        assertThat(portfolio.fees()).isEqualByComparingTo("223.29");
        assertThat(engine.portfolio().roundTrips()).singleElement().satisfies(rt -> assertThat(rt.netPnl()).isEqualByComparingTo("676.21"));
    }

    @Test
    void alpaca_charges_nothing_on_buys_and_the_sec_fee_and_finra_taf_on_sells_rounded_up_to_the_cent() {
        var fees = AlpacaCharges.DEFAULT;
        assertThat(fees.charges(Side.BUY, new BigDecimal("100"), new BigDecimal("250"), true)).isEqualByComparingTo("0");
        // proceeds 25,000 x 0.0000278 = 0.695 -> 0.70; 100 x 0.000166 = 0.0166 -> 0.02
        assertThat(fees.breakdown(Side.SELL, new BigDecimal("100"), new BigDecimal("250")))
                .isEqualTo(new AlpacaCharges.Breakdown(new BigDecimal("0.70"), new BigDecimal("0.02")));
        // 100,000 shares: TAF 16.60 capped at 8.30
        assertThat(fees.breakdown(Side.SELL, new BigDecimal("100000"), new BigDecimal("1")).taf()).isEqualByComparingTo("8.30");
    }

    private static void bar(TradingEngine engine, SimulatedClock clock, Instrument i, Instant t, String price) {
        clock.setMillis(t.toEpochMilli());
        BigDecimal p = new BigDecimal(price);  // a range of 10 either side: slippage is clamped to the bar
        engine.accept(new EngineCommand.OnBar(i, new Bar(t, Price.of(price), new Price(p.add(BigDecimal.TEN)), new Price(p.subtract(BigDecimal.TEN)),
                Price.of(price), 1_000_000)));
    }
}
