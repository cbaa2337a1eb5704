package io.tradepilot.journal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tradepilot.journal.TradeFill;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

class ChargeSharesTest {

    private static final Map<String, BigDecimal> KINDS = kinds("BROKERAGE", "20.00", "STT", "25.00", "EXCHANGE", "2.97",
            "SEBI", "0.10", "GST", "4.16", "STAMP", "0.00");
    private static final BigDecimal TOTAL = new BigDecimal("52.23");

    @Test
    void a_fill_that_belongs_to_one_trade_whole_keeps_its_kinds() {
        assertThat(ChargeShares.of(share(TradeFill.Role.EXIT, "30", "52.23"), new BigDecimal("30"), TOTAL, KINDS)).isEqualTo(KINDS);
    }

    @Test
    void a_reversing_fills_kinds_split_like_its_commission_and_each_part_adds_up_exactly() {
        // 30 sold against a long of 10: a third closes the old trade, two thirds open the next (commission 17.41 / 34.82)
        BigDecimal closingFee = new BigDecimal("17.41");
        BigDecimal openingFee = TOTAL.subtract(closingFee);
        Map<String, BigDecimal> closing = ChargeShares.of(share(TradeFill.Role.EXIT, "10", "17.41"), new BigDecimal("30"), TOTAL, KINDS);
        Map<String, BigDecimal> opening = ChargeShares.of(share(TradeFill.Role.ENTRY, "20", openingFee.toPlainString()),
                new BigDecimal("30"), TOTAL, KINDS);

        assertThat(closing.keySet()).containsExactlyElementsOf(KINDS.keySet());
        assertThat(sum(closing)).isEqualByComparingTo(closingFee);
        assertThat(sum(opening)).isEqualByComparingTo(openingFee);
        for (String kind : KINDS.keySet()) {
            assertThat(closing.get(kind).add(opening.get(kind))).as(kind).isEqualByComparingTo(KINDS.get(kind));
            assertThat(closing.get(kind).signum()).as(kind).isGreaterThanOrEqualTo(0);
        }
        assertThat(closing.get("BROKERAGE")).isEqualByComparingTo(new BigDecimal("20.00").divide(new BigDecimal("3"), java.math.MathContext.DECIMAL128));
        assertThat(opening.get("STAMP")).isEqualByComparingTo("0");
    }

    @Test
    void a_single_unitemised_commission_follows_the_share() {
        var c = ChargeShares.of(share(TradeFill.Role.ENTRY, "5", "1"), new BigDecimal("15"), new BigDecimal("3"), kinds("COMMISSION", "3"));
        assertThat(c).containsExactly(Map.entry("COMMISSION", new BigDecimal("1")));
    }

    private static TradeFill share(TradeFill.Role role, String quantity, String commission) {
        return new TradeFill(7, "O7", "s:ABC:7", Instant.EPOCH, "SELL", role, new BigDecimal(quantity), new BigDecimal("100"),
                new BigDecimal(commission), null, "MARKET", "s");
    }

    private static Map<String, BigDecimal> kinds(String... pairs) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put(pairs[i], new BigDecimal(pairs[i + 1]));
        return m;
    }

    private static BigDecimal sum(Map<String, BigDecimal> m) {
        return m.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
