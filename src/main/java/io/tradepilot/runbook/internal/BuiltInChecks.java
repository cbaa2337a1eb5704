package io.tradepilot.runbook.internal;

import io.tradepilot.brokers.AccountEnvironment;
import io.tradepilot.brokers.ActiveAccountStatus;
import io.tradepilot.brokers.VenueHealth;
import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.engine.calendar.Session;
import io.tradepilot.runbook.CheckResult;
import io.tradepilot.runbook.PreflightCheck;
import io.tradepilot.runbook.RiskLimitsReview;
import io.tradepilot.trading.EngineStatus;
import io.tradepilot.trading.TradingQueries;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Supplier;

/** The runbook's own automatic pre-flight checks. Each answers from what it sees now and never throws. */
final class BuiltInChecks {

    private BuiltInChecks() {
    }

    private static long millisSince(Clock clock, Instant start) {
        return Duration.between(start, clock.instant()).toMillis();
    }

    /** PostgreSQL answers a query (the ledger, users, audit log live there). */
    record Database(DSLContext db, Clock clock) implements PreflightCheck {
        public String id() { return "postgresql"; }
        public String title() { return "PostgreSQL answers"; }
        public int order() { return 10; }
        public CheckResult run() {
            Instant start = clock.instant();
            try {
                String version = db.fetchValue(DSL.field("current_setting('server_version')", String.class));
                return CheckResult.pass("PostgreSQL " + version + " answered in " + millisSince(clock, start) + " ms");
            } catch (RuntimeException e) {
                return CheckResult.fail("PostgreSQL does not answer: " + e.getClass().getSimpleName());
            }
        }
    }

    /** Redis answers (the controls' state lives there: without it trading is blocked). */
    record Redis(RedisConnectionFactory redis, Clock clock) implements PreflightCheck {
        public String id() { return "redis"; }
        public String title() { return "Redis answers"; }
        public int order() { return 20; }
        public CheckResult run() {
            Instant start = clock.instant();
            try (RedisConnection connection = redis.getConnection()) {
                String pong = connection.ping();
                return CheckResult.pass("Redis answered " + pong + " in " + millisSince(clock, start) + " ms");
            } catch (RuntimeException e) {
                return CheckResult.fail("Redis does not answer: " + e.getClass().getSimpleName());
            }
        }
    }

    /** Some instance runs the engine (holds the leader lock). */
    record Leader(Supplier<TradingQueries> trading) implements PreflightCheck {
        public String id() { return "leader"; }
        public String title() { return "An instance runs the engine (leader)"; }
        public int order() { return 30; }
        public CheckResult run() {
            TradingQueries queries = trading.get();
            if (queries == null) {
                return CheckResult.fail("Live trading is not enabled on this instance (tradepilot.trading.enabled)");
            }
            EngineStatus status = queries.status();
            return switch (status.role()) {
                case "LEADER" -> CheckResult.pass("This instance is the LEADER; engine " + status.engineState());
                case "STANDBY" -> CheckResult.pass("STANDBY: another instance holds the leader lock and runs the engine");
                default -> CheckResult.fail("The engine is " + status.role() + " on this instance and no leader was seen");
            };
        }
    }

    /**
     * The market data feed delivers: the engine's bar count grew within {@code staleAfter} (wall time). The check
     * remembers when it last saw the count change; on a standby the leader's feed is not visible here.
     */
    static final class FeedFresh implements PreflightCheck {
        private final Supplier<TradingQueries> trading;
        private final Duration staleAfter;
        private final Clock clock;
        private long lastCount = -1;
        private Instant lastChange;
        private Instant lastMarketTime;

        FeedFresh(Supplier<TradingQueries> trading, Duration staleAfter, Clock clock) {
            this.trading = trading;
            this.staleAfter = staleAfter;
            this.clock = clock;
        }

        public String id() { return "feed"; }
        public String title() { return "Market data is fresh"; }
        public int order() { return 40; }

