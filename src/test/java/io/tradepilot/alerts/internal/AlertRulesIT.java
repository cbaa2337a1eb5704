package io.tradepilot.alerts.internal;

import static io.tradepilot.db.Tables.ALERT;
import static io.tradepilot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradepilot.alerts.AlertRule;
import io.tradepilot.alerts.Alerts;
import io.tradepilot.brokers.internal.ControlsBrokerErrors;
import io.tradepilot.controls.Control;
import io.tradepilot.controls.ControlAction;
import io.tradepilot.controls.ControlChanged;
import io.tradepilot.controls.ControlKeys;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.TradingMode;
import io.tradepilot.controls.TradingModeChanged;
import io.tradepilot.controls.TradingModeState;
import io.tradepilot.scheduler.ScanReport;
import io.tradepilot.scheduler.internal.SchedulerStore;
import io.tradepilot.testing.IntegrationTestSupport;
import io.tradepilot.trading.LivePortfolio;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The rules added for issue 15's remaining facts, each on real PostgreSQL through the real {@link Alerts}: raised
 * once for its fact however often the fact is seen (source ids, or the rule's de-duplication window).
 */
class AlertRulesIT extends IntegrationTestSupport {

    @Autowired Alerts alerts;
    @Autowired DSLContext db;
    @Autowired StringRedisTemplate redis;
    @Autowired ControlService controls;
    @Autowired ControlAlerts controlAlerts;
    @Autowired SchedulerAlerts schedulerAlerts;
    @Autowired SchedulerStore schedulerStore;
    @Autowired ApplicationEventPublisher events;

    @BeforeEach
    void noAlerts() {
        ControlKeys.clear(redis);
        db.execute("TRUNCATE alert_delivery, alert, alert_rule, scan_result, position_check, near_breakout RESTART IDENTITY CASCADE");
    }

    @org.junit.jupiter.api.AfterEach
    void freshControlsForTheNextTest() {
        ControlKeys.clear(redis);
    }

    private int count(AlertRule rule) {
        return db.fetchCount(ALERT, ALERT.RULE.eq(rule.name()));
    }

    @Test
    void repeated_broker_failures_trip_the_breaker_and_raise_broker_errors_once() {
        ControlsBrokerErrors brokerErrors = new ControlsBrokerErrors(controls);
        brokerErrors.consecutiveFailures("alpaca", "HTTP 503 three times");
        brokerErrors.consecutiveFailures("alpaca", "HTTP 503 again");
        eventually(Duration.ofSeconds(15), () -> count(AlertRule.BROKER_ERRORS) == 1, "one BROKER_ERRORS alert");
        assertThat(db.fetchValue(ALERT.SEVERITY, ALERT.RULE.eq("BROKER_ERRORS"))).isEqualTo("CRITICAL");
        assertThat(count(AlertRule.CIRCUIT_BREAKER_TRIPPED)).as("not also the generic trip").isZero();
    }

    @Test
    void a_data_stale_trip_is_raised_once_as_stale_data() {
        ControlChanged trip = new ControlChanged(Control.CIRCUIT_BREAKER, ControlAction.TRIP_CIRCUIT_BREAKER, "CLOSED", "TRIPPED",
                ControlService.SYSTEM_USER, Instant.parse("2026-12-07T04:00:00Z"), "no bar for 75 s (limit 60 s)", "DATA_STALE");
        controlAlerts.raise(trip);
        controlAlerts.raise(trip);
        assertThat(count(AlertRule.STALE_DATA)).isEqualTo(1);
        assertThat(db.fetchValue(ALERT.TITLE, ALERT.RULE.eq("STALE_DATA"))).isEqualTo("Market data stale automatically");
    }

    @Test
    void the_daily_loss_warning_is_raised_once_a_day_and_open_risk_folds_into_one_alert() {
        LivePortfolio portfolio = new LivePortfolio(Instant.parse("2026-12-07T05:00:00Z"), "RUNNING", "", new BigDecimal("900000"),
                new BigDecimal("991000"), new BigDecimal("1000000"), new BigDecimal("-9000"), BigDecimal.ZERO, new BigDecimal("-9000"),
                BigDecimal.ZERO, new BigDecimal("1000000"), new BigDecimal("0.009"), new BigDecimal("300000"), new BigDecimal("70000"),
                new BigDecimal("0.018"), List.of(), 0, LivePortfolio.Source.ENGINE, null);
        RiskAlerts risk = new RiskAlerts(() -> Optional.of(portfolio), alerts, new BigDecimal("0.5"), new BigDecimal("0.06"),
                Duration.ofSeconds(5));
        risk.check();
        risk.check();
        assertThat(count(AlertRule.DAILY_LOSS_WARNING)).isEqualTo(1);
        assertThat(db.fetchValue(ALERT.TITLE, ALERT.RULE.eq("DAILY_LOSS_WARNING"))).isEqualTo("Daily loss at 50.0 % of the limit");
        assertThat(count(AlertRule.OPEN_RISK_HIGH)).isEqualTo(1);
        assertThat(db.fetchValue(ALERT.REPEATS, ALERT.RULE.eq("OPEN_RISK_HIGH"))).as("the second look folded in").isEqualTo(1);
        assertThat(db.fetchValue(ALERT.TITLE, ALERT.RULE.eq("OPEN_RISK_HIGH"))).isEqualTo("Open risk 7.1 % of equity");
    }

    @Test
    void tracker_exit_and_caution_findings_and_a_scan_are_raised_once_each() {
        Instant hour = clock.instant().minusSeconds(600);
        schedulerStore.savePositionCheck(hour, "TCS", "exit", new BigDecimal("10"), new BigDecimal("4000"), new BigDecimal("3750"),
                new BigDecimal("-0.0625"), hour.plusSeconds(60));
        schedulerStore.savePositionCheck(hour, "INFY", "caution", new BigDecimal("5"), new BigDecimal("1500"), new BigDecimal("1450"),
                new BigDecimal("-0.0333"), hour.plusSeconds(60));
        schedulerStore.savePositionCheck(hour, "HDFC", "book25", new BigDecimal("5"), new BigDecimal("1500"), new BigDecimal("1600"),
                new BigDecimal("0.0667"), hour.plusSeconds(60));
        schedulerStore.saveScan(new ScanReport(0, "3wi", "NSE", LocalDate.of(2026, 12, 4), clock.instant(), 120, List.of(
                new ScanReport.Row("WIPRO", "BREAKOUT_UP", true, new BigDecimal("510"), new BigDecimal("480"), new BigDecimal("511"),
                        new BigDecimal("479"), new BigDecimal("543"), new BigDecimal("575"), new BigDecimal("100"), true, ""),
                new ScanReport.Row("ITC", "ACTIVE", false, new BigDecimal("410"), new BigDecimal("400"), null, null, null, null, null,
                        false, ""))));
        schedulerAlerts.raiseNew();
        schedulerAlerts.raiseNew();
        assertThat(count(AlertRule.TRACKER_EXIT)).isEqualTo(1);
        assertThat(count(AlertRule.TRACKER_CAUTION)).isEqualTo(1);
        assertThat(db.fetchValue(ALERT.TITLE, ALERT.RULE.eq("TRACKER_EXIT"))).isEqualTo("Tracker exit signal: TCS -6.25 %");
        assertThat(count(AlertRule.SCAN_RESULT)).isEqualTo(1);
        assertThat(db.fetchValue(ALERT.BODY, ALERT.RULE.eq("SCAN_RESULT")))
                .startsWith("120 symbols scanned, 2 setups, 1 breakouts.").contains("WIPRO BREAKOUT_UP entry 511 stop 479");
    }

    @Test
    void the_near_breakout_watch_raises_one_alert_per_day_listing_its_setups() {
        LocalDate day = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        schedulerStore.saveNearBreakouts(day, List.of(
                new io.tradepilot.scheduler.NearBreakout(day, "3wi-v1:AAA:2026-11-09", "AAA", "UP", new BigDecimal("110"),
                        new BigDecimal("90"), new BigDecimal("108.9"), "DAILY", new BigDecimal("1.00"), 75, clock.instant()),
                new io.tradepilot.scheduler.NearBreakout(day, "3wi-v1:BBB:2026-11-09", "BBB", "UP", new BigDecimal("520"),
                        new BigDecimal("480"), new BigDecimal("521.5"), "LIVE", new BigDecimal("-0.29"), 60, clock.instant()))
                .reversed());
        schedulerAlerts.raiseNew();
        schedulerAlerts.raiseNew();
        // a later run of the watch the same day replaces the day's findings: still the one alert of the day
        schedulerStore.saveNearBreakouts(day, List.of(new io.tradepilot.scheduler.NearBreakout(day, "3wi-v1:AAA:2026-11-09", "AAA", "UP",
                new BigDecimal("110"), new BigDecimal("90"), new BigDecimal("109.5"), "LIVE", new BigDecimal("0.45"), 75, clock.instant())));
        schedulerAlerts.raiseNew();
        assertThat(count(AlertRule.NEAR_BREAKOUT)).isEqualTo(1);
        assertThat(db.fetchValue(ALERT.TITLE, ALERT.RULE.eq("NEAR_BREAKOUT"))).isEqualTo("3WI near breakout " + day + ": 2 setups (BBB, AAA)");
        assertThat(db.fetchValue(ALERT.BODY, ALERT.RULE.eq("NEAR_BREAKOUT"))).startsWith("2 setups within 1 % of the trigger")
                .contains("\nBBB UP at 521.5 (LIVE), -0.29 % from 520, quality 60\nAAA UP at 108.9 (DAILY), 1.00 % from 110, quality 75");
        assertThat(db.fetchValue(ALERT.SEVERITY, ALERT.RULE.eq("NEAR_BREAKOUT"))).isEqualTo("INFO");
    }

    @Test
    void a_live_mode_change_is_raised_once_per_switch_as_critical() {
        Instant at = Instant.parse("2026-12-07T03:30:00Z");
        TradingModeState paper = new TradingModeState(TradingMode.PAPER, BigDecimal.ONE, "system", at.minusSeconds(86_400), "start");
        TradingModeState live = new TradingModeState(TradingMode.LIVE, new BigDecimal("0.10"), "olga", at, "going live after review");
        TradingModeChanged change = new TradingModeChanged(paper, live);
        events.publishEvent(change);
        events.publishEvent(change);
        // a step of the size factor is not a switch of the mode
        events.publishEvent(new TradingModeChanged(live, new TradingModeState(TradingMode.LIVE, new BigDecimal("0.25"), "olga",
                at.plusSeconds(3_600), "first week went as planned")));
        assertThat(count(AlertRule.LIVE_MODE_CHANGED)).isEqualTo(1);
        assertThat(db.fetchValue(ALERT.SEVERITY, ALERT.RULE.eq("LIVE_MODE_CHANGED"))).isEqualTo("CRITICAL");
        assertThat(db.fetchValue(ALERT.TITLE, ALERT.RULE.eq("LIVE_MODE_CHANGED"))).isEqualTo("Trading switched to LIVE (real money) by olga");
    }

    @Test
    void stale_data_is_warned_half_way_to_the_trip_once_per_silence_and_resolved_when_bars_flow_again() {
        Duration[] age = {Duration.ofSeconds(10)};
        io.tradepilot.trading.FeedFreshness freshness = new io.tradepilot.trading.FeedFreshness() {
            public Optional<Duration> sinceLastBar() {
                return Optional.of(age[0]);
            }

            public Duration staleAfter() {
                return Duration.ofSeconds(60);
            }
        };
        FeedAlerts feed = new FeedAlerts(() -> Optional.of(freshness), alerts, new BigDecimal("0.5"), Duration.ofSeconds(1));
        feed.check();
        assertThat(count(AlertRule.STALE_DATA_WARNING)).isZero();
        age[0] = Duration.ofSeconds(31);
        feed.check();
        age[0] = Duration.ofSeconds(40);
        feed.check();
        assertThat(count(AlertRule.STALE_DATA_WARNING)).isEqualTo(1);
        assertThat(db.fetchValue(ALERT.SEVERITY, ALERT.RULE.eq("STALE_DATA_WARNING"))).isEqualTo("WARNING");
        assertThat(db.fetchValue(ALERT.TITLE, ALERT.RULE.eq("STALE_DATA_WARNING"))).isEqualTo("Market data late: no bar for 31 s");

        age[0] = Duration.ofMillis(200);
        feed.check();
        feed.check();
        assertThat(count(AlertRule.STALE_DATA_RESOLVED)).isEqualTo(1);
        assertThat(db.fetchValue(ALERT.SEVERITY, ALERT.RULE.eq("STALE_DATA_RESOLVED"))).isEqualTo("INFO");
        assertThat(db.fetchValue(ALERT.BODY, ALERT.RULE.eq("STALE_DATA_RESOLVED"))).startsWith("A bar came after 40 s or more");

        // a feed that stalls again within the rules' window folds into the alerts already raised instead of paging again
        age[0] = Duration.ofSeconds(35);
        feed.check();
        age[0] = Duration.ofSeconds(1);
        feed.check();
        assertThat(count(AlertRule.STALE_DATA_WARNING)).isEqualTo(1);
        assertThat(db.fetchValue(ALERT.REPEATS, ALERT.RULE.eq("STALE_DATA_WARNING"))).isEqualTo(1);
        assertThat(db.fetchValue(ALERT.REPEATS, ALERT.RULE.eq("STALE_DATA_RESOLVED"))).isEqualTo(1);
    }
}
