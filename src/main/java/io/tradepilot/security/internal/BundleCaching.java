package io.tradepilot.security.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Lets browsers keep the files of Vaadin's production bundle ({@value #PATH}) for a year without asking again
 * ({@value #CACHE_CONTROL}): the build names every one of them after a hash of its content, so a file under a given
 * name never changes, and a new build's page asks for new names. Vaadin itself gives them {@code max-age=3600}, after
 * which each of the ~30 files the dashboard loads is revalidated (a round trip each) on the way to the first paint.
 * Only a caching answer is changed (Vaadin's {@code max-age}); a missing file's answer keeps what it had.
 */
final class BundleCaching extends OncePerRequestFilter {

    /** Where Vaadin serves its production bundle. */
    static final String PATH = "/VAADIN/build/";
    static final String CACHE_CONTROL = "max-age=31536000, immutable";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !request.getRequestURI().startsWith(request.getContextPath() + PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                super.setHeader(name, immutable(name, value));
            }

            @Override
            public void addHeader(String name, String value) {
                super.addHeader(name, immutable(name, value));
            }
        });
    }

    private static String immutable(String name, String value) {
        return "Cache-Control".equalsIgnoreCase(name) && value != null && value.startsWith("max-age=")
                && !value.startsWith("max-age=0") ? CACHE_CONTROL : value;
    }
}
