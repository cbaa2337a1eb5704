package io.tradepilot.engine.strategy;

import io.tradepilot.engine.domain.BarCursor;
import io.tradepilot.engine.domain.Instrument;
import io.tradepilot.engine.domain.Money;
import io.tradepilot.engine.portfolio.PortfolioSnapshot;
import io.tradepilot.engine.strategy.SizingRule.Mode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each sizing mode on an equity of 1,000,000, quantities computed by hand in the comments. */
class SizingRuleTest {

    private static final Instrument STOCK = Instrument.nseEquity("ACME");
    private static final Instrument FUTURE = new Instrument("NIFTYFUT", "NSE", Money.INR, new BigDecimal("0.05"), new BigDecimal("75"));

    private static SizingRule rule(Mode mode, String riskFraction, String maxQuantity) {
        return new SizingRule(mode, new BigDecimal("100"), riskFraction == null ? null : new BigDecimal(riskFraction), 3, new BigDecimal("2"),
                new BigDecimal("0.55"), new BigDecimal("2"), BigDecimal.ONE, new BigDecimal("0.02"), maxQuantity == null ? null : new BigDecimal(maxQuantity));
    }

    private static BigDecimal size(PositionSizing sizing, Instrument i, String entry, String stop) {
        return sizing.quantity(context(i), new BigDecimal(entry), stop == null ? null : new BigDecimal(stop));
    }

    @Test
    void fixed_is_the_configured_quantity_whatever_the_stop() {
        assertThat(size(SizingRule.fixed(new BigDecimal("100")).sizing(), STOCK, "1000", null)).isEqualByComparingTo("100");
    }

    @Test
    void fixed_fractional_risks_the_fraction_to_the_stop_in_whole_lots_and_never_enters_without_a_stop() {
        var s = rule(Mode.FIXED_FRACTIONAL, "0.005", null).sizing();
        assertThat(size(s, STOCK, "1000", "980")).isEqualByComparingTo("250");     // 5,000 / 20
        assertThat(size(s, STOCK, "1000", "1025")).isEqualByComparingTo("200");    // a short: 5,000 / 25
        assertThat(size(s, FUTURE, "1000", "980")).isEqualByComparingTo("225");    // 250 units = 3.33 lots of 75 -> 3 lots
        assertThat(size(s, STOCK, "1000", null)).isZero();
        assertThat(size(rule(Mode.FIXED_FRACTIONAL, "0.005", "150").sizing(), STOCK, "1000", "980")).isEqualByComparingTo("150");
    }

    @Test
    void half_kelly_risks_half_the_kelly_fraction_capped() {
        // Kelly (0.55 x 2 - 0.45 x 1) / 2 = 0.325; half 0.1625; capped at 0.02: 20,000 / 20
        var capped = rule(Mode.HALF_KELLY, null, null);
        assertThat(capped.halfKellyFraction()).isEqualByComparingTo("0.02");
        assertThat(size(capped.sizing(), STOCK, "1000", "980")).isEqualByComparingTo("1000");
        var loose = new SizingRule(Mode.HALF_KELLY, null, null, 0, null, new BigDecimal("0.55"), new BigDecimal("2"), BigDecimal.ONE,
                new BigDecimal("0.5"), null);
        assertThat(loose.halfKellyFraction()).isEqualByComparingTo("0.1625");
        assertThat(size(loose.sizing(), STOCK, "1000", "980")).isEqualByComparingTo("8125");   // 162,500 / 20
        var noEdge = new SizingRule(Mode.HALF_KELLY, null, null, 0, null, new BigDecimal("0.3"), BigDecimal.ONE, BigDecimal.ONE,
                new BigDecimal("0.02"), null);
        assertThat(size(noEdge.sizing(), STOCK, "1000", "980")).isZero();
    }

    @Test
    void atr_sizes_to_a_multiple_of_the_strategys_own_atr_once_it_has_enough_bars() {
        var rule = new SizingRule(Mode.ATR, null, new BigDecimal("0.01"), 3, new BigDecimal("2"), null, null, null, null, null);
        var sizing = rule.sizing();
        Strategy sized = SizingRule.sized(new Strategy() {
            @Override public io.tradepilot.engine.orders.StrategyId id() { return new io.tradepilot.engine.orders.StrategyId("s"); }
            @Override public void onBar(BarCursor bar, StrategyContext context) { }
        }, sizing);
        // true ranges after the first bar: 7, 5, 6 -> ATR(3) = 6; distance 2 x 6 = 12; 10,000 / 12 = 833.33 -> 833
        String[][] bars = {{"100", "90", "95"}, {"102", "96", "100"}, {"104", "99", "103"}, {"103", "97", "98"}};
        for (int i = 0; i < bars.length; i++) {
            assertThat(size(sizing, STOCK, "100", null)).as("warming up before bar %d", i).isZero();
            sized.onBar(new BarCursor().set(i, i, 0, cents(bars[i][0]), cents(bars[i][1]), cents(bars[i][2]), 1, 2), context(STOCK));
        }
        assertThat(size(sizing, STOCK, "100", null)).isEqualByComparingTo("833");
    }

    @Test
    void an_incomplete_mode_is_refused() {
        assertThatThrownBy(() -> new SizingRule(Mode.FIXED_FRACTIONAL, null, null, 0, null, null, null, null, null, null))
                .hasMessageContaining("risk-fraction");
        assertThatThrownBy(() -> new SizingRule(Mode.HALF_KELLY, null, null, 0, null, null, null, null, new BigDecimal("0.02"), null))
                .hasMessageContaining("win-rate");
    }

    private static long cents(String price) {
        return new BigDecimal(price).movePointRight(2).longValueExact();
    }

    static StrategyContext context(Instrument instrument) {
        return new StrategyContext() {
            @Override public Instrument instrument() { return instrument; }
            @Override public Instant time() { return Instant.EPOCH; }
            @Override public long positionUnits() { return 0; }
            @Override public BigDecimal position() { return BigDecimal.ZERO; }
            @Override public boolean hasWorkingOrders() { return false; }
            @Override public BigDecimal equity() { return new BigDecimal("1000000"); }
            @Override public PortfolioSnapshot portfolio() { throw new UnsupportedOperationException(); }
            @Override public void submit(OrderIntent intent) { throw new UnsupportedOperationException(); }
        };
    }
}
