package io.tradepilot.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates REST API requests carrying {@code Authorization: Bearer tp_...}. A request with a
 * bad token is answered 401 at once; one without any token continues unauthenticated (and is then
 * refused by the entry point).
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiTokenAuthenticator authenticator;

    ApiTokenAuthenticationFilter(ApiTokenAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            ProblemResponses.unauthorized(request, response, ProblemResponses.INVALID_TOKEN,
                    "Only bearer API tokens are accepted: 'Authorization: Bearer tp_...'.");
            return;
        }
        switch (authenticator.authenticate(header.substring(BEARER.length()).trim())) {
            case ApiTokenAuthenticator.Refused refused -> ProblemResponses.unauthorized(request, response,
                    ProblemResponses.INVALID_TOKEN, refused.detail());
            case ApiTokenAuthenticator.Authenticated ok -> {
                // looked up per request: Vaadin replaces the global strategy while the context starts
                SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
                SecurityContext context = contexts.createEmptyContext();
                context.setAuthentication(ok.authentication());
                contexts.setContext(context);
                try {
                    chain.doFilter(request, response);
                } finally {
                    contexts.clearContext();
                }
            }
        }
    }
}
