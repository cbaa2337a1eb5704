package io.tradepilot.security.internal;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * The response headers every chain adds besides Spring Security's defaults ({@code nosniff},
 * {@code X-Frame-Options}, HSTS over TLS): a Content-Security-Policy, {@code Referrer-Policy:
 * same-origin} and a Permissions-Policy that denies the browser features Tradepilot never uses.
 *
 * <p>The web UI's policy is what Vaadin Flow needs and no more: scripts and styles from the
 * application itself, plus {@code 'unsafe-inline'} (the bootstrap page's inline scripts and the
 * components' inline styles) and {@code 'unsafe-eval'} for scripts (Flow runs the JavaScript the
 * server sends with {@code new Function}); no plugins, no framing, forms and connections (including
 * the push websocket) to the same origin only. API and actuator responses are data: {@code
 * default-src 'none'}.
 */
final class SecurityHeaders {

    static final String PAGE_POLICY = "default-src 'self'; "
            + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; "
            + "font-src 'self' data:; "
            + "connect-src 'self'; "
            + "worker-src 'self' blob:; "
            + "manifest-src 'self'; "
            + "object-src 'none'; "
            + "base-uri 'self'; "
            + "form-action 'self'; "
            + "frame-ancestors 'none'";

    static final String DATA_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
            + "magnetometer=(), microphone=(), payment=(), usb=()";

    /**
     * Vaadin's files that never change under their name: the production bundle's scripts and styles (their names
     * carry a hash of their content, see {@link BundleCaching}) and the client files under {@code VAADIN/static}
     * (versioned by a query parameter).
     */
    static final RequestMatcher STATIC_RESOURCES = new OrRequestMatcher(
            pathPattern(org.springframework.http.HttpMethod.GET, BundleCaching.PATH + "**"),
            pathPattern(org.springframework.http.HttpMethod.GET, "/VAADIN/static/**"));

    private SecurityHeaders() {
    }

    /** For the REST API and the actuator. */
    static void forData(HeadersConfigurer<HttpSecurity> headers) {
        common(headers, DATA_POLICY);
    }

    /**
     * For the web UI. The headers are written before the request goes on: written when the response
     * commits (Spring Security's default) they were missing from the pages Vaadin renders, the sign-in
     * page among them. {@code Cache-Control: no-store} (with {@code Pragma: no-cache} and {@code Expires: 0})
     * is not written for Vaadin's static resources ({@link #STATIC_RESOURCES}), which set their own long
     * caching: a {@code Pragma: no-cache} beside Vaadin's {@code max-age} made Chromium revalidate each of
     * the ~30 script files on every page load (one round trip each, six at a time, on the way to the first paint).
     */
    static void forPages(HeadersConfigurer<HttpSecurity> headers) {
        common(headers, PAGE_POLICY);
        headers.cacheControl(cache -> cache.disable())
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        new NegatedRequestMatcher(new OrRequestMatcher(
                                VaadinSecurityConfigurer.getDefaultWebSecurityIgnoreMatcher(), STATIC_RESOURCES)),
                        new CacheControlHeadersWriter()))
                .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                });
    }

    private static void common(HeadersConfigurer<HttpSecurity> headers, String contentSecurityPolicy) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY));
    }
}
