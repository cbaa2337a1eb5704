package io.tradepilot.runbook.internal;

import io.tradepilot.brokers.AccountEnvironment;
import io.tradepilot.brokers.ActiveAccountStatus;
import io.tradepilot.brokers.BrokerKind;
import io.tradepilot.brokers.VenueHealth;
import io.tradepilot.runbook.CheckResult;
import io.tradepilot.trading.EngineStatus;
import io.tradepilot.trading.TradingQueries;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class BuiltInChecksTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T04:00:00Z"));
    private final Clock clock = new Clock() {
        public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
        public Clock withZone(java.time.ZoneId zone) { return this; }
        public Instant instant() { return now.get(); }
    };
    private final AtomicReference<EngineStatus> status = new AtomicReference<>(new EngineStatus("LEADER", "RUNNING", null, 0));
    private final TradingQueries trading = (TradingQueries) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[]{TradingQueries.class}, (proxy, method, args) -> {
                if (method.getName().equals("status")) return status.get();
                throw new UnsupportedOperationException(method.getName());
            });

    @Test
    void the_feed_is_fresh_while_bars_keep_coming_and_stale_once_none_came_for_longer_than_the_limit() {
        var feed = new BuiltInChecks.FeedFresh(() -> trading, Duration.ofSeconds(60), clock);

        assertThat(feed.run().status()).isEqualTo(CheckResult.Status.FAIL); // no bar yet
        status.set(new EngineStatus("LEADER", "RUNNING", Instant.parse("2026-12-07T03:50:00Z"), 5));
        assertThat(feed.run().status()).isEqualTo(CheckResult.Status.PASS);
        now.set(now.get().plusSeconds(60));
        assertThat(feed.run().status()).isEqualTo(CheckResult.Status.PASS);
        now.set(now.get().plusSeconds(1));
        CheckResult stale = feed.run();
        assertThat(stale.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(stale.evidence()).startsWith("No new bar for 61 s");
        status.set(new EngineStatus("LEADER", "RUNNING", Instant.parse("2026-12-07T03:55:00Z"), 6));
        assertThat(feed.run().status()).isEqualTo(CheckResult.Status.PASS);
        status.set(new EngineStatus("STANDBY", null, null, 0));
        assertThat(feed.run().status()).isEqualTo(CheckResult.Status.NOT_APPLICABLE);
        assertThat(new BuiltInChecks.FeedFresh(() -> null, Duration.ofSeconds(60), clock).run().status())
                .isEqualTo(CheckResult.Status.FAIL);
    }

    @Test
    void the_leader_check_passes_on_the_leader_and_on_a_standby_and_fails_when_stopped() {
        var leader = new BuiltInChecks.Leader(() -> trading);
        assertThat(leader.run().status()).isEqualTo(CheckResult.Status.PASS);
        status.set(new EngineStatus("STANDBY", null, null, 0));
        assertThat(leader.run().evidence()).startsWith("STANDBY");
        status.set(new EngineStatus("STOPPED", null, null, 0));
        assertThat(leader.run().status()).isEqualTo(CheckResult.Status.FAIL);
    }

    @Test
    void the_calendar_names_todays_session_or_the_next_one_on_a_holiday_or_weekend() {
        var calendar = io.tradepilot.engine.calendar.ExchangeCalendar.nse();
        now.set(Instant.parse("2026-12-07T02:00:00Z")); // Monday 07:30 IST
        assertThat(new BuiltInChecks.Calendar(calendar, clock).run().evidence()).startsWith("NSE: today 2026-12-07 is a trading day, 09:15");
        now.set(Instant.parse("2026-12-05T06:00:00Z")); // Saturday
        CheckResult weekend = new BuiltInChecks.Calendar(calendar, clock).run();
        assertThat(weekend.status()).isEqualTo(CheckResult.Status.PASS);
        assertThat(weekend.evidence()).contains("is not a trading day (saturday)", "next session, 2026-12-07");
    }

    @Test
    void the_disk_check_fails_below_the_minimum_and_reads_the_nearest_existing_directory() {
        Path missing = Path.of(System.getProperty("java.io.tmpdir"), "no-such-dir-for-runbook", "data");
        assertThat(new BuiltInChecks.DiskFree(missing, 1).run().status()).isEqualTo(CheckResult.Status.PASS);
        assertThat(new BuiltInChecks.DiskFree(missing, Long.MAX_VALUE).run().status()).isEqualTo(CheckResult.Status.FAIL);
    }

    @Test
    void the_risk_limits_fingerprint_changes_with_any_limit() {
        var limits = new RiskLimits(Map.of("daily-loss", "0.018", "drawdown", "0.035"));
        assertThat(limits.describe()).isEqualTo("daily-loss=0.018, drawdown=0.035");
        assertThat(limits.fingerprint()).hasSize(16)
                .isEqualTo(new RiskLimits(Map.of("drawdown", "0.035", "daily-loss", "0.018")).fingerprint())
                .isNotEqualTo(new RiskLimits(Map.of("daily-loss", "0.02", "drawdown", "0.035")).fingerprint());
    }

    private static ActiveAccountStatus.ActiveAccount account(AccountEnvironment environment, boolean enabled, Boolean lastTestOk,
                                                             Instant tokenExpiresAt, VenueHealth health) {
        return new ActiveAccountStatus.ActiveAccount("desk", BrokerKind.ALPACA, environment, enabled,
                lastTestOk == null ? null : Instant.parse("2026-12-07T03:00:00Z"), lastTestOk,
                Boolean.FALSE.equals(lastTestOk) ? "401 unauthorized" : null, tokenExpiresAt != null, tokenExpiresAt, health);
    }

    private CheckResult broker(ActiveAccountStatus.ActiveAccount account) {
        return new BuiltInChecks.Broker(() -> () -> Optional.ofNullable(account),
                io.tradepilot.engine.calendar.ExchangeCalendar.nse(), clock).run();
    }

    @Test
    void the_broker_check_needs_the_active_account_connected_and_its_token_valid_until_the_session_closes() {
        // Monday 2026-12-07 04:00Z is 09:30 IST; the NSE session closes at 15:30 IST (10:00Z)
        VenueHealth connected = new VenueHealth(true, false, 190, null, null);
        assertThat(broker(null).status()).isEqualTo(CheckResult.Status.NOT_APPLICABLE);
        assertThat(new BuiltInChecks.Broker(() -> null, io.tradepilot.engine.calendar.ExchangeCalendar.nse(), clock).run().status())
                .isEqualTo(CheckResult.Status.NOT_APPLICABLE);

        CheckResult ok = broker(account(AccountEnvironment.LIVE, true, true, null, connected));
        assertThat(ok.status()).isEqualTo(CheckResult.Status.PASS);
        assertThat(ok.evidence()).isEqualTo("desk (ALPACA LIVE), real money: connected; 190 requests left in the rate-limit window");

        assertThat(broker(account(AccountEnvironment.PAPER, false, true, null, connected)).evidence()).contains("active but disabled");
        CheckResult down = broker(account(AccountEnvironment.PAPER, true, true, null, new VenueHealth(false, false, -1, null, "stream closed")));
        assertThat(down.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(down.evidence()).isEqualTo("desk (ALPACA PAPER): the session is not connected (last error: stream closed)");
        assertThat(broker(account(AccountEnvironment.PAPER, true, true, null, new VenueHealth(true, true, 0, null, "503"))).evidence())
                .contains("circuit is open");

        CheckResult expired = broker(account(AccountEnvironment.PAPER, true, true, Instant.parse("2026-12-07T03:59:59Z"), connected));
        assertThat(expired.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(expired.evidence()).contains("expired at 2026-12-07T03:59:59Z");
        CheckResult beforeClose = broker(account(AccountEnvironment.PAPER, true, true, Instant.parse("2026-12-07T09:59:00Z"), connected));
        assertThat(beforeClose.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(beforeClose.evidence()).contains("before the session closes at 2026-12-07T10:00:00Z");
        CheckResult valid = broker(account(AccountEnvironment.PAPER, true, true, Instant.parse("2026-12-08T00:30:00Z"), connected));
        assertThat(valid.status()).isEqualTo(CheckResult.Status.PASS);
        assertThat(valid.evidence()).contains("access token valid until 2026-12-08T00:30:00Z");

        // no session on this instance: the last connection test stands in
        assertThat(broker(account(AccountEnvironment.PAPER, true, true, null, null)).status()).isEqualTo(CheckResult.Status.WARN);
        assertThat(broker(account(AccountEnvironment.PAPER, true, null, null, null)).evidence()).contains("never tested");
        CheckResult failedTest = broker(account(AccountEnvironment.PAPER, true, false, null, null));
        assertThat(failedTest.status()).isEqualTo(CheckResult.Status.FAIL);
        assertThat(failedTest.evidence()).endsWith("failed at 2026-12-07T03:00:00Z: 401 unauthorized");

        CheckResult unreadable = new BuiltInChecks.Broker(() -> () -> { throw new IllegalStateException("db down"); },
                io.tradepilot.engine.calendar.ExchangeCalendar.nse(), clock).run();
        assertThat(unreadable.status()).isEqualTo(CheckResult.Status.FAIL);
    }
}