        public synchronized CheckResult run() {
            TradingQueries queries = trading.get();
            if (queries == null) {
                return CheckResult.fail("Live trading is not enabled on this instance: no feed");
            }
            EngineStatus status = queries.status();
            if ("STANDBY".equals(status.role())) {
                return CheckResult.notApplicable("STANDBY: the feed runs on the leader instance; check it there");
            }
            if (!"LEADER".equals(status.role())) {
                return CheckResult.fail("The engine is " + status.role() + ": no feed");
            }
            Instant now = clock.instant();
            if (status.barsProcessed() != lastCount) {
                boolean first = lastCount < 0;
                lastCount = status.barsProcessed();
                lastMarketTime = status.marketTime();
                lastChange = now;
                if (first && status.barsProcessed() == 0) {
                    return CheckResult.fail("No bar processed yet since the engine started");
                }
            }
            Duration quiet = Duration.between(lastChange, now);
            String seen = status.barsProcessed() + " bars processed, the last at market time " + lastMarketTime;
            if (quiet.compareTo(staleAfter) > 0) {
                return CheckResult.fail("No new bar for " + quiet.toSeconds() + " s (stale after " + staleAfter.toSeconds()
                        + " s); " + seen);
            }
            return CheckResult.pass(seen + "; a new bar within the last " + staleAfter.toSeconds() + " s");
        }
    }

    /** The exchange calendar knows the session the checklist is for. */
    record Calendar(ExchangeCalendar calendar, Clock clock) implements PreflightCheck {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm z");
        public String id() { return "calendar"; }
        public String title() { return "The calendar says a trading day"; }
        public int order() { return 50; }
        public CheckResult run() {
            Instant now = clock.instant();
            LocalDate today = LocalDate.ofInstant(now, calendar.zone());
            if (!calendar.covers(today)) {
                return CheckResult.fail(calendar.exchange() + " calendar does not cover " + today + ": update calendars/*.csv");
            }
            Session session = calendar.currentOrNextSession(now);
            String hours = session.open().format(TIME) + "–" + session.close().format(TIME)
                    + (session.earlyClose() ? " (early close" + calendar.earlyCloseReason(session.date()).map(r -> ": " + r).orElse("") + ")" : "");
            if (session.date().equals(today)) {
                return CheckResult.pass(calendar.exchange() + ": today " + today + " is a trading day, " + hours);
            }
            String why = calendar.holiday(today).map(h -> "holiday: " + h).orElse(today.getDayOfWeek().toString().toLowerCase());
            return CheckResult.pass(calendar.exchange() + ": today " + today + " is not a trading day (" + why
                    + "); the checklist is for the next session, " + session.date() + " " + hours);
        }
    }

    /** This machine's clock agrees with PostgreSQL's (a proxy for NTP: orders and bars are stamped by it). */
    record ClockSkew(DSLContext db, Clock clock, Duration maxSkew) implements PreflightCheck {
        public String id() { return "clock-skew"; }
        public String title() { return "Clocks agree (app and PostgreSQL)"; }
        public int order() { return 60; }
        public CheckResult run() {
            try {
                Instant before = clock.instant();
                OffsetDateTime database = db.fetchValue(DSL.field("clock_timestamp()", OffsetDateTime.class));
                Instant after = clock.instant();
                Instant middle = before.plus(Duration.between(before, after).dividedBy(2));
                long skew = Duration.between(middle, database.toInstant()).toMillis();
                String evidence = "PostgreSQL's clock differs from the app's by " + skew + " ms (limit " + maxSkew.toMillis() + " ms)";
                return Math.abs(skew) <= maxSkew.toMillis() ? CheckResult.pass(evidence) : CheckResult.fail(evidence + ": check NTP");
            } catch (RuntimeException e) {
                return CheckResult.fail("Cannot read PostgreSQL's clock: " + e.getClass().getSimpleName());
            }
        }
    }

    /** The data directory's disk has room (logs, the audit spool, embedded databases). */
    record DiskFree(Path directory, long minimumBytes) implements PreflightCheck {
        public String id() { return "disk"; }
        public String title() { return "Disk has free space"; }
        public int order() { return 70; }
        public CheckResult run() {
            try {
                Path existing = directory.toAbsolutePath();
                while (existing != null && !Files.exists(existing)) {
                    existing = existing.getParent();
                }
                if (existing == null) {
                    return CheckResult.fail("No part of " + directory + " exists");
                }
                FileStore store = Files.getFileStore(existing);
                long free = store.getUsableSpace();
                String evidence = gib(free) + " free on " + existing + " (minimum " + gib(minimumBytes) + ")";
                return free >= minimumBytes ? CheckResult.pass(evidence) : CheckResult.fail(evidence);
            } catch (IOException | RuntimeException e) {
                return CheckResult.fail("Cannot read the free space of " + directory + ": " + e.getClass().getSimpleName());
            }
        }

