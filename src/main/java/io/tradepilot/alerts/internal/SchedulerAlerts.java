package io.tradepilot.alerts.internal;

import io.tradepilot.alerts.AlertRule;
import io.tradepilot.alerts.Alerts;
import io.tradepilot.scheduler.EodReport;
import io.tradepilot.scheduler.NearBreakout;
import io.tradepilot.scheduler.ScanReport;
import io.tradepilot.scheduler.SchedulerQueries;
import io.tradepilot.scheduler.TrackerFinding;
import java.util.List;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Raises alerts for what the scheduler's jobs stored in the last day, looking every {@code eodPoll} (when this
 * instance has the scheduler's read side). Each fact is raised once, whichever instances look, by its source id:
 * <ul>
 *   <li>{@link AlertRule#EOD_REPORT} per end-of-day report ({@code eod:<day>:<exchange>});</li>
 *   <li>{@link AlertRule#TRACKER_EXIT} / {@link AlertRule#TRACKER_CAUTION} per position tracker finding
 *       {@code exit} / {@code caution} ({@code tracker:<hour>:<symbol>:<rule>}; key {@code tracker:<symbol>}, so
 *       the rule's window folds repeats about one symbol);</li>
 *   <li>{@link AlertRule#SCAN_RESULT} per stored scan ({@code scan:<id>}), with its breakouts;</li>
 *   <li>{@link AlertRule#NEAR_BREAKOUT} once per day the near-breakout watch found setups ({@code near-breakout:<day>}),
 *       listing them nearest first (a later run the same day adds no second alert).</li>
 * </ul>
 */
final class SchedulerAlerts extends LastDayAlerts<SchedulerQueries> {

    /** Findings and setups named in one alert's text at most. */
    private static final int LISTED = 20;

    SchedulerAlerts(Supplier<SchedulerQueries> scheduler, Alerts alerts, Clock clock, Duration poll) {
        super("alerts-scheduler", scheduler, "The scheduler's reports, findings or scans", alerts, clock, poll);
    }

    /** Raises the reports, tracker findings, scans and near-breakout setups stored since {@code since}. */
    @Override
    void raiseSince(SchedulerQueries queries, Instant since) {
        for (EodReport report : queries.eodReports(10)) {
            if (report.createdAt() != null && !report.createdAt().isBefore(since)) {
                raise(report);
            }
        }
        for (TrackerFinding finding : queries.trackerFindings(50)) {
            if (!finding.checkedAt().isBefore(since)) raise(finding);
        }
        queries.latestScan().filter(scan -> !scan.createdAt().isBefore(since)).ifPresent(this::raise);
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        for (java.time.LocalDate day : List.of(today.minusDays(1), today, today.plusDays(1))) { // any exchange's day
            List<NearBreakout> near = queries.nearBreakouts(day).stream().filter(n -> !n.checkedAt().isBefore(since)).toList();
            if (!near.isEmpty()) raise(day, near);
        }
    }

    private void raise(TrackerFinding finding) {
        AlertRule rule = switch (finding.rule()) {
            case "exit" -> AlertRule.TRACKER_EXIT;
            case "caution" -> AlertRule.TRACKER_CAUTION;
            default -> null;
        };
        if (rule == null) return;
        String title = rule.label() + ": " + finding.symbol() + " " + finding.move().movePointRight(2).stripTrailingZeros().toPlainString() + " %";
        String body = "Position " + plain(finding.quantity()) + " " + finding.symbol() + " @ " + plain(finding.averagePrice())
                + ", mark " + plain(finding.mark()) + " (hour from " + finding.hourStart() + ")."
                + (rule == AlertRule.TRACKER_EXIT ? "\nThe 3WI tracker says exit." : "\nThe 3WI tracker says caution.")
                + (finding.action() == null ? "" : "\nTracker action: " + finding.action());
        alerts.raise(rule, "tracker:" + finding.symbol(),
                "tracker:" + finding.hourStart() + ":" + finding.symbol() + ":" + finding.rule(), title, body);
    }

    private void raise(ScanReport scan) {
        List<ScanReport.Row> breakouts = scan.rows().stream().filter(r -> r.state().startsWith("BREAKOUT")).toList();
        StringBuilder body = new StringBuilder().append(scan.symbols()).append(" symbols scanned, ").append(scan.rows().size())
                .append(" setups, ").append(breakouts.size()).append(" breakouts.");
        for (ScanReport.Row r : breakouts.stream().limit(LISTED).toList()) {
            body.append("\n").append(r.symbol()).append(" ").append(r.state()).append(" entry ").append(plain(r.entry()))
                    .append(" stop ").append(plain(r.stop())).append(r.tradeable() ? "" : " (not tradeable)");
        }
        if (breakouts.size() > LISTED) body.append("\n… and ").append(breakouts.size() - LISTED).append(" more (Jobs page)");
        alerts.raise(AlertRule.SCAN_RESULT, "scan:" + scan.scanner() + ":" + scan.exchange(), "scan:" + scan.id(),
                "Scan " + scan.scanner() + " " + scan.exchange() + " " + scan.asOf() + ": " + breakouts.size() + " breakouts",
                body.toString());
    }

    private void raise(java.time.LocalDate day, List<NearBreakout> near) {
        StringBuilder body = new StringBuilder().append(near.size()).append(near.size() == 1 ? " setup" : " setups")
                .append(" within 1 % of the trigger (a weekly close beyond it is the breakout the scan enters):");
        for (NearBreakout n : near.stream().limit(LISTED).toList()) {
            body.append("\n").append(n.symbol()).append(" ").append(n.direction()).append(" at ").append(plain(n.price()))
                    .append(" (").append(n.priceSource()).append("), ").append(plain(n.distancePercent())).append(" % from ")
                    .append(plain("UP".equals(n.direction()) ? n.motherHigh() : n.motherLow())).append(", quality ").append(n.quality());
        }
        if (near.size() > LISTED) body.append("\n… and ").append(near.size() - LISTED).append(" more (Setups page)");
        String symbols = String.join(", ", near.stream().limit(5).map(NearBreakout::symbol).toList()) + (near.size() > 5 ? ", …" : "");
        alerts.raise(AlertRule.NEAR_BREAKOUT, "near-breakout", "near-breakout:" + day,
                "3WI near breakout " + day + ": " + near.size() + (near.size() == 1 ? " setup (" : " setups (") + symbols + ")", body.toString());
    }

    private void raise(EodReport report) {
        StringBuilder body = new StringBuilder();
        body.append("Equity: ").append(plain(report.equityStart())).append(" → ").append(plain(report.equityEnd()))
                .append(" (change ").append(plain(report.equityChange())).append(")");
        for (EodReport.StrategyLine s : report.strategies()) {
            body.append("\n").append(s.strategy()).append(": ").append(s.trades()).append(" trades, ").append(s.wins())
                    .append(" won, net ").append(plain(s.netPnl())).append(", fees ").append(plain(s.fees()));
        }
        body.append("\nOpen positions: ").append(report.openPositions().size());
        for (EodReport.PositionLine p : report.openPositions()) {
            body.append("\n").append(p.symbol()).append(" ").append(plain(p.quantity())).append(" @ ").append(plain(p.averagePrice()));
        }
        alerts.raise(AlertRule.EOD_REPORT, "eod:" + report.exchange(), "eod:" + report.tradingDay() + ":" + report.exchange(),
                "End-of-day report " + report.exchange() + " " + report.tradingDay(), body.toString());
    }
}
