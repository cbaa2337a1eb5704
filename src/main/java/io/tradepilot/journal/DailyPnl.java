package io.tradepilot.journal;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The closed trades of one market-zone calendar day (by exit time): their count and net P&L (exact). */
public record DailyPnl(LocalDate day, int trades, BigDecimal netPnl) {
}
