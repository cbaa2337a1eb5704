package io.tradepilot.base.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * What the security firewall does with a request it refuses (an encoded percent, {@code ..} or {@code ;}
 * in the path, a non-printable header…): for {@code /api} and {@code /actuator} a 400 problem with code
 * {@code BAD_REQUEST_PATH}, before and whatever the authentication (so an API path never redirects to the
 * sign-in page); for other paths a plain 400.
 */
class ApiRequestRejectedHandler implements RequestRejectedHandler {

    private final RequestRejectedHandler others = new HttpStatusRequestRejectedHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!ProblemJson.isApiPath(path) || response.isCommitted()) {
            others.handle(request, response, rejected);
            return;
        }
        ProblemJson.write(request, response, 400, "Bad Request",
                "The request path or headers are not acceptable (encoded percent, slash or backslash, '..', ';' or "
                        + "non-printable characters).", ProblemJson.BAD_REQUEST_PATH);
    }
}
