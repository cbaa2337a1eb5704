package io.tradepilot.engine.core;

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
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The peak and day-start equity a restarted engine continues from (recovery before the first bar). */
class TradingEngineRiskBaselineTest {

    private static final Instrument ACME = Instrument.nseEquity("ACME");
    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private final SimulatedClock clock = new SimulatedClock();

    private TradingEngine engine() {
        return new TradingEngine(EngineConfig.simple(Money.of("100000", Money.INR)).withMarketZone(IST), clock,
                OrderIdGenerator.sequential("O"), e -> { });
    }

    private void bar(TradingEngine e, String at, String price) {
        Instant t = Instant.parse(at);
        clock.setMillis(t.toEpochMilli());
        e.accept(new EngineCommand.OnBar(ACME, new Bar(t, Price.of(price), Price.of(price), Price.of(price), Price.of(price), 100)));
    }

    /** A long of 100 ACME bought at 100 (cash 90,000), as replayed from the ledger. */
    private TradingEngine withLong() {
        TradingEngine e = engine();
        bar(e, "2025-01-06T04:00:00Z", "100");
        e.accept(new EngineCommand.PlaceOrder(OrderRequest.market(new ClientOrderId("b"), StrategyId.MANUAL, ACME, Side.BUY, Quantity.of(100))));
        bar(e, "2025-01-06T04:05:00Z", "100");
        return e;
    }

    @Test
    void on_the_same_market_day_drawdown_and_daily_loss_measure_from_the_restored_peak_and_day_start() {
        TradingEngine e = withLong();
        e.restoreRiskBaseline(new BigDecimal("104000"), new BigDecimal("102000"), Instant.parse("2025-01-06T09:55:00Z"));
        // 2025-01-06T10:00Z is 15:30 IST, still 6 January in Kolkata: the day goes on
        bar(e, "2025-01-06T10:00:00Z", "90");
        var p = e.snapshot().portfolio();
        assertThat(p.equity()).isEqualByComparingTo("99000");
        assertThat(p.peakEquity()).isEqualByComparingTo("104000");
        assertThat(p.drawdown()).isEqualByComparingTo(new BigDecimal("5000").divide(new BigDecimal("104000"), java.math.MathContext.DECIMAL64));
        assertThat(p.dayStartEquity()).isEqualByComparingTo("102000");
        assertThat(e.portfolio().dayPnl()).isEqualByComparingTo("-3000");
    }

    @Test
    void a_bar_on_a_later_market_day_starts_a_new_day_from_the_equity_then_but_keeps_the_peak() {
        TradingEngine e = withLong();
        e.restoreRiskBaseline(new BigDecimal("104000"), new BigDecimal("102000"), Instant.parse("2025-01-06T09:55:00Z"));
        // 2025-01-06T19:00Z is 00:30 IST on 7 January: a new market day
        bar(e, "2025-01-06T19:00:00Z", "95");
        var p = e.snapshot().portfolio();
        assertThat(p.dayStartEquity()).as("equity at the day's first bar, before its mark").isEqualByComparingTo("100000");
        assertThat(p.peakEquity()).isEqualByComparingTo("104000");
        assertThat(p.equity()).isEqualByComparingTo("99500");
    }

    @Test
    void a_new_peak_after_the_restart_replaces_the_restored_one() {
        TradingEngine e = withLong();
        e.restoreRiskBaseline(new BigDecimal("104000"), new BigDecimal("102000"), Instant.parse("2025-01-06T09:55:00Z"));
        bar(e, "2025-01-06T10:00:00Z", "150");
        assertThat(e.snapshot().portfolio().peakEquity()).isEqualByComparingTo("105000");
        assertThat(e.snapshot().portfolio().drawdown()).isEqualByComparingTo("0");
    }

    @Test
    void a_missing_or_non_positive_baseline_is_refused() {
        TradingEngine e = withLong();
        assertThatThrownBy(() -> e.restoreRiskBaseline(BigDecimal.ZERO, BigDecimal.ONE, Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> e.restoreRiskBaseline(null, BigDecimal.ONE, Instant.EPOCH)).isInstanceOf(NullPointerException.class);
    }
}
