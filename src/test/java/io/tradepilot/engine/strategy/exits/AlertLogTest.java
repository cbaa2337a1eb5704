package io.tradepilot.engine.strategy.exits;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertLogTest {
    @Test
    void one_alert_per_trade_hour_and_rule() {
        AlertLog log = new AlertLog();
        assertTrue(log.add("T1", Instant.parse("2024-01-02T04:00:00Z"), "caution", "-3 %"));
        assertFalse(log.add("T1", Instant.parse("2024-01-02T04:59:59Z"), "caution", "-3.2 %"), "same hour");
        assertTrue(log.add("T1", Instant.parse("2024-01-02T05:00:00Z"), "caution", "-3.1 %"), "next hour");
        assertTrue(log.add("T1", Instant.parse("2024-01-02T04:10:00Z"), "breakeven", "+3 %"), "other rule");
        assertTrue(log.add("T2", Instant.parse("2024-01-02T04:10:00Z"), "caution", "-3 %"), "other trade");
        assertEquals(4, log.alerts().size());
        assertEquals("T1_2024-01-02T04:00:00Z_caution", log.alerts().get(0).key());
    }
}
