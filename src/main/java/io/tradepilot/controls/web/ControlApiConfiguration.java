package io.tradepilot.controls.web;

import io.tradepilot.audit.AuditLog;
import io.tradepilot.audit.UnauthenticatedAttemptAudit;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the audit of unauthenticated attempts ({@link ControlActionPaths}'s paths) just outside the security filter chain. */
@Configuration(proxyBeanMethods = false)
class ControlApiConfiguration {

    @Bean
    FilterRegistrationBean<UnauthenticatedAttemptAudit> unauthenticatedControlAudit(AuditLog audit) {
        var registration = new FilterRegistrationBean<>(new UnauthenticatedAttemptAudit(audit, ControlActionPaths::attempt));
        registration.addUrlPatterns("/api/v1/*");
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
