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
import static io.tradepilot.db.Tables.NEAR_BREAKOUT;
import static io.tradepilot.db.Tables.POSITION_CHECK;
import static io.tradepilot.db.Tables.SCAN_RESULT;
import static io.tradepilot.db.Tables.SCAN_SETUP;
import static io.tradepilot.db.Tables.SETUP_EXIT;
import static io.tradepilot.db.Tables.SETUP_STOP;

/**
 * The scheduler's records in PostgreSQL (V4): job runs and misfires, end-of-day reports and scan
 * results (their bodies as JSON; decimals stay exact), position checks, the scan's setup decisions (V126), the
 * plans and exits of entered setups and the near-breakout watch (V146).
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

    /** Replaces the rows of stored scan {@code id} with the scan's decisions and marks it complete at {@code at}. */
    public void updateScanRows(long id, List<ScanReport.Row> rows, Instant at) {
        db.update(SCAN_RESULT).set(SCAN_RESULT.BODY, json.writeValueAsString(rows)).set(SCAN_RESULT.COMPLETED_AT, at)
                .where(SCAN_RESULT.ID.eq(id)).execute();
    }

    /** The id of the completed scan of {@code scanner} on {@code exchange} for trading day {@code day} and slot {@code slot}, if any. */
    public Optional<Long> completedSlotScan(String scanner, String exchange, LocalDate day, String slot) {
        return db.select(SCAN_RESULT.ID).from(SCAN_RESULT).where(SCAN_RESULT.SCANNER.eq(scanner).and(SCAN_RESULT.EXCHANGE.eq(exchange))
                .and(SCAN_RESULT.TRADING_DAY.eq(day)).and(SCAN_RESULT.SLOT.eq(slot)).and(SCAN_RESULT.COMPLETED_AT.isNotNull()))
                .fetchOptional(SCAN_RESULT.ID);
    }

    /**
     * Stores the scan of trading day {@code day}'s slot {@code slot} (HH:MM): inserts it, or replaces the slot's stored scan
     * whose decisions were never recorded (its run died), keeping its id. Empty when the slot's scan is complete already
     * (by any run or instance): the unique key (scanner, exchange, day, slot) lets a slot be scanned once.
     */
    public Optional<ScanReport> saveSlotScan(ScanReport scan, LocalDate day, String slot) {
        String body = json.writeValueAsString(scan.rows());
        Long id = db.insertInto(SCAN_RESULT)
                .set(SCAN_RESULT.SCANNER, scan.scanner()).set(SCAN_RESULT.EXCHANGE, scan.exchange()).set(SCAN_RESULT.AS_OF, scan.asOf())
                .set(SCAN_RESULT.CREATED_AT, scan.createdAt()).set(SCAN_RESULT.SYMBOLS, scan.symbols()).set(SCAN_RESULT.BODY, body)
                .set(SCAN_RESULT.TRADING_DAY, day).set(SCAN_RESULT.SLOT, slot)
                .onConflict(SCAN_RESULT.SCANNER, SCAN_RESULT.EXCHANGE, SCAN_RESULT.TRADING_DAY, SCAN_RESULT.SLOT).doUpdate()
                .set(SCAN_RESULT.AS_OF, scan.asOf()).set(SCAN_RESULT.CREATED_AT, scan.createdAt()).set(SCAN_RESULT.SYMBOLS, scan.symbols())
                .set(SCAN_RESULT.BODY, body)
                .where(SCAN_RESULT.COMPLETED_AT.isNull())
                .returning(SCAN_RESULT.ID).fetchOptional(SCAN_RESULT.ID).orElse(null);
        if (id == null) return Optional.empty();
        return Optional.of(new ScanReport(id, scan.scanner(), scan.exchange(), scan.asOf(), scan.createdAt(), scan.symbols(), scan.rows()));
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

    /** Records the entry order of a setup this run claimed, with the plan it was entered with (the exit watch's input). */
    public void setupEntered(String setupId, String orderId, String reason, Plan plan) {
        db.update(SCAN_SETUP).set(SCAN_SETUP.ORDER_ID, orderId).set(SCAN_SETUP.REASON, reason)
                .set(SCAN_SETUP.SIDE, plan.side()).set(SCAN_SETUP.QUANTITY, plan.quantity()).set(SCAN_SETUP.ENTRY, plan.entry())
                .set(SCAN_SETUP.STOP, plan.stop()).set(SCAN_SETUP.TARGET1, plan.target1()).set(SCAN_SETUP.TARGET2, plan.target2())
                .set(SCAN_SETUP.EXIT_STATE, "OPEN")
                .where(SCAN_SETUP.SETUP_ID.eq(setupId).and(SCAN_SETUP.STATE.eq("TAKEN"))).execute();
    }

    /** The plan an entered setup's trade is managed by: entry side (BUY/SELL), quantity, entry, stop and targets. */
    public record Plan(String side, BigDecimal quantity, BigDecimal entry, BigDecimal stop, BigDecimal target1, BigDecimal target2) {
    }

    /** An entered setup whose trade is not known to be over: its entry order and plan. */
    public record OpenTrade(String setupId, String symbol, String orderId, Plan plan) {
    }

    /** The entered setups (TAKEN with an entry order and a plan) whose trade is not recorded EXITED, oldest first. */
    public List<OpenTrade> openTrades() {
        return db.selectFrom(SCAN_SETUP).where(SCAN_SETUP.STATE.eq("TAKEN").and(SCAN_SETUP.ORDER_ID.isNotNull())
                        .and(SCAN_SETUP.EXIT_STATE.eq("OPEN"))).orderBy(SCAN_SETUP.DECIDED_AT, SCAN_SETUP.SETUP_ID)
                .fetch(r -> new OpenTrade(r.getSetupId(), r.getSymbol(), r.getOrderId(), new Plan(r.getSide(), r.getQuantity(),
                        r.getEntry(), r.getStop(), r.getTarget1(), r.getTarget2())));
    }

    /** Records that an entered setup's trade is over (its position is flat after the entry filled). */
    public void tradeExited(String setupId, String reason) {
        db.update(SCAN_SETUP).set(SCAN_SETUP.EXIT_STATE, "EXITED").set(SCAN_SETUP.EXIT_REASON, cut(reason))
                .where(SCAN_SETUP.SETUP_ID.eq(setupId).and(SCAN_SETUP.EXIT_STATE.eq("OPEN"))).execute();
    }

    /** One exit of an entered setup's trade ({@code setup_exit}). */
    public record ExitRecord(String setupId, String kind, String symbol, String trigger, String side, BigDecimal quantity,
                             String state, String orderId, String reason, Instant decidedAt) {
    }

    /**
     * Claims exit {@code kind} (EXIT: the whole remaining position; BOOK: target 1's booking) of setup {@code setupId}: inserts
     * it as PLACED, or turns a REFUSED or RELEASED row into PLACED, in one statement. True when this call claimed it (the caller places
     * the order); false when it was placed already, by any run, restart or instance.
     */
    public boolean claimExit(String setupId, String kind, String symbol, String trigger, String side, BigDecimal quantity,
                             String reason, Instant at) {
        return db.insertInto(SETUP_EXIT)
                .set(SETUP_EXIT.SETUP_ID, setupId).set(SETUP_EXIT.KIND, kind).set(SETUP_EXIT.SYMBOL, symbol)
                .set(SETUP_EXIT.TRIGGER, trigger).set(SETUP_EXIT.SIDE, side).set(SETUP_EXIT.QUANTITY, quantity)
                .set(SETUP_EXIT.STATE, "PLACED").set(SETUP_EXIT.REASON, cut(reason)).set(SETUP_EXIT.DECIDED_AT, at)
                .onConflict(SETUP_EXIT.SETUP_ID, SETUP_EXIT.KIND).doUpdate()
                .set(SETUP_EXIT.TRIGGER, trigger).set(SETUP_EXIT.SIDE, side).set(SETUP_EXIT.QUANTITY, quantity)
                .set(SETUP_EXIT.STATE, "PLACED").set(SETUP_EXIT.ORDER_ID, (String) null).set(SETUP_EXIT.REASON, cut(reason))
                .set(SETUP_EXIT.DECIDED_AT, at)
                .where(SETUP_EXIT.STATE.in("REFUSED", "RELEASED"))
                .execute() == 1;
    }

    /**
     * Releases exit {@code kind} of {@code setupId} whose order {@code orderId} ended without (fully) filling: PLACED becomes
     * RELEASED, so a later check may claim it again. True for the one call that changed the row.
     */
    public boolean exitReleased(String setupId, String kind, String orderId, String reason) {
        return db.update(SETUP_EXIT).set(SETUP_EXIT.STATE, "RELEASED").set(SETUP_EXIT.REASON, cut(reason))
                .where(SETUP_EXIT.SETUP_ID.eq(setupId).and(SETUP_EXIT.KIND.eq(kind)).and(SETUP_EXIT.STATE.eq("PLACED"))
                        .and(SETUP_EXIT.ORDER_ID.eq(orderId))).execute() == 1;
    }

    /** A moved stop of an entered trade: {@code step} reached by the bar starting {@code reachedBar}, applying after it. */
    public record StopMove(String setupId, String step, BigDecimal stop, Instant reachedBar, String reason, Instant movedAt) {
    }

    /** Records stop move {@code step} of {@code setupId} once (the primary key is the claim); true for the call that recorded it. */
    public boolean moveStop(String setupId, String step, BigDecimal stop, Instant reachedBar, String reason, Instant at) {
        return db.insertInto(SETUP_STOP).set(SETUP_STOP.SETUP_ID, setupId).set(SETUP_STOP.STEP, step).set(SETUP_STOP.STOP, stop)
                .set(SETUP_STOP.REACHED_BAR, reachedBar).set(SETUP_STOP.REASON, cut(reason)).set(SETUP_STOP.MOVED_AT, at)
                .onConflictDoNothing().execute() == 1;
    }

    /** The stop moves of {@code setupId}, in the order their bars reached them. */
    public List<StopMove> stopMoves(String setupId) {
        return db.selectFrom(SETUP_STOP).where(SETUP_STOP.SETUP_ID.eq(setupId)).orderBy(SETUP_STOP.REACHED_BAR, SETUP_STOP.MOVED_AT)
                .fetch(r -> new StopMove(r.getSetupId(), r.getStep(), r.getStop(), r.getReachedBar(), r.getReason(), r.getMovedAt()));
    }

    /** Records the order of an exit this call claimed. */
    public void exitPlaced(String setupId, String kind, String orderId, String reason) {
        db.update(SETUP_EXIT).set(SETUP_EXIT.ORDER_ID, orderId).set(SETUP_EXIT.REASON, cut(reason))
                .where(SETUP_EXIT.SETUP_ID.eq(setupId).and(SETUP_EXIT.KIND.eq(kind))).execute();
    }

    /** Records that a claimed exit was refused: it becomes REFUSED (a later check may claim it again). */
    public void exitRefused(String setupId, String kind, String reason) {
        db.update(SETUP_EXIT).set(SETUP_EXIT.STATE, "REFUSED").set(SETUP_EXIT.REASON, cut(reason))
                .where(SETUP_EXIT.SETUP_ID.eq(setupId).and(SETUP_EXIT.KIND.eq(kind)).and(SETUP_EXIT.ORDER_ID.isNull())).execute();
    }

    /** The exits of {@code setupId} placed or refused so far, by kind. */
    public List<ExitRecord> exits(String setupId) {
        return db.selectFrom(SETUP_EXIT).where(SETUP_EXIT.SETUP_ID.eq(setupId)).orderBy(SETUP_EXIT.DECIDED_AT)
                .fetch(SchedulerStore::exit);
    }

    /** Every recorded exit, newest first, at most {@code limit}. */
    public List<ExitRecord> exits(int limit) {
        return db.selectFrom(SETUP_EXIT).orderBy(SETUP_EXIT.DECIDED_AT.desc()).limit(limit).fetch(SchedulerStore::exit);
    }

    private static ExitRecord exit(io.tradepilot.db.tables.records.SetupExitRecord r) {
        return new ExitRecord(r.getSetupId(), r.getKind(), r.getSymbol(), r.getTrigger(), r.getSide(), r.getQuantity(), r.getState(),
                r.getOrderId(), r.getReason(), r.getDecidedAt());
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

    /** A setup's row as the setups page shows it: decision and, once entered, the plan and what became of the trade. */
    public record SetupRow(String setupId, String symbol, LocalDate motherWeek, long scanId, String state, String orderId,
                           String reason, Instant decidedAt, Plan plan, String exitState, String exitReason) {
    }

    /** The recorded decisions of {@code setupIds}, by id. */
    public Map<String, SetupRow> setupRows(java.util.Collection<String> setupIds) {
        Map<String, SetupRow> out = new HashMap<>();
        if (setupIds.isEmpty()) return out;
        db.selectFrom(SCAN_SETUP).where(SCAN_SETUP.SETUP_ID.in(setupIds)).fetch().forEach(r -> out.put(r.getSetupId(),
                new SetupRow(r.getSetupId(), r.getSymbol(), r.getMotherWeek(), r.getScanId(), r.getState(), r.getOrderId(), r.getReason(),
                        r.getDecidedAt(), r.getSide() == null ? null : new Plan(r.getSide(), r.getQuantity(), r.getEntry(), r.getStop(),
                        r.getTarget1(), r.getTarget2()), r.getExitState(), r.getExitReason())));
        return out;
    }

    /** The newest scan stored with as-of date {@code day}, if any. */
    public Optional<ScanReport> scanAsOf(LocalDate day) {
        return db.selectFrom(SCAN_RESULT).where(SCAN_RESULT.AS_OF.eq(day)).orderBy(SCAN_RESULT.ID.desc()).limit(1)
                .fetchOptional(r -> new ScanReport(r.getId(), r.getScanner(), r.getExchange(), r.getAsOf(), r.getCreatedAt(),
                        r.getSymbols(), List.of(json.readValue(r.getBody(), ScanReport.Row[].class))));
    }

    /** Stores the near-breakout watch's findings of {@code day}, replacing that day's earlier ones. */
    public void saveNearBreakouts(LocalDate day, List<io.tradepilot.scheduler.NearBreakout> rows) {
        db.transaction(tx -> {
            DSLContext t = tx.dsl();
            t.deleteFrom(NEAR_BREAKOUT).where(NEAR_BREAKOUT.DAY.eq(day)).execute();
            for (var n : rows) {
                t.insertInto(NEAR_BREAKOUT).set(NEAR_BREAKOUT.DAY, day).set(NEAR_BREAKOUT.SETUP_ID, n.setupId())
                        .set(NEAR_BREAKOUT.SYMBOL, n.symbol()).set(NEAR_BREAKOUT.DIRECTION, n.direction())
                        .set(NEAR_BREAKOUT.MOTHER_HIGH, n.motherHigh()).set(NEAR_BREAKOUT.MOTHER_LOW, n.motherLow())
                        .set(NEAR_BREAKOUT.PRICE, n.price()).set(NEAR_BREAKOUT.PRICE_SOURCE, n.priceSource())
                        .set(NEAR_BREAKOUT.DISTANCE_PCT, n.distancePercent()).set(NEAR_BREAKOUT.QUALITY, n.quality())
                        .set(NEAR_BREAKOUT.CHECKED_AT, n.checkedAt()).execute();
            }
        });
    }

    /** The near-breakout watch's findings of {@code day}, nearest first. */
    public List<io.tradepilot.scheduler.NearBreakout> nearBreakouts(LocalDate day) {
        return db.selectFrom(NEAR_BREAKOUT).where(NEAR_BREAKOUT.DAY.eq(day)).orderBy(NEAR_BREAKOUT.DISTANCE_PCT, NEAR_BREAKOUT.SYMBOL)
                .fetch(r -> new io.tradepilot.scheduler.NearBreakout(r.getDay(), r.getSetupId(), r.getSymbol(), r.getDirection(),
                        r.getMotherHigh(), r.getMotherLow(), r.getPrice(), r.getPriceSource(), r.getDistancePct(), r.getQuality(),
                        r.getCheckedAt()));
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

    /** Records a tracker finding without an action ({@link #savePositionCheck(Instant, String, String, BigDecimal, BigDecimal, BigDecimal, BigDecimal, Instant, String)}). */
    public boolean savePositionCheck(Instant hourStart, String symbol, String rule, BigDecimal quantity, BigDecimal averagePrice,
                                     BigDecimal mark, BigDecimal move, Instant checkedAt) {
        return savePositionCheck(hourStart, symbol, rule, quantity, averagePrice, mark, move, checkedAt, null);
    }

    /**
     * Records a tracker finding once per hour, symbol and rule, with what the tracker did about it ({@code action}, null
     * for none); returns false when it was already recorded (the first record and its action stay).
     */
    public boolean savePositionCheck(Instant hourStart, String symbol, String rule, BigDecimal quantity, BigDecimal averagePrice,
                                     BigDecimal mark, BigDecimal move, Instant checkedAt, String action) {
        return db.insertInto(POSITION_CHECK)
                .set(POSITION_CHECK.HOUR_START, hourStart).set(POSITION_CHECK.SYMBOL, symbol).set(POSITION_CHECK.RULE, rule)
                .set(POSITION_CHECK.QUANTITY, quantity).set(POSITION_CHECK.AVERAGE_PRICE, averagePrice).set(POSITION_CHECK.MARK, mark)
                .set(POSITION_CHECK.MOVE, move).set(POSITION_CHECK.CHECKED_AT, checkedAt)
                .set(POSITION_CHECK.ACTION, action == null || action.length() <= 400 ? action : action.substring(0, 399) + "…")
                .onConflictDoNothing().execute() == 1;
    }

    /** The newest {@code limit} position checks, newest first. */
    public List<TrackerFinding> trackerFindings(int limit) {
        return db.selectFrom(POSITION_CHECK).orderBy(POSITION_CHECK.CHECKED_AT.desc(), POSITION_CHECK.SYMBOL).limit(limit)
                .fetch(r -> new TrackerFinding(r.getHourStart(), r.getSymbol(), r.getRule(), r.getQuantity(), r.getAveragePrice(),
                        r.getMark(), r.getMove(), r.getCheckedAt(), r.getAction()));
    }

    /** Position checks recorded at or after {@code since}, oldest first: symbol, rule, move. */
    public List<String> positionChecksSince(Instant since) {
        return db.select(POSITION_CHECK.SYMBOL, POSITION_CHECK.RULE).from(POSITION_CHECK).where(POSITION_CHECK.CHECKED_AT.ge(since))
                .orderBy(POSITION_CHECK.CHECKED_AT, POSITION_CHECK.SYMBOL).fetch(r -> r.value1() + ":" + r.value2());
    }
}
