package io.tradepilot.alerts.internal;

import io.tradepilot.alerts.AlertRule;
import io.tradepilot.alerts.Alerts;
import io.tradepilot.journal.JournalReports;
import io.tradepilot.journal.PerformanceReport;
import io.tradepilot.journal.ReportPeriod;
import io.tradepilot.journal.TradeStatistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Sends the journal's weekly and monthly reports through the alert channels ({@link AlertRule#PERIOD_REPORT}): every
 * {@code poll} it looks at the newest stored WEEK and MONTH reports ({@link JournalReports#stored}) and raises each one
 * stored in the last day, once, by its source id {@code report:<period>:<start>} (whichever instances look; a report
 * replaced later the same day, after another exchange's end of day, is not sent again). The journal stores a WEEK
 * (MONTH) report after the exchange's last trading day of the week (month), so this follows the exchange calendar. The
 * end-of-day report goes out as {@link AlertRule#EOD_REPORT} from the scheduler's report ({@link SchedulerAlerts}).
 */
final class JournalReportAlerts extends LastDayAlerts<JournalReports> {

    JournalReportAlerts(Supplier<JournalReports> reports, Alerts alerts, Clock clock, Duration poll) {
        super("alerts-journal-reports", reports, "The journal's weekly and monthly reports", alerts, clock, poll);
    }

    /** Raises the WEEK and MONTH reports stored since {@code since}. */
    @Override
    void raiseSince(JournalReports journal, Instant since) {
        for (ReportPeriod period : List.of(ReportPeriod.WEEK, ReportPeriod.MONTH)) {
            for (PerformanceReport report : journal.stored(period, 2)) {
                if (report.createdAt() != null && !report.createdAt().isBefore(since)) raise(report);
            }
        }
    }

    private void raise(PerformanceReport report) {
        String name = report.period() == ReportPeriod.WEEK ? "Weekly" : "Monthly";
        alerts.raise(AlertRule.PERIOD_REPORT, "report:" + report.period(), "report:" + report.period() + ":" + report.start(),
                name + " report " + report.start() + " to " + report.end(), body(report));
    }

    /** The report as alert text: the period's figures, best and worst trade, per strategy, open positions and risk. */
    static String body(PerformanceReport report) {
        TradeStatistics s = report.statistics();
        StringBuilder b = new StringBuilder();
        b.append("Net P&L ").append(plain(s.netPnl())).append(", fees ").append(plain(s.fees())).append(", ").append(s.trades())
                .append(" trades (").append(s.wins()).append(" won, ").append(s.losses()).append(" lost)");
        if (s.winRate() != null) b.append(", win rate ").append(percent(s.winRate()));
        if (s.averageR() != null) b.append(", average R ").append(plain(s.averageR().setScale(2, RoundingMode.HALF_EVEN)));
        b.append(", max drawdown ").append(plain(s.maxDrawdown()));
        if (report.best() != null) {
            b.append("\nBest: ").append(report.best().symbol()).append(" ").append(plain(report.best().netPnl()))
                    .append(" (").append(report.best().strategy()).append(")");
        }
        if (report.worst() != null) {
            b.append("\nWorst: ").append(report.worst().symbol()).append(" ").append(plain(report.worst().netPnl()))
                    .append(" (").append(report.worst().strategy()).append(")");
        }
        for (PerformanceReport.StrategyLine line : report.strategies()) {
            b.append("\n").append(line.strategy()).append(": ").append(line.trades()).append(" trades, ").append(line.wins())
                    .append(" won, net ").append(plain(line.netPnl()));
        }
        b.append("\nOpen positions: ").append(report.openPositions().size());
        for (PerformanceReport.PositionLine p : report.openPositions()) {
            b.append("\n").append(p.symbol()).append(" ").append(plain(p.quantity())).append(" @ ").append(plain(p.averagePrice()))
                    .append(p.unrealizedPnl() == null ? "" : ", unrealized " + plain(p.unrealizedPnl()));
        }
        if (report.openRisk() != null) {
            b.append("\nOpen risk ").append(plain(report.openRisk()))
                    .append(report.openRiskShare() == null ? "" : " (" + percent(report.openRiskShare()) + " of equity)");
        }
        return b.toString();
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN).toPlainString() + " %";
    }
}
