package io.tradepilot.journal.internal;

import io.tradepilot.base.PeriodicTask;
import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.journal.ReportPeriod;
import io.tradepilot.scheduler.EodReport;
import io.tradepilot.scheduler.SchedulerQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import java.util.function.Supplier;

/**
 * Stores the journal's reports after the scheduler's end-of-day reports: every {@code poll} it looks at the
 * end-of-day reports made in the last day and, for each one newer than the stored journal report of its day,
 * stores the DAY report of that day; when the day is its exchange's last trading day of the week (or month), the
 * WEEK (or MONTH) report too. A later end-of-day report of the same day (another exchange) replaces them, so the
 * stored report covers every exchange's day. Idempotent: any number of instances may run it.
 */
final class ReportWriter extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(ReportWriter.class);

    private final Supplier<SchedulerQueries> scheduler;
    private final DefaultJournalReports reports;
    private final JooqReportStore store;
    private final Clock clock;

    ReportWriter(Supplier<SchedulerQueries> scheduler, DefaultJournalReports reports, JooqReportStore store, Clock clock,
                 Duration poll) {
        super("journal-reports", poll);
        this.scheduler = scheduler;
        this.reports = reports;
        this.store = store;
        this.clock = clock;
    }

    @Override
    protected void poll() {
        writeNew();
    }

    /** Stores the reports of the end-of-day reports of the last day that are newer than what is stored. */
    void writeNew() {
        try {
            SchedulerQueries queries = scheduler.get();
            if (queries == null) return;
            Instant since = clock.instant().minus(Duration.ofDays(1));
            for (EodReport eod : queries.eodReports(10)) {
                if (eod.createdAt() == null || eod.createdAt().isBefore(since)) continue;
                Instant stored = store.createdAt(ReportPeriod.DAY, eod.tradingDay()).orElse(null);
                if (stored != null && !stored.isBefore(eod.createdAt())) continue;
                write(eod.tradingDay(), ExchangeCalendar.of(eod.exchange()));
            }
        } catch (RuntimeException e) {
            log.warn("The journal's reports could not be written ({})", e.getClass().getSimpleName());
        }
    }

    /** Stores the DAY report of {@code day} and, after the calendar's last trading day of a week or month, that period's. */
    void write(LocalDate day, ExchangeCalendar calendar) {
        reports.store(ReportPeriod.DAY, day);
        for (ReportPeriod period : periodsEndingOn(day, calendar)) reports.store(period, day);
    }

    /** WEEK and/or MONTH when {@code day} is the calendar's last trading day of its week or month. */
    static java.util.List<ReportPeriod> periodsEndingOn(LocalDate day, ExchangeCalendar calendar) {
        LocalDate next = calendar.nextTradingDay(day);
        java.util.List<ReportPeriod> out = new java.util.ArrayList<>(2);
        if (!ReportPeriod.WEEK.start(next).equals(ReportPeriod.WEEK.start(day))) out.add(ReportPeriod.WEEK);
        if (!ReportPeriod.MONTH.start(next).equals(ReportPeriod.MONTH.start(day))) out.add(ReportPeriod.MONTH);
        return out;
    }
}