        private static String gib(long bytes) {
            return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
        }
    }

    /** Someone reviewed the risk limits as they are configured now (a change of any limit asks for a new review). */
    record RiskLimitsReviewed(Supplier<RiskLimitsReview> review) implements PreflightCheck {
        public String id() { return "risk-limits"; }
        public String title() { return "Risk limits reviewed since their last change"; }
        public int order() { return 80; }
        public CheckResult run() {
            RiskLimitsReview limits = review.get();
            return limits.latest()
                    .map(r -> CheckResult.pass("Limits " + limits.fingerprint() + " reviewed by " + r.username() + " at " + r.at()))
                    .orElseGet(() -> CheckResult.fail("Limits " + limits.fingerprint() + " (" + limits.limits()
                            + ") not reviewed since they were last changed"));
        }
    }

    /**
     * The broker account the engine trades through is usable for the whole session: enabled, its session connected
     * and not failing (on the instance that runs the engine), and its access token (Kite) valid until the session
     * closes. Without an active account the engine trades the paper venue: not applicable. Where this instance has no
     * session open (a standby, the engine stopped), the account's last connection test stands in, as a warning.
     */
    record Broker(Supplier<ActiveAccountStatus> accounts, ExchangeCalendar calendar, Clock clock) implements PreflightCheck {
        public String id() { return BROKER; }
        public String title() { return "Broker connected and its token valid"; }
        public int order() { return 90; }
        public CheckResult run() {
            ActiveAccountStatus status = accounts.get();
            if (status == null) {
                return CheckResult.notApplicable("No broker accounts in this build: orders go to the paper venue");
            }
            Optional<ActiveAccountStatus.ActiveAccount> active;
            try {
                active = status.activeAccount();
            } catch (RuntimeException e) {
                return CheckResult.fail("Cannot read the active broker account: " + e.getClass().getSimpleName());
            }
            if (active.isEmpty()) {
                return CheckResult.notApplicable("No broker account is active: orders go to the paper venue (Connections)");
            }
            ActiveAccountStatus.ActiveAccount account = active.get();
            String label = account.label() + (account.environment() == AccountEnvironment.LIVE ? ", real money" : "");
            if (!account.enabled()) {
                return CheckResult.fail(label + " is active but disabled: the engine trades the paper venue");
            }
            VenueHealth health = account.health();
            Instant now = clock.instant();
            Instant tokenExpires = health != null && health.tokenExpiresAt() != null ? health.tokenExpiresAt() : account.tokenExpiresAt();
            String token = "";
            if (tokenExpires != null) {
                Instant close = calendar.currentOrNextSession(now).close().toInstant();
                if (!tokenExpires.isAfter(now)) {
                    return CheckResult.fail(label + ": its access token expired at " + tokenExpires + "; log in again (Connections)");
                }
                if (tokenExpires.isBefore(close)) {
                    return CheckResult.fail(label + ": its access token expires at " + tokenExpires
                            + ", before the session closes at " + close + "; log in again (Connections)");
                }
                token = "; access token valid until " + tokenExpires;
            }
            if (health != null) {
                String last = health.lastError() == null ? "" : " (last error: " + health.lastError() + ")";
                if (health.brokerFailing()) {
                    return CheckResult.fail(label + ": the broker keeps failing, its circuit is open" + last);
                }
                if (!health.connected()) {
                    return CheckResult.fail(label + ": the session is not connected" + last);
                }
                return CheckResult.pass(label + ": connected" + token
                        + (health.rateLimitHeadroom() >= 0 ? "; " + health.rateLimitHeadroom() + " requests left in the rate-limit window" : ""));
            }
            if (Boolean.FALSE.equals(account.lastTestOk())) {
                return CheckResult.fail(label + ": its last connection test failed at " + account.lastTestAt()
                        + (account.lastError() == null ? "" : ": " + account.lastError()));
            }
            String test = account.lastTestOk() == null ? "never tested (Connections → Test)"
                    : "its last connection test passed at " + account.lastTestAt();
            return CheckResult.warn(label + ": no session open on this instance (a standby, or the engine stopped); "
                    + test + token);
        }
    }
}
