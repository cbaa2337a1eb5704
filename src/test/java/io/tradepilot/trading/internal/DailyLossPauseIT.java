package io.tradepilot.trading.internal;

import static io.tradepilot.db.Tables.ORDER_EVENT;
import static io.tradepilot.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.tradepilot.alerts.AlertEntry;
import io.tradepilot.alerts.AlertRule;
import io.tradepilot.alerts.Alerts;
import io.tradepilot.controls.ControlsReading;
import io.tradepilot.controls.TradingGate;
import io.tradepilot.testing.IntegrationTestSupport;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The daily-loss entry pause from the real engine to an alert: the context's engine host trades an accelerated
 * synthetic market with entries paused at 5 % of a 2 % daily loss limit (a loss of 0.1 % of the day's starting equity),
 * so on some days the risk chain refuses entries with DAILY_LOSS_ENTRIES_PAUSED; each such market day raises exactly
 * one DAILY_LOSS_ENTRIES_PAUSED alert whose figures show the loss at or past the threshold.
 */
@TestPropertySource(properties = {
        "tradepilot.controls.key-prefix=pause-it:",
        "tradepilot.trading.enabled=true",
        "tradepilot.trading.auto-startup=false",
        "tradepilot.trading.leader-lock-key=880015",
        "tradepilot.trading.tick=100ms",
        "tradepilot.trading.standby-retry=1h",
        "tradepilot.trading.limits.daily-loss=0.02",
        "tradepilot.trading.limits.pause-entries-at=0.05",
        "tradepilot.trading.limits.consecutive-losses=0",
        "tradepilot.trading.limits.drawdown=0",
        "tradepilot.trading.limits.trading-hours.enabled=false",
        "tradepilot.trading.strategies[0].name=sma-cross",
        "tradepilot.trading.strategies[0].symbols[0]=AAA",
        "tradepilot.trading.strategies[0].symbols[1]=BBB",
        "tradepilot.trading.strategies[0].quantity=100",
        "tradepilot.trading.strategies[0].params.fast=3",
        "tradepilot.trading.strategies[0].params.slow=8",
        "tradepilot.trading.marketdata.speed=3000",
        "tradepilot.trading.marketdata.max-gap=5m",
        "tradepilot.trading.marketdata.stale-after=10m",
        "tradepilot.trading.marketdata.synthetic.seed=7",
        "tradepilot.trading.marketdata.synthetic.first-day=2025-01-06",
        "tradepilot.trading.marketdata.synthetic.trading-days=8"})
@DirtiesContext
class DailyLossPauseIT extends IntegrationTestSupport {

    private static final Pattern FIGURES = Pattern.compile("Day loss: ([0-9.]+) INR\nEntry pause at: ([0-9.]+) INR");

    @Autowired EngineHost host;
    @Autowired DSLContext db;
    @Autowired StringRedisTemplate redis;
    @Autowired TradingGate gate;
    @Autowired Alerts alerts;
    @Autowired TradingProperties properties;

    @AfterEach
    void stopHost() {
        host.stop();
    }

    @Test
    void each_market_day_whose_entries_the_daily_loss_limit_paused_raises_one_alert_with_the_loss_against_the_threshold() {
        TradingFixtures.emptyLedger(db);
        TradingFixtures.deleteKeys(redis, "pause-it:");
        db.execute("TRUNCATE alert_delivery, alert, alert_rule RESTART IDENTITY CASCADE");
        TradingFixtures.awaitFreshControls(gate);
        eventually(Duration.ofSeconds(5), () -> gate.current() instanceof ControlsReading.Known k
                && k.trading().state() == io.tradepilot.controls.TradingState.ACTIVE, "trading active");
        host.start();

        eventually(Duration.ofSeconds(120), () -> pausedAlerts().size() >= 1, "an entry pause alerted");
        host.stop();

        ZoneId zone = properties.marketZone();
        Set<String> pausedDays = new TreeSet<>(db.select(ORDER_EVENT.OCCURRED_AT).from(ORDER_EVENT)
                .where(ORDER_EVENT.EVENT_TYPE.eq("REJECTED"), ORDER_EVENT.DETAIL.startsWith("DAILY_LOSS_ENTRIES_PAUSED"))
                .fetch(r -> r.value1().atZone(zone).toLocalDate().toString()));
        assertThat(pausedDays).isNotEmpty();
        int refusals = db.fetchCount(ORDER_EVENT, ORDER_EVENT.EVENT_TYPE.eq("REJECTED"),
                ORDER_EVENT.DETAIL.startsWith("DAILY_LOSS_ENTRIES_PAUSED"));
        eventually(Duration.ofSeconds(10), () -> pausedAlerts().size() == pausedDays.size(), "one alert per paused market day");
        System.out.printf("ENTRY PAUSE: %d refusals on %d market days %s -> %d alerts%n", refusals, pausedDays.size(), pausedDays,
                pausedAlerts().size());

        for (AlertEntry alert : pausedAlerts()) {
            assertThat(pausedDays).anyMatch(day -> alert.title().startsWith("Entries paused for " + day + ": daily loss "));
            Matcher m = FIGURES.matcher(alert.body());
            assertThat(m.find()).as(alert.body()).isTrue();
            BigDecimal loss = new BigDecimal(m.group(1));
            BigDecimal pauseAt = new BigDecimal(m.group(2));
            assertThat(loss).as("the loss reached the threshold the risk chain compares").isGreaterThanOrEqualTo(pauseAt);
            assertThat(alert.body()).contains("(5 % of the daily loss limit)", "Daily loss limit: ", "(2 % of the day's starting equity")
                    .contains("Engine: entries paused for the day: daily loss ₹");
        }
    }

    private List<AlertEntry> pausedAlerts() {
        return alerts.history(0, 500).stream().filter(a -> a.rule() == AlertRule.DAILY_LOSS_ENTRIES_PAUSED).toList();
    }
}
