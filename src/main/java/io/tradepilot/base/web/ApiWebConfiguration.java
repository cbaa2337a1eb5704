package io.tradepilot.base.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration {

    /** Runs before security, so that an oversized body is refused before any work is done on it. */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> apiRequestBodyLimit(
            @Value("${tradepilot.api.max-body-size:64KB}") DataSize maxBodySize) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(maxBodySize.toBytes()));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** Runs before security, whose API token check reads the database too. */
    @Bean
    FilterRegistrationBean<StoreUnavailableFilter> apiStoreUnavailable() {
        FilterRegistrationBean<StoreUnavailableFilter> registration = new FilterRegistrationBean<>(new StoreUnavailableFilter());
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }
}
