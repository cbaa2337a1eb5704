package io.tradepilot.engine.strategy.threeweek;

import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.marketdata.TimeStamping;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ThreeWeekInsideScannerTest {
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    /** Mother week 2025-01-06 (H110 L90 C100), two inside weeks, breakout Friday 2025-01-31 closing at {@code close} (x {@code k}). */
    static BarSeries pattern(String symbol, long k, String close) {
        BarSeries.Builder b = new BarSeries.Builder(symbol, IST, TimeStamping.DATE, 2, 32);
        long c = new BigDecimal(close).movePointRight(2).longValueExact();
        day(b, "2025-01-06", 100 * k, 110 * k, 100 * k, 105 * k);
        day(b, "2025-01-07", 105 * k, 106 * k, 90 * k, 95 * k);
        day(b, "2025-01-08", 95 * k, 100 * k, 95 * k, 98 * k);
        day(b, "2025-01-09", 98 * k, 101 * k, 97 * k, 100 * k);
        day(b, "2025-01-10", 100 * k, 101 * k, 99 * k, 100 * k);
        for (String d : List.of("2025-01-13", "2025-01-14", "2025-01-15", "2025-01-16", "2025-01-17", "2025-01-20", "2025-01-21",
                "2025-01-22", "2025-01-23", "2025-01-24", "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30")) {
            day(b, d, 100 * k, 102 * k, 98 * k, 100 * k);
        }
        b.add(LocalDate.parse("2025-01-31").atStartOfDay(IST).toInstant().toEpochMilli(), 10_000 * k, Math.max(c, 10_000 * k), 10_000 * k, c, 1000);
        return b.build();
    }

    static void day(BarSeries.Builder b, String d, long o, long h, long l, long c) {
        b.add(LocalDate.parse(d).atStartOfDay(IST).toInstant().toEpochMilli(), o * 100, h * 100, l * 100, c * 100, 1000);
    }

    @Test
    void tradeable_breakouts_are_sized_by_quality_until_the_open_risk_cap_and_the_rest_get_zero_with_a_note() {
        Map<String, BarSeries> u = new LinkedHashMap<>();
        u.put("AAA", pattern("AAA", 1, "111"));
        u.put("BBB", pattern("BBB", 2, "222"));
        // cap 1.5 % of 400,000 = 6,000: room for one trade of ~5,985 risk
        var params = new ThreeWeekInsideParameters(new BigDecimal("400000"), new BigDecimal("0.015"), new BigDecimal("0.015"), 4, false, false);
        List<ScanRow> rows = new ThreeWeekInsideScanner(params, ExchangeCalendar.nse()).scan(u, LocalDate.parse("2025-01-31"), BigDecimal.ZERO);
        assertEquals(2, rows.size());
        assertEquals("AAA", rows.get(0).setup().symbol());
        assertEquals(0, rows.get(0).plan().quantity().compareTo(new BigDecimal("285")));
        assertEquals("", rows.get(0).note());
        assertEquals(0, rows.get(1).plan().quantity().signum());
        assertEquals("open risk cap 6000.000 reached", rows.get(1).note());
    }

    @Test
    void risk_already_open_counts_against_the_cap() {
        var params = new ThreeWeekInsideParameters(new BigDecimal("400000"), new BigDecimal("0.015"), new BigDecimal("0.06"), 4, false, false);
        List<ScanRow> rows = new ThreeWeekInsideScanner(params, ExchangeCalendar.nse())
                .scan(Map.of("AAA", pattern("AAA", 1, "111")), null, new BigDecimal("20000"));
        assertEquals(0, rows.get(0).plan().quantity().signum());
    }
}
