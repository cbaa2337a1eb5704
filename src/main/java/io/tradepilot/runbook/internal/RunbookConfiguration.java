package io.tradepilot.runbook.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.controls.ControlService;
import io.tradepilot.controls.TradingModes;
import io.tradepilot.engine.calendar.ExchangeCalendar;
import io.tradepilot.brokers.ActiveAccountStatus;
import io.tradepilot.brokers.LiveActivationGuard;
import io.tradepilot.runbook.Incidents;
import io.tradepilot.runbook.Preflight;
import io.tradepilot.runbook.PreflightCheck;
import io.tradepilot.strategies.AppliedRiskSettings;
import io.tradepilot.trading.TradingQueries;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The runbook's beans. Settings ({@code tradepilot.runbook.*}): {@code exchange} (the calendar of the trading day,
 * default the scheduler's, NSE), {@code max-clock-skew} (1s), {@code min-disk-free} (2GB, on
 * {@code TRADEPILOT_DATA_DIR}); the feed counts as stale after {@code tradepilot.trading.marketdata.stale-after}.
 */
@Configuration(proxyBeanMethods = false)
class RunbookConfiguration {

    /** The manual items of the daily checklist, from the seed runbooks' pre-flight and pre-market lists. */
    static final List<DefaultPreflight.ManualItem> MANUAL_ITEMS = List.of(
            new DefaultPreflight.ManualItem("controls", "Dashboard: kill switch ACTIVE, trading ACTIVE, circuit breaker OPEN, or I know why not"),
            new DefaultPreflight.ManualItem("positions", "No unexpected open positions or working orders (Positions, Orders)"),
            new DefaultPreflight.ManualItem("strategies", "Strategies active or inactive as intended (Strategies)"),
            new DefaultPreflight.ManualItem("news", "Overnight news, corporate actions and the F&O ban list reviewed for the traded symbols"),
            new DefaultPreflight.ManualItem("emergency", "I know the emergency procedures and where the kill switch is; support contacts at hand"));

    @Bean
    JooqRunbookStore runbookStore(DSLContext db) {
        return new JooqRunbookStore(db);
    }

    @Bean
    RunbookAudit runbookAudit(AuditLog audit) {
        return new RunbookAudit(audit);
    }

    @Bean
    RunbookDeniedHandler runbookDeniedHandler(AuditLog audit) {
        return new RunbookDeniedHandler(audit);
    }

    @Bean
    RunbookPages runbookPages() {
        return RunbookPages.fromClasspath();
    }

    @Bean
    Preflight preflight(ObjectProvider<PreflightCheck> contributed, JooqRunbookStore store, RunbookAudit audit,
                        Environment environment, DSLContext db, RedisConnectionFactory redis,
                        ObjectProvider<TradingQueries> trading, ObjectProvider<ActiveAccountStatus> brokers,
                        ObjectProvider<AppliedRiskSettings> riskSettings, Clock clock,
                        @Value("${tradepilot.runbook.exchange:${tradepilot.scheduler.scans.exchange:NSE}}") String exchange,
                        @Value("${tradepilot.runbook.max-clock-skew:1s}") Duration maxSkew,
                        @Value("${tradepilot.runbook.min-disk-free:2GB}") DataSize minDiskFree,
                        @Value("${TRADEPILOT_DATA_DIR:./data}") Path dataDirectory,
                        @Value("${tradepilot.trading.marketdata.stale-after:60s}") Duration staleAfter) {
        ExchangeCalendar calendar = ExchangeCalendar.of(exchange);
        RiskLimits configured = RiskLimits.of(environment);
        // the limits in force: the applied risk settings version (changed live by admins), else application.yaml's
        Supplier<RiskLimits> limits = () -> {
            AppliedRiskSettings applied = riskSettings.getIfAvailable();
            if (applied == null) return configured;
            return applied.appliedRiskSettings().map(a -> RiskLimits.ofDocument(a.document())).orElse(configured);
        };
        List<PreflightCheck> checks = new ArrayList<>(List.of(
                new BuiltInChecks.Database(db, clock),
                new BuiltInChecks.Redis(redis, clock),
                new BuiltInChecks.Leader(trading::getIfAvailable),
                new BuiltInChecks.FeedFresh(trading::getIfAvailable, staleAfter, clock),
                new BuiltInChecks.Calendar(calendar, clock),
                new BuiltInChecks.ClockSkew(db, clock, maxSkew),
                new BuiltInChecks.DiskFree(dataDirectory, minDiskFree.toBytes()),
                new BuiltInChecks.RiskLimitsReviewed(() -> DefaultPreflight.review(limits.get(), store))));
        List<PreflightCheck> others = contributed.orderedStream().toList();
        checks.addAll(others);
        if (others.stream().noneMatch(c -> PreflightCheck.BROKER.equals(c.id()))) {
            checks.add(new BuiltInChecks.Broker(brokers::getIfAvailable, calendar, clock));
        }
        return new DefaultPreflight(checks, MANUAL_ITEMS, store, audit, limits, calendar, clock);
    }

    /**
     * LIVE trading requires the pre-flight: activating a LIVE broker account ({@link LiveActivationGuard}) and switching
     * the trading mode to LIVE ({@link io.tradepilot.controls.LivePreflight}) are refused until it is complete.
     */
    @Bean
    PreflightBeforeLive preflightBeforeLive(Preflight preflight) {
        return new PreflightBeforeLive(preflight);
    }

    /** Trips the breaker while LIVE trades a session whose pre-flight is not complete (every {@code live-watch}, 30s). */
    @Bean
    LiveWithoutPreflightWatch liveWithoutPreflightWatch(TradingModes modes, Preflight preflight, ControlService controls,
                                                        Clock clock,
                                                        @Value("${tradepilot.runbook.exchange:${tradepilot.scheduler.scans.exchange:NSE}}") String exchange,
                                                        @Value("${tradepilot.runbook.live-watch:30s}") Duration period) {
        return new LiveWithoutPreflightWatch(() -> modes.current().mode(), preflight::preflightComplete, controls, ExchangeCalendar.of(exchange), clock, period);
    }

    @Bean
    Incidents incidents(JooqRunbookStore store, RunbookAudit audit, PlatformTransactionManager transactions, Clock clock) {
        return new DefaultIncidents(store, audit, new TransactionTemplate(transactions), clock);
    }
}
