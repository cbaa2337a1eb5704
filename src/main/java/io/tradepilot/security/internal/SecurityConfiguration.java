package io.tradepilot.security.internal;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.tradepilot.security.Roles;
import io.tradepilot.security.ui.LoginView;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Three filter chains: the REST API ({@code /api/**}: stateless, bearer API tokens, problem-detail
 * 401/403, no CSRF because no cookie authenticates; webhook signals {@code POST /api/v1/signals/{id}} pass
 * without a token: the strategy's own secret authenticates them), the public endpoints (liveness and the OpenAPI
 * description; {@code /actuator/prometheus} with an API token of any role; the rest of the actuator answers a 401
 * problem) and the Vaadin UI (form sign-in with
 * lockout, session limits, CSRF by Vaadin). Every response carries {@link SecurityHeaders}.
 * Method security is on for {@code @PreAuthorize} and {@code @RolesAllowed}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfiguration {

    @Bean
    @Order(1)
    @ConditionalOnWebApplication // a worker-only node (profile worker) serves nothing over HTTP
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokenAuthenticator authenticator) throws Exception {
        ProblemResponses problems = new ProblemResponses();
        return http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> anonymous.disable())
                .addFilterBefore(new ApiTokenAuthenticationFilter(authenticator), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // webhook signals: authenticated by the strategy's own secret (io.tradepilot.signals)
                        .requestMatchers(pathPattern(HttpMethod.POST, "/api/v1/signals/{strategyId}")).permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(SecurityHeaders::forData)
                .build();
    }

    @Bean
    @Order(2)
    @ConditionalOnWebApplication // a worker-only node (profile worker) serves nothing over HTTP
    SecurityFilterChain publicEndpointsFilterChain(HttpSecurity http, ApiTokenAuthenticator authenticator) throws Exception {
        ProblemResponses problems = new ProblemResponses("This endpoint is not public; metrics need an API token: 'Authorization: Bearer tp_...'.");
        return http.securityMatcher("/actuator/**", "/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                // the Prometheus scrape authenticates with an API token of any role (a viewer's is enough)
                .addFilterBefore(new ApiTokenAuthenticationFilter(authenticator), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(pathPattern(HttpMethod.GET, "/actuator/prometheus")).hasRole(Roles.VIEWER)
                        .requestMatchers(pathPattern(HttpMethod.GET, "/actuator/health")).permitAll()
                        .requestMatchers(pathPattern(HttpMethod.GET, "/actuator/health/**")).permitAll()
                        .requestMatchers(pathPattern(HttpMethod.GET, "/v3/api-docs")).permitAll()
                        .requestMatchers(pathPattern(HttpMethod.GET, "/v3/api-docs/**")).permitAll()
                        .requestMatchers(pathPattern(HttpMethod.GET, "/v3/api-docs.yaml")).permitAll()
                        .anyRequest().denyAll())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .headers(SecurityHeaders::forData)
                .build();
    }

    @Bean
    @Order(3)
    @ConditionalOnWebApplication // a worker-only node (profile worker) serves nothing over HTTP
    SecurityFilterChain vaadinFilterChain(HttpSecurity http, AuthenticationManager authenticationManager,
                                          SessionRegistry sessionRegistry, Clock clock,
                                          @Value("${tradepilot.security.session.idle-timeout:15m}") Duration idle,
                                          @Value("${tradepilot.security.session.absolute-timeout:4h}") Duration absolute)
            throws Exception {
        http.authenticationManager(authenticationManager)
                .addFilterBefore(new SessionLimitFilter(clock, idle, absolute), SecurityContextHolderFilter.class)
                .sessionManagement(session -> session
                        .maximumSessions(-1)
                        .sessionRegistry(sessionRegistry)
                        .expiredUrl("/login"))
                .headers(SecurityHeaders::forPages)
                // a signed-in user's unknown path reaches the router and its not-found page in the layout (Vaadin's
                // default denies it before any view runs: the browser's bare "HTTP ERROR 403")
                .with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/login")
                        .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated));
        return http.build();
    }

    @Bean
    AuthenticationManager authenticationManager(DatabaseUserDetailsService users, PasswordEncoder encoder,
                                                LoginAttempts attempts) {
        DaoAuthenticationProvider passwordCheck = new DaoAuthenticationProvider(users);
        passwordCheck.setPasswordEncoder(encoder);
        ProviderManager manager = new ProviderManager(new LockoutAuthenticationProvider(passwordCheck, attempts));
        manager.setEraseCredentialsAfterAuthentication(true);
        return manager;
    }

    /** bcrypt by default; the {@code {id}} prefix lets the algorithm change without a migration. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role("ADMIN").implies("OPERATOR")
                .role("OPERATOR").implies("VIEWER")
                .build();
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    /** Vaadin's production bundle cached for a year (its file names change with their content). */
    @Bean
    @ConditionalOnWebApplication
    org.springframework.boot.web.servlet.FilterRegistrationBean<BundleCaching> bundleCaching() {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new BundleCaching());
        registration.addUrlPatterns(BundleCaching.PATH + "*");
        return registration;
    }
}
