package io.tradepilot.marketdata.internal;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.brokers.VenueAccounts;
import io.tradepilot.marketdata.BrokerHistory;
import org.jooq.DSLContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;

/** Wires the market data module. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MarketDataProperties.class)
class MarketDataConfiguration {

    @Bean
    SeriesStore seriesStore(DSLContext db, DataSource dataSource) {
        return new SeriesStore(db, dataSource);
    }

    @Bean
    BrokerHistory activeAccountHistory(VenueAccounts accounts) {
        return new ActiveAccountHistory(accounts);
    }

    @Bean
    MarketDataDeniedHandler marketDataDeniedHandler(AuditLog audit) {
        return new MarketDataDeniedHandler(audit);
    }

    @Bean
    DefaultMarketData storedMarketData(SeriesStore store, BrokerHistory broker, AuditLog audit, PlatformTransactionManager transactions,
                                 MarketDataProperties properties, Clock clock) {
        return new DefaultMarketData(store, broker, audit, new TransactionTemplate(transactions), properties, clock);
    }

    @Bean
    DefaultHistoricalBars historicalBars(SeriesStore store, PlatformTransactionManager transactions) {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        return new DefaultHistoricalBars(store, readOnly);
    }
}
