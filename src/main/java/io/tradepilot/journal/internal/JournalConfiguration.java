package io.tradepilot.journal.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.journal.JournalAnnotations;
import io.tradepilot.journal.JournalExports;
import io.tradepilot.journal.JournalQueries;
import io.tradepilot.journal.TradingMode;
import io.tradepilot.scheduler.SchedulerQueries;
import io.tradepilot.trading.MarketDataQueries;
import io.tradepilot.trading.TradingQueries;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;

/**
 * The journal's beans. The market zone and the account currency are the trading ledger's
 * ({@code tradepilot.trading.market-zone}, {@code tradepilot.trading.currency}); every trade is PAPER until a
 * live venue exists. The stored reports are written every {@code tradepilot.journal.report-poll} (default 1m) after
 * the scheduler's end-of-day reports.
 */
@Configuration(proxyBeanMethods = false)
class JournalConfiguration {

    @Bean
    JooqJournalStore journalStore(DSLContext db) {
        return new JooqJournalStore(db);
    }

    @Bean
    JooqTradeTable journalTradeTable(DSLContext db, @Value("${tradepilot.trading.market-zone:Asia/Kolkata}") ZoneId zone) {
        return new JooqTradeTable(db, zone);
    }

    @Bean
    JournalBook journalBook(JooqJournalStore store, JooqTradeTable table, PlatformTransactionManager transactions,
                            @Value("${tradepilot.trading.currency:INR}") String currency) {
        return new JournalBook(store, table, new TransactionTemplate(transactions), Currency.getInstance(currency),
                TradingMode.PAPER);
    }

    /** Materializes the fills written while the application was down (restart-safe, idempotent). */
    @Bean
    JournalBackfill journalBackfill(JournalBook book) {
        return new JournalBackfill(book);
    }

    @Bean
    JournalQueries journalQueries(JournalBook book, JooqTradeTable table, JooqJournalStore store,
                                  ObjectProvider<MarketDataQueries> bars, ObjectProvider<io.tradepilot.scheduler.SetupPlans> plans,
                                  @Value("${tradepilot.trading.market-zone:Asia/Kolkata}") ZoneId zone) {
        return new DefaultJournalQueries(book, table, store, bars::getIfAvailable, plans::getIfAvailable, zone);
    }

    @Bean
    JooqReportStore journalReportStore(DSLContext db) {
        return new JooqReportStore(db);
    }

    @Bean
    DefaultJournalReports journalReports(JournalQueries queries, JooqReportStore store, ObjectProvider<TradingQueries> trading,
                                         Clock clock) {
        return new DefaultJournalReports(queries, store, trading::getIfAvailable, clock);
    }

    @Bean
    ReportWriter journalReportWriter(ObjectProvider<SchedulerQueries> scheduler, DefaultJournalReports reports,
                                     JooqReportStore store, Clock clock,
                                     @Value("${tradepilot.journal.report-poll:1m}") Duration poll) {
        return new ReportWriter(scheduler::getIfAvailable, reports, store, clock, poll);
    }

    @Bean
    JournalExports journalExports(JournalQueries queries, AuditLog audit) {
        return new DefaultJournalExports(queries, audit);
    }

    @Bean
    JournalAudit journalAudit(AuditLog audit) {
        return new JournalAudit(audit);
    }

    @Bean
    JournalDeniedHandler journalDeniedHandler(JournalAudit audit) {
        return new JournalDeniedHandler(audit);
    }

    @Bean
    JournalAnnotations journalAnnotations(JooqJournalStore store, JournalBook book, JooqTradeTable table, JournalAudit audit,
                                          PlatformTransactionManager transactions, Clock clock) {
        return new DefaultJournalAnnotations(store, book, table, audit, new TransactionTemplate(transactions), clock);
    }
}
