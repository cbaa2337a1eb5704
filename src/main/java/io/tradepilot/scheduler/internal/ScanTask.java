package io.tradepilot.scheduler.internal;

import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.engine.marketdata.BarSeries;
import io.tradepilot.engine.strategy.threeweek.ScanRow;
import io.tradepilot.engine.strategy.threeweek.ThreeWeekInsideParameters;
import io.tradepilot.engine.strategy.threeweek.ThreeWeekInsideScanner;
import io.tradepilot.engine.strategy.threeweek.TradePlan;
import io.tradepilot.scheduler.ScanReport;
import io.tradepilot.trading.ActionResult;
import io.tradepilot.trading.LivePortfolio;
import io.tradepilot.trading.ManualOrder;
import io.tradepilot.trading.StrategyOrders;
import io.tradepilot.trading.TradingQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scheduled 3WI scan at the configured times ({@code scans.at}, 09:25 and 15:10 by default): the same scan as {@code tradepilot scan --strategy 3wi}
 * ({@link ThreeWeekInsideScanner}) over the configured folder of daily bar files ({@code SYMBOL.csv},
 * files starting with {@code _} ignored, inconsistent bars skipped and logged), sized with the configured
 * capital and risk, counting the engine's open risk when this instance runs it. The result is stored and
 * served by {@code GET /api/v1/scans/latest}. A missing or empty folder fails the run (it was configured).
 *
 * <p>Then every setup gets a decision ({@link SetupDecision}), recorded on its row and, for breakouts, in
 * {@code scan_setup} under its deterministic id. A qualified setup, with {@code place-orders} on, is claimed
 * there first (one statement; the primary key lets only one run or instance claim it) and only then entered
 * through {@link StrategyOrders#place}, the path every order takes (validation, the live risk chain, audit),
 * attributed to strategy {@code 3wi}: a MARKET DAY order of the plan's quantity with the plan's stop as its
 * protective stop. A setup claimed earlier is "already taken"; a refusal is recorded as REFUSED with its code and
 * may be claimed again by a later run. So a rerun or a restart never places a second entry for a setup.
 *
 * <p>A run of a scheduled slot (job {@link #jobName}) is stored under its trading day (the scheduled fire time's date in
 * the exchange's zone, so a misfire's late run counts for the missed day) and slot; a slot whose scan is complete is not
 * scanned again (SKIPPED, "already scanned"). A run under any other job name is ad hoc and always scans.
 */
final class ScanTask implements ScheduledTask {

    static final String NAME = "scan-3wi";
    private static final Logger log = LoggerFactory.getLogger(ScanTask.class);

    private final SchedulerProperties.Scans settings;
    private final TradingQueries trading;
    private final SchedulerStore store;
    private final StrategyOrders orders;
    private final Clock clock;

    ScanTask(SchedulerProperties.Scans settings, TradingQueries trading, SchedulerStore store, StrategyOrders orders, Clock clock) {
        this.settings = settings;
        this.trading = trading;
        this.store = store;
        this.orders = orders;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Result run(Run run) throws Exception {
        Path dir = settings.folder();
        if (dir == null) return Result.skipped("no scan folder configured (tradepilot.scheduler.scans.folder)");
        ExchangeCalendar calendar = ExchangeCalendar.of(run.exchange());
        java.util.Optional<String> slot = slot(run, calendar);
        LocalDate day = run.scheduledAt().atZone(calendar.zone()).toLocalDate();
        if (slot.isPresent()) {
            var done = store.completedSlotScan("3wi", calendar.exchange(), day, slot.get());
            if (done.isPresent()) return alreadyScanned(slot.get(), day, done.get());
        }
        Map<String, BarSeries> universe = ScanUniverse.read(dir, calendar);
        ThreeWeekInsideParameters params = ScanUniverse.parameters(settings);
        BigDecimal openRisk = trading.livePortfolio().map(LivePortfolio::openRisk).orElse(BigDecimal.ZERO);
        List<ScanRow> rows = new ThreeWeekInsideScanner(params, calendar).scan(universe, null, openRisk);
        LocalDate asOf = ThreeWeekInsideScanner.latestDate(universe);
        ScanReport scan = new ScanReport(0, "3wi", calendar.exchange(), asOf, clock.instant(), universe.size(),
                rows.stream().map(ScanTask::row).toList());
        ScanReport saved;
        if (slot.isEmpty()) {
            saved = store.saveScan(scan);
        } else {
            var stored = store.saveSlotScan(scan, day, slot.get());
            if (stored.isEmpty()) return alreadyScanned(slot.get(), day, store.completedSlotScan("3wi", calendar.exchange(), day, slot.get()).orElse(0L));
            saved = stored.get();
        }
        List<ScanReport.Row> decided = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) decided.add(decide(saved.id(), rows.get(i), saved.rows().get(i)));
        store.updateScanRows(saved.id(), decided, clock.instant());
        long breakouts = rows.stream().filter(r -> r.state().startsWith("BREAKOUT")).count();
        long placed = decided.stream().filter(r -> "TAKEN".equals(r.decision()) && r.reason().startsWith(PLACED)).count();
        return Result.done("scan " + saved.id() + " as of " + asOf + ": " + universe.size() + " symbols, " + breakouts + " breakouts, "
                + (rows.size() - breakouts) + " other setups; " + placed + " entries placed"
                + (settings.placeOrders() ? "" : " (scan orders off)"));
    }

    private static final String PLACED = "entered by scan ";

    /** The name of the scan job at exchange local time {@code at} on {@code exchange}, e.g. {@code scan-3wi-NSE-0925}. */
    static String jobName(String exchange, java.time.LocalTime at) {
        return NAME + "-" + exchange + "-" + at.toString().replace(":", "");
    }

    /** The slot (HH:MM) of a run of one of the configured scan jobs; empty for an ad hoc run under another name. */
    private java.util.Optional<String> slot(Run run, ExchangeCalendar calendar) {
        return settings.at().stream().filter(t -> jobName(calendar.exchange(), t).equals(run.job())).findFirst().map(Object::toString);
    }

    private static Result alreadyScanned(String slot, LocalDate day, long scanId) {
        return Result.skipped("already scanned: " + slot + " slot of " + day + " is scan " + scanId);
    }

    /** Decides {@code row} (of stored scan {@code scanId}), records the decision and places the entry when due. */
    private ScanReport.Row decide(long scanId, ScanRow scanRow, ScanReport.Row row) {
        String symbol = scanRow.setup().symbol();
        LocalDate motherWeek = scanRow.setup().motherWeek();
        String id = SetupDecision.setupId(symbol, motherWeek);
        Instant now = clock.instant();
        SetupDecision decision = SetupDecision.of(row, settings.placeOrders());
        if (decision instanceof SetupDecision.Skip skip) {
            if (!skip.record()) return row.decided(id, "SKIPPED", null, skip.reason());
            if (store.setupSkipped(id, symbol, motherWeek, scanId, skip.reason(), now)) {
                return row.decided(id, "SKIPPED", null, skip.reason());
            }
            return alreadyTaken(id, row);
        }
        if (!store.claimSetup(id, symbol, motherWeek, scanId, "claimed by scan " + scanId + ", placing the entry", now)) {
            return alreadyTaken(id, row);
        }
        ManualOrder entry = new ManualOrder(symbol, scanRow.plan().side().name(), row.quantity(), "MARKET", null, null, "DAY", row.stop());
        ActionResult result;
        try {
            result = orders.place(SetupDecision.STRATEGY_ID, entry, "3WI setup " + id + " (scan " + scanId + ")", "scheduler", 0);
        } catch (RuntimeException e) {
            // the claim stays TAKEN without an order: fail closed, never a second entry for it (docs/scheduler.md)
            log.error("Scan {}: placing the entry of setup {} failed; the setup stays claimed and is not retried", scanId, id, e);
            return row.decided(id, "TAKEN", null, "claimed, but placing the entry failed: " + e.getMessage());
        }
        if (result instanceof ActionResult.Done done) {
            String orderId = done.orderIds().isEmpty() ? null : done.orderIds().getFirst();
            String reason = PLACED + scanId + ": " + entry.side() + " " + entry.quantity().toPlainString() + " " + symbol
                    + " MARKET, protective stop " + entry.protectiveStop().toPlainString() + ", targets " + row.target1().toPlainString()
                    + " (books half) and " + row.target2().toPlainString() + " (exits), watched on every bar";
            TradePlan plan = scanRow.plan();
            store.setupEntered(id, orderId, reason, new SchedulerStore.Plan(entry.side(), entry.quantity(), plan.entry(), plan.stop(),
                    plan.t1(), plan.t2()));
            log.info("Scan {}: setup {} entered, order {}", scanId, id, orderId);
            return row.decided(id, "TAKEN", orderId, reason);
        }
        var refusal = ((ActionResult.Refused) result).refusal();
        String reason = "refused: " + refusal.code() + ": " + refusal.message();
        store.setupRefused(id, reason);
        log.warn("Scan {}: the entry of setup {} was {}", scanId, id, reason);
        return row.decided(id, "REFUSED", null, reason);
    }

    private ScanReport.Row alreadyTaken(String id, ScanReport.Row row) {
        String orderId = store.setup(id).map(SchedulerStore.SetupRecord::orderId).orElse(null);
        return row.decided(id, "SKIPPED", orderId, "already taken" + (orderId == null ? "" : ": order " + orderId));
    }

    private static ScanReport.Row row(ScanRow r) {
        TradePlan p = r.plan();
        return new ScanReport.Row(r.setup().symbol(), r.state(), r.weekComplete(), r.setup().motherHigh(), r.setup().motherLow(),
                p == null ? null : p.entry(), p == null ? null : p.stop(), p == null ? null : p.t1(), p == null ? null : p.t2(),
                p == null ? null : p.quantity(), r.tradeable(), r.note());
    }
}
