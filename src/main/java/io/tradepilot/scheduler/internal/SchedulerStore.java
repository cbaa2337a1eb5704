package io.tradepilot.scheduler.internal;

import io.tradepilot.scheduler.EodReport;
import io.tradepilot.scheduler.JobRun;
import io.tradepilot.scheduler.ScanReport;
import io.tradepilot.scheduler.TrackerFinding;
import org.jooq.DSLContext;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.tradepilot.db.Tables.EOD_REPORT;
import static io.tradepilot.db.Tables.JOB_RUN;
import static io.tradepilot.db.Tables.POSITION_CHECK;
import static io.tradepilot.db.Tables.SCAN_RESULT;
import static io.tradepilot.db.Tables.SCAN_SETUP;

/**
 * The scheduler's records in PostgreSQL (V4): job runs and misfires, end-of-day reports and scan
 * results (their bodies as JSON; decimals stay exact), position checks, the scan's setup decisions (V126).
 * Each write is one statement.
 */
public final class SchedulerStore {

    /** Longest detail kept (the column's size). */
    static final int DETAIL_MAX = 4000;

    private final DSLContext db;
    private final JsonMapper json;

    public SchedulerStore(DSLContext db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Records a run (or misfire); returns its id. */
    public long recordRun(String job, String exchange, Instant scheduledAt, Instant startedAt, Instant finishedAt, String outcome,
                          String detail, String instance) {
        String d = detail == null ? "" : detail.length() > DETAIL_MAX ? detail.substring(0, DETAIL_MAX - 1) + "…" : detail;
        return db.insertInto(JOB_RUN)
                .set(JOB_RUN.JOB, job).set(JOB_RUN.EXCHANGE, exchange).set(JOB_RUN.SCHEDULED_AT, scheduledAt)
                .set(JOB_RUN.STARTED_AT, startedAt).set(JOB_RUN.FINISHED_AT, finishedAt).set(JOB_RUN.OUTCOME, outcome)
                .set(JOB_RUN.DETAIL, d).set(JOB_RUN.INSTANCE, instance)
                .returning(JOB_RUN.ID).fetchOne(JOB_RUN.ID);
    }

    public List<JobRun> runs(int limit) {
        return db.selectFrom(JOB_RUN).orderBy(JOB_RUN.ID.desc()).limit(limit).fetch(SchedulerStore::run);
    }

    public List<JobRun> runs(String job, int limit) {
        return db.selectFrom(JOB_RUN).where(JOB_RUN.JOB.eq(job)).orderBy(JOB_RUN.ID.desc()).limit(limit).fetch(SchedulerStore::run);
    }

    /** The latest run of every job that has one, by job name. */
    public Map<String, JobRun> latestRuns() {
        var latest = db.select(JOB_RUN.JOB, org.jooq.impl.DSL.max(JOB_RUN.ID)).from(JOB_RUN).groupBy(JOB_RUN.JOB).fetch();
        List<Long> ids = latest.stream().map(r -> r.value2()).toList();
        Map<String, JobRun> out = new HashMap<>();
        db.selectFrom(JOB_RUN).where(JOB_RUN.ID.in(ids)).fetch(SchedulerStore::run).forEach(r -> out.put(r.job(), r));
        return out;
    }

    private static JobRun run(io.tradepilot.db.tables.records.JobRunRecord r) {
        return new JobRun(r.getId(), r.getJob(), r.getExchange(), r.getScheduledAt(), r.getStartedAt(), r.getFinishedAt(),
                r.getOutcome(), r.getDetail(), r.getInstance());
    }

    /** Stores (or replaces) the report of its day and exchange. */
    public void saveEodReport(EodReport report) {
        String body = json.writeValueAsString(report);
        db.insertInto(EOD_REPORT)
                .set(EOD_REPORT.TRADING_DAY, report.tradingDay()).set(EOD_REPORT.EXCHANGE, report.exchange())
                .set(EOD_REPORT.CREATED_AT, report.createdAt()).set(EOD_REPORT.BODY, body)
                .onConflict(EOD_REPORT.TRADING_DAY, EOD_REPORT.EXCHANGE).doUpdate()
                .set(EOD_REPORT.CREATED_AT, report.createdAt()).set(EOD_REPORT.BODY, body)
                .execute();
    }

    public List<EodReport> eodReports(int limit) {
        return db.select(EOD_REPORT.BODY).from(EOD_REPORT).orderBy(EOD_REPORT.TRADING_DAY.desc(), EOD_REPORT.EXCHANGE).limit(limit)
                .fetch(r -> json.readValue(r.value1(), EodReport.class));
    }

    public List<EodReport> eodReports(LocalDate day) {
        return db.select(EOD_REPORT.BODY).from(EOD_REPORT).where(EOD_REPORT.TRADING_DAY.eq(day)).orderBy(EOD_REPORT.EXCHANGE)
                .fetch(r -> json.readValue(r.value1(), EodReport.class));
    }

    /** Stores a scan; returns it with its id. */
    public ScanReport saveScan(ScanReport scan) {
        String body = json.writeValueAsString(scan.rows());
        long id = db.insertInto(SCAN_RESULT)
                .set(SCAN_RESULT.SCANNER, scan.scanner()).set(SCAN_RESULT.EXCHANGE, scan.exchange()).set(SCAN_RESULT.AS_OF, scan.asOf())
                .set(SCAN_RESULT.CREATED_AT, scan.createdAt()).set(SCAN_RESULT.SYMBOLS, scan.symbols()).set(SCAN_RESULT.BODY, body)
                .returning(SCAN_RESULT.ID).fetchOne(SCAN_RESULT.ID);
        return new ScanReport(id, scan.scanner(), scan.exchange(), scan.asOf(), scan.createdAt(), scan.symbols(), scan.rows());
    }

    /** Replaces the rows of stored scan {@code id} (with the scan's decisions). */
    public void updateScanRows(long id, List<ScanReport.Row> rows) {
        db.update(SCAN_RESULT).set(SCAN_RESULT.BODY, json.writeValueAsString(rows)).where(SCAN_RESULT.ID.eq(id)).execute();
    }

    /** A setup's recorded decision: state TAKEN, SKIPPED or REFUSED, the entry order (TAKEN) and the reason. */
    public record SetupRecord(String setupId, long scanId, String state, String orderId, String reason) {
    }

    /**
     * Claims setup {@code setupId} for entry: inserts it as TAKEN, or turns its SKIPPED/REFUSED row into TAKEN, in one
     * statement. True when this call claimed it (the caller places the entry); false when it was TAKEN already (by
     * an earlier run, a concurrent one or another instance): the primary key makes the claim happen at most once.
     */
    public boolean claimSetup(String setupId, String symbol, LocalDate motherWeek, long scanId, String reason, Instant at) {
        return db.insertInto(SCAN_SETUP)
                .set(SCAN_SETUP.SETUP_ID, setupId).set(SCAN_SETUP.SYMBOL, symbol).set(SCAN_SETUP.MOTHER_WEEK, motherWeek)
                .set(SCAN_SETUP.SCAN_ID, scanId).set(SCAN_SETUP.STATE, "TAKEN").set(SCAN_SETUP.REASON, reason).set(SCAN_SETUP.DECIDED_AT, at)
                .onConflict(SCAN_SETUP.SETUP_ID).doUpdate()
                .set(SCAN_SETUP.SCAN_ID, scanId).set(SCAN_SETUP.STATE, "TAKEN").set(SCAN_SETUP.ORDER_ID, (String) null)
                .set(SCAN_SETUP.REASON, reason).set(SCAN_SETUP.DECIDED_AT, at)
                .where(SCAN_SETUP.STATE.ne("TAKEN"))
                .execute() == 1;
    }

    /** Records the entry order of a setup this run claimed. */
    public void setupEntered(String setupId, String orderId, String reason) {
        db.update(SCAN_SETUP).set(SCAN_SETUP.ORDER_ID, orderId).set(SCAN_SETUP.REASON, reason)
                .where(SCAN_SETUP.SETUP_ID.eq(setupId).and(SCAN_SETUP.STATE.eq("TAKEN"))).execute();
    }

    /** Records that the entry of a setup this run claimed was refused: it becomes REFUSED (a later run may claim it again). */
    public void setupRefused(String setupId, String reason) {
        db.update(SCAN_SETUP).set(SCAN_SETUP.STATE, "REFUSED").set(SCAN_SETUP.REASON, cut(reason))
                .where(SCAN_SETUP.SETUP_ID.eq(setupId).and(SCAN_SETUP.STATE.eq("TAKEN")).and(SCAN_SETUP.ORDER_ID.isNull())).execute();
    }

    private static String cut(String reason) {
        return reason.length() > 1000 ? reason.substring(0, 999) + "…" : reason;
    }

    /**
     * Records a setup skipped (state SKIPPED, with the reason), unless it is TAKEN already (a TAKEN setup stays
     * TAKEN). True when recorded.
     */
    public boolean setupSkipped(String setupId, String symbol, LocalDate motherWeek, long scanId, String reason, Instant at) {
        String state = "SKIPPED";
        String r = cut(reason);
        return db.insertInto(SCAN_SETUP)
                .set(SCAN_SETUP.SETUP_ID, setupId).set(SCAN_SETUP.SYMBOL, symbol).set(SCAN_SETUP.MOTHER_WEEK, motherWeek)
                .set(SCAN_SETUP.SCAN_ID, scanId).set(SCAN_SETUP.STATE, state).set(SCAN_SETUP.REASON, r).set(SCAN_SETUP.DECIDED_AT, at)
                .onConflict(SCAN_SETUP.SETUP_ID).doUpdate()
                .set(SCAN_SETUP.SCAN_ID, scanId).set(SCAN_SETUP.STATE, state).set(SCAN_SETUP.ORDER_ID, (String) null)
                .set(SCAN_SETUP.REASON, r).set(SCAN_SETUP.DECIDED_AT, at)
                .where(SCAN_SETUP.STATE.ne("TAKEN"))
                .execute() == 1;
    }

    /** The recorded decision of a setup, if any. */
    public Optional<SetupRecord> setup(String setupId) {
        return db.selectFrom(SCAN_SETUP).where(SCAN_SETUP.SETUP_ID.eq(setupId)).fetchOptional(r -> new SetupRecord(r.getSetupId(),
                r.getScanId(), r.getState(), r.getOrderId(), r.getReason()));
    }

    public Optional<ScanReport> latestScan() {
        return db.selectFrom(SCAN_RESULT).orderBy(SCAN_RESULT.ID.desc()).limit(1).fetchOptional(r -> new ScanReport(r.getId(),
                r.getScanner(), r.getExchange(), r.getAsOf(), r.getCreatedAt(), r.getSymbols(),
                List.of(json.readValue(r.getBody(), ScanReport.Row[].class))));
    }

    /** Records a tracker finding once per hour, symbol and rule; returns false when it was already recorded. */
    public boolean savePositionCheck(Instant hourStart, String symbol, String rule, BigDecimal quantity, BigDecimal averagePrice,
                                     BigDecimal mark, BigDecimal move, Instant checkedAt) {
        return db.insertInto(POSITION_CHECK)
                .set(POSITION_CHECK.HOUR_START, hourStart).set(POSITION_CHECK.SYMBOL, symbol).set(POSITION_CHECK.RULE, rule)
                .set(POSITION_CHECK.QUANTITY, quantity).set(POSITION_CHECK.AVERAGE_PRICE, averagePrice).set(POSITION_CHECK.MARK, mark)
                .set(POSITION_CHECK.MOVE, move).set(POSITION_CHECK.CHECKED_AT, checkedAt)
                .onConflictDoNothing().execute() == 1;
    }

    /** The newest {@code limit} position checks, newest first. */
    public List<TrackerFinding> trackerFindings(int limit) {
        return db.selectFrom(POSITION_CHECK).orderBy(POSITION_CHECK.CHECKED_AT.desc(), POSITION_CHECK.SYMBOL).limit(limit)
                .fetch(r -> new TrackerFinding(r.getHourStart(), r.getSymbol(), r.getRule(), r.getQuantity(), r.getAveragePrice(),
                        r.getMark(), r.getMove(), r.getCheckedAt()));
    }

    /** Position checks recorded at or after {@code since}, oldest first: symbol, rule, move. */
    public List<String> positionChecksSince(Instant since) {
        return db.select(POSITION_CHECK.SYMBOL, POSITION_CHECK.RULE).from(POSITION_CHECK).where(POSITION_CHECK.CHECKED_AT.ge(since))
                .orderBy(POSITION_CHECK.CHECKED_AT, POSITION_CHECK.SYMBOL).fetch(r -> r.value1() + ":" + r.value2());
    }
}
