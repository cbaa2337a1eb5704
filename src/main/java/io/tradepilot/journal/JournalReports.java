package io.tradepilot.journal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The stored performance reports (end of day, week, month) and the report of a period as it stands now. Read-only
 * for every signed-in role; the reports are written by the application itself after each end-of-day report of the
 * scheduler (see docs/journal.md), not by people.
 */
public interface JournalReports {

    /** The newest {@code limit} (1..500) stored reports of {@code period} (null: every period), newest period first. */
    List<PerformanceReport> stored(ReportPeriod period, int limit);

    /** The stored report of the period starting {@code start}, empty when none was stored. */
    Optional<PerformanceReport> stored(ReportPeriod period, LocalDate start);

    /** The report of the period holding {@code day} from the ledger now, with the portfolio now; not stored. */
    PerformanceReport now(ReportPeriod period, LocalDate day);
}
