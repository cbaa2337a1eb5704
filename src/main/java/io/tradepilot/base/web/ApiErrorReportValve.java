package io.tradepilot.base.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.res.StringManager;

/**
 * Tomcat's error report for what never reaches the application: a request Tomcat itself refuses (an
 * encoded NUL or slash in the path, a header section over {@code server.max-http-request-header-size})
 * or an error no error page rendered. For {@code /api} and {@code /actuator} paths it writes a problem
 * detail with a stable {@code code}: {@code HEADER_TOO_LARGE} (as 431), {@code BAD_REQUEST_PATH} (400),
 * otherwise the status's code ({@link ProblemJson#codeFor}). Other paths keep Tomcat's page, without
 * report or server information.
 */
class ApiErrorReportValve extends ErrorReportValve {

    private static final String HEADER_TOO_LARGE_MESSAGE =
            StringManager.getManager("org.apache.coyote.http11").getString("iib.requestheadertoolarge.error");
    private static final StringManager ADAPTER_STRINGS = StringManager.getManager("org.apache.catalina.connector");
    private static final String INVALID_URI = ADAPTER_STRINGS.getString("coyoteAdapter.invalidURI");
    private static final String INVALID_URI_WITH_MESSAGE_PREFIX =
            ADAPTER_STRINGS.getString("coyoteAdapter.invalidURIWithMessage").replace("[{0}]", "");

    ApiErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        String path = request.getRequestURI();
        if (!ProblemJson.isApiPath(path)) {
            super.report(request, response, throwable);
            return;
        }
        if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        int status = response.getStatus();
        String code = ProblemJson.codeFor(status);
        String detail = "The request could not be processed.";
        if (throwable instanceof IllegalArgumentException && HEADER_TOO_LARGE_MESSAGE.equals(throwable.getMessage())) {
            status = 431;
            code = ProblemJson.HEADER_TOO_LARGE;
            detail = "The request's headers are too large.";
        } else if (status == 400 && invalidUri(response.getMessage())) {
            code = ProblemJson.BAD_REQUEST_PATH;
            detail = "The request path is not acceptable (encoded NUL, slash or backslash, or an invalid escape).";
        }
        try {
            response.setStatus(status);
            response.setContentType(ProblemJson.MEDIA_TYPE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(ProblemJson.body(status, ProblemJson.titleFor(status), detail, code, path));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot take a body: nothing more to report
        }
    }

    private static boolean invalidUri(String message) {
        return message != null && (message.equals(INVALID_URI) || message.startsWith(INVALID_URI_WITH_MESSAGE_PREFIX));
    }
}
