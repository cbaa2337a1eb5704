package io.tradepilot.base.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers the container's error dispatch (after a {@code sendError} or an exception that left the
 * servlet) of an {@code /api} or {@code /actuator} request with a problem detail carrying the status's
 * {@code code}, before any security filter could turn it into a redirect to the sign-in page. The error
 * dispatches of other paths go on to the application's error page.
 */
class ApiErrorDispatchFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path)
                || !ProblemJson.isApiPath(path.substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (response.isCommitted()) {
            return;
        }
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && code >= 400
                ? code : 500;
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(ProblemJson.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(ProblemJson.body(status, ProblemJson.titleFor(status),
                status >= 500 ? "An unexpected error occurred; it has been logged." : "The request could not be processed.",
                ProblemJson.codeFor(status), path));
    }
}
