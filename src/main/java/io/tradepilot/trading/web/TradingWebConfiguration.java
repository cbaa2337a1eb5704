package io.tradepilot.trading.web;

import io.tradepilot.audit.AuditLog;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@link UnauthenticatedTradingAudit} just outside the security filter chain. */
@Configuration(proxyBeanMethods = false)
class TradingWebConfiguration {

    @Bean
    FilterRegistrationBean<UnauthenticatedTradingAudit> unauthenticatedTradingAudit(AuditLog audit) {
        var registration = new FilterRegistrationBean<>(new UnauthenticatedTradingAudit(audit));
        registration.addUrlPatterns("/api/v1/*");
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
