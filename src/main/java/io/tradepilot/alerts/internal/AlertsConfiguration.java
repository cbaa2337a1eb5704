package io.tradepilot.alerts.internal;

import io.tradepilot.alerts.AlertAdministration;
import io.tradepilot.alerts.Alerts;
import io.tradepilot.alerts.TelegramLinking;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import io.tradepilot.alerts.ChannelKind;
import io.tradepilot.audit.AuditLog;
import io.tradepilot.controls.ControlEvents;
import io.tradepilot.controls.ControlService;
import io.tradepilot.scheduler.SchedulerQueries;
import io.tradepilot.trading.FeedFreshness;
import io.tradepilot.trading.TradingQueries;
import io.tradepilot.security.SecretBox;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The alerts' beans (settings: {@link AlertsProperties}, {@code tradepilot.alerts.*}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertsProperties.class)
class AlertsConfiguration {

    @Bean
    JooqAlertStore alertStore(DSLContext db) {
        return new JooqAlertStore(db);
    }

    @Bean
    ChannelSecrets channelSecrets(SecretBox secretBox) {
        return new ChannelSecrets(secretBox);
    }

    @Bean
    JsonPost alertsJsonPost(AlertsProperties properties) {
        Duration timeout = properties.sender().timeout();
        return new JsonPost(timeout, timeout);
    }

    @Bean
    TelegramTransport telegramTransport(JsonPost http, AlertsProperties properties) {
        return new TelegramTransport(http, properties.telegramBaseUrl());
    }

    @Bean
    EmailTransport emailTransport(AlertsProperties properties) {
        return new EmailTransport(properties.sender().timeout());
    }

    @Bean
    WebhookTransport webhookTransport(JsonPost http) {
        return new WebhookTransport(http);
    }

    @Bean
    OutboxSender alertOutboxSender(JooqAlertStore store, ChannelSecrets secrets, List<ChannelTransport> transports,
                                   PlatformTransactionManager transactions, Clock clock, AlertsProperties properties,
                                   MeterRegistry registry) {
        return new OutboxSender(store, secrets, transports, new TransactionTemplate(transactions), clock, properties.sender(),
                new DeliveryMetrics(registry));
    }

    @Bean
    Alerts alerts(JooqAlertStore store, PlatformTransactionManager transactions, Clock clock, OutboxSender sender, AlertsAudit audit) {
        return new DefaultAlerts(store, new TransactionTemplate(transactions), clock, sender::wake, audit);
    }

    @Bean
    AlertAcknowledgeDeniedHandler alertAcknowledgeDeniedHandler(AuditLog audit) {
        return new AlertAcknowledgeDeniedHandler(audit);
    }

    @Bean
    AlertsAudit alertsAudit(AuditLog audit) {
        return new AlertsAudit(audit);
    }

    @Bean
    AlertsDeniedHandler alertsDeniedHandler(AuditLog audit) {
        return new AlertsDeniedHandler(audit);
    }

    @Bean
    AlertAdministration alertAdministration(JooqAlertStore store, ChannelSecrets secrets, List<ChannelTransport> transports,
                                            AlertsAudit audit, PlatformTransactionManager transactions, Clock clock) {
        Map<ChannelKind, ChannelTransport> byKind = new EnumMap<>(ChannelKind.class);
        transports.forEach(t -> byKind.put(t.kind(), t));
        return new DefaultAlertAdministration(store, secrets, new ChannelRules(), byKind, audit,
                new TransactionTemplate(transactions), clock);
    }

    @Bean
    ControlAlerts controlAlerts(ControlEvents events, ControlService controls, Alerts alerts, Clock clock,
                                AlertsProperties properties) {
        return new ControlAlerts(events, controls, alerts, clock, properties.controlCatchUp());
    }

    @Bean
    LoginFailureAlerts loginFailureAlerts(Alerts alerts, AlertsProperties properties) {
        return new LoginFailureAlerts(properties.loginBurst(), properties.loginWindow(), alerts);
    }

    @Bean
    SchedulerAlerts schedulerAlerts(ObjectProvider<SchedulerQueries> scheduler, Alerts alerts, Clock clock,
                                    AlertsProperties properties) {
        return new SchedulerAlerts(scheduler::getIfAvailable, alerts, clock, properties.eodPoll());
    }

    @Bean
    JournalReportAlerts journalReportAlerts(ObjectProvider<io.tradepilot.journal.JournalReports> reports, Alerts alerts, Clock clock,
                                            AlertsProperties properties) {
        return new JournalReportAlerts(reports::getIfAvailable, alerts, clock, properties.eodPoll());
    }

    @Bean
    RiskAlerts riskAlerts(ObjectProvider<TradingQueries> trading, Alerts alerts, AlertsProperties properties) {
        return new RiskAlerts(() -> {
            TradingQueries queries = trading.getIfAvailable();
            return queries == null ? java.util.Optional.empty() : queries.livePortfolio();
        }, alerts, properties.dailyLossWarning(), properties.openRiskWarning(), properties.riskPoll());
    }

    @Bean
    TelegramLinks telegramLinks(DSLContext db) {
        return new TelegramLinks(db);
    }

    @Bean
    TelegramLinking telegramLinking(TelegramLinks links, AlertsAudit audit, PlatformTransactionManager transactions, Clock clock,
                                    AlertsProperties properties) {
        return new DefaultTelegramLinking(links, audit, new TransactionTemplate(transactions), clock, properties.bot().linkCodeTtl());
    }

    @Bean
    TelegramBot telegramBot(JooqAlertStore store, ChannelSecrets secrets, TelegramTransport telegram, TelegramLinks links,
                            PlatformTransactionManager transactions, UserDetailsService users,
                            ObjectProvider<TradingQueries> trading, ControlService controls, Alerts alerts, AuditLog audit,
                            ObjectProvider<SecurityContextHolderStrategy> contexts, Clock clock, AlertsProperties properties,
                            StringRedisTemplate redis) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        AlertsProperties.Bot bot = properties.bot();
        TelegramCommands commands = new TelegramCommands(links, tx, users, () -> java.util.Optional.ofNullable(trading.getIfAvailable()),
                controls, alerts, audit, contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy), clock,
                bot.ratePerMinute(), bot.confirmWithin(), new PendingKills(redis));
        return new TelegramBot(store, secrets, telegram, links, commands, tx, clock, bot);
    }

    @Bean
    LiveModeAlerts liveModeAlerts(Alerts alerts) {
        return new LiveModeAlerts(alerts);
    }

    @Bean
    EntryPauseAlerts entryPauseAlerts(Alerts alerts) {
        return new EntryPauseAlerts(alerts);
    }

    @Bean
    FeedAlerts feedAlerts(ObjectProvider<FeedFreshness> feed, Alerts alerts, AlertsProperties properties) {
        return new FeedAlerts(() -> java.util.Optional.ofNullable(feed.getIfAvailable()), alerts, properties.staleWarning(),
                properties.feedPoll());
    }
}
