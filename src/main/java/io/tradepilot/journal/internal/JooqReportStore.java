package io.tradepilot.journal.internal;

import io.tradepilot.base.format.Json;
import io.tradepilot.journal.PerformanceReport;
import io.tradepilot.journal.ReportPeriod;
import org.jooq.DSLContext;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static io.tradepilot.db.Tables.JOURNAL_REPORT;

/** The journal's stored reports ({@code journal_report}): one per period and start, the report as JSON. */
class JooqReportStore {

    private final DSLContext db;
    private final JsonMapper json = Json.mapper();

    JooqReportStore(DSLContext db) {
        this.db = db;
    }

    /** Stores (or replaces) the report of its period. */
    void save(PerformanceReport report) {
        String body = json.writeValueAsString(report);
        db.insertInto(JOURNAL_REPORT)
                .set(JOURNAL_REPORT.PERIOD, report.period().name()).set(JOURNAL_REPORT.PERIOD_START, report.start())
                .set(JOURNAL_REPORT.PERIOD_END, report.end()).set(JOURNAL_REPORT.CREATED_AT, report.createdAt())
                .set(JOURNAL_REPORT.BODY, body)
                .onConflict(JOURNAL_REPORT.PERIOD, JOURNAL_REPORT.PERIOD_START).doUpdate()
                .set(JOURNAL_REPORT.CREATED_AT, report.createdAt()).set(JOURNAL_REPORT.BODY, body)
                .execute();
    }

    /** When the report of the period starting {@code start} was made, empty when none is stored. */
    Optional<Instant> createdAt(ReportPeriod period, LocalDate start) {
        return db.select(JOURNAL_REPORT.CREATED_AT).from(JOURNAL_REPORT)
                .where(JOURNAL_REPORT.PERIOD.eq(period.name()), JOURNAL_REPORT.PERIOD_START.eq(start))
                .fetchOptional(JOURNAL_REPORT.CREATED_AT);
    }

    Optional<PerformanceReport> find(ReportPeriod period, LocalDate start) {
        return db.select(JOURNAL_REPORT.BODY).from(JOURNAL_REPORT)
                .where(JOURNAL_REPORT.PERIOD.eq(period.name()), JOURNAL_REPORT.PERIOD_START.eq(start))
                .fetchOptional(r -> json.readValue(r.value1(), PerformanceReport.class));
    }

    /** The newest {@code limit} reports of {@code period} (null: all), newest start first, days before weeks before months. */
    List<PerformanceReport> newest(ReportPeriod period, int limit) {
        var q = db.select(JOURNAL_REPORT.BODY).from(JOURNAL_REPORT);
        var where = period == null ? q.where() : q.where(JOURNAL_REPORT.PERIOD.eq(period.name()));
        return where.orderBy(JOURNAL_REPORT.PERIOD_START.desc(), JOURNAL_REPORT.PERIOD).limit(limit)
                .fetch(r -> json.readValue(r.value1(), PerformanceReport.class));
    }
}
