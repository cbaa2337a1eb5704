package io.tradepilot.base.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a REST API request that failed because PostgreSQL or Redis did not answer ({@link StoreUnavailable})
 * outside a controller, e.g. in the API token check, with the same 503 problem as {@link ApiProblemHandler}
 * instead of a 500 error page. Anything else passes through unchanged.
 */
class StoreUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(StoreUnavailableFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            var store = StoreUnavailable.of(e);
            if (store.isEmpty() || response.isCommitted()) throw e;
            log.warn("{} for {} {}: {}", store.get().title(), request.getMethod(), request.getRequestURI(), e.toString());
            response.resetBuffer();
            response.setHeader(HttpHeaders.RETRY_AFTER, StoreUnavailable.RETRY_AFTER_SECONDS);
            ProblemJson.write(request, response, 503, store.get().title(), store.get().detail(), store.get().type(), store.get().code());
        }
    }
}
