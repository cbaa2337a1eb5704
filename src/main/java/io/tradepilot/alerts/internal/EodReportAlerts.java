package io.tradepilot.alerts.internal;

import io.tradepilot.alerts.AlertRule;
import io.tradepilot.alerts.Alerts;
import io.tradepilot.scheduler.EodReport;
import io.tradepilot.scheduler.SchedulerQueries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Raises {@link AlertRule#EOD_REPORT} for each end-of-day report the scheduler stored in the last day: it looks
 * at the newest reports every {@code eodPoll} (when this instance has the scheduler's read side). Each report is raised once, whichever instances look (source id
 * {@code eod:<day>:<exchange>}).
 */
final class EodReportAlerts implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EodReportAlerts.class);

    private final Supplier<SchedulerQueries> scheduler;
    private final Alerts alerts;
    private final Clock clock;
    private final Duration poll;
    private ScheduledExecutorService timer;
    private volatile boolean running;

    EodReportAlerts(Supplier<SchedulerQueries> scheduler, Alerts alerts, Clock clock, Duration poll) {
        this.scheduler = scheduler;
        this.alerts = alerts;
        this.clock = clock;
        this.poll = poll;
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("alerts-eod").factory());
        timer.scheduleWithFixedDelay(this::raiseNew, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Raises the reports of the last day not raised yet. */
    void raiseNew() {
        try {
            SchedulerQueries queries = scheduler.get();
            if (queries == null) {
                return;
            }
            Instant since = clock.instant().minus(Duration.ofDays(1));
            for (EodReport report : queries.eodReports(10)) {
                if (report.createdAt() != null && !report.createdAt().isBefore(since)) {
                    raise(report);
                }
            }
        } catch (RuntimeException e) {
            log.warn("The end-of-day reports could not be read for alerts ({})", e.getClass().getSimpleName());
        }
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

    private static String plain(java.math.BigDecimal amount) {
        return amount == null ? "–" : amount.toPlainString();
    }
}
