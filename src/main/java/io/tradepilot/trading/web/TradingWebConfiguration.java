package io.tradepilot.trading.web;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.UnauthenticatedAttemptAudit;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the audit of unauthenticated attempts ({@link TradingActionPaths}'s paths) just outside the security filter chain. */
@Configuration(proxyBeanMethods = false)
class TradingWebConfiguration {

    @Bean
    FilterRegistrationBean<UnauthenticatedAttemptAudit> unauthenticatedTradingAudit(AuditLog audit) {
        var registration = new FilterRegistrationBean<>(new UnauthenticatedAttemptAudit(audit, TradingActionPaths::attempt));
        registration.addUrlPatterns("/api/v1/*");
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
