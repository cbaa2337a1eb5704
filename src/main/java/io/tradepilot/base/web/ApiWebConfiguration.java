package io.tradepilot.base.web;

import jakarta.servlet.DispatcherType;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class ApiWebConfiguration {

    /** Runs before security, so that an oversized body is refused before any work is done on it. */
    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> apiRequestBodyLimit(
            @Value("${tradepilot.api.max-body-size:64KB}") DataSize maxBodySize,
            @Value("${tradepilot.api.own-body-limit-paths:}") java.util.Set<String> ownLimitPaths) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(maxBodySize.toBytes(), ownLimitPaths));
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

    /** Error dispatches of API paths: first of all filters, so that security never sees them. */
    @Bean
    FilterRegistrationBean<ApiErrorDispatchFilter> apiErrorDispatch() {
        FilterRegistrationBean<ApiErrorDispatchFilter> registration = new FilterRegistrationBean<>(new ApiErrorDispatchFilter());
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Picked up by Spring Security's filter chain proxy for the requests its firewall refuses. */
    @Bean
    RequestRejectedHandler apiRequestRejectedHandler() {
        return new ApiRequestRejectedHandler();
    }

    /**
     * Puts {@link ApiErrorReportValve} in the place of the host's error report valves (Tomcat's own and the
     * one Spring Boot adds), once the host has added them, just before the application's context starts.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> apiErrorReportValve() {
        return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && context.getParent() instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ApiErrorReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(ApiErrorReportValve.class.getName());
                if (java.util.Arrays.stream(host.getPipeline().getValves()).noneMatch(ApiErrorReportValve.class::isInstance)) {
                    host.getPipeline().addValve(new ApiErrorReportValve());
                }
            }
        }));
    }
}
