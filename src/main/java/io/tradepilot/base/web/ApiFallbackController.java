package io.tradepilot.base.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.ErrorResponseException;

/**
 * Answers any {@code /api} path no controller maps with a 404 problem, instead of letting it fall
 * through to the web UI.
 */
@RestController
class ApiFallbackController {

    @RequestMapping("/api/**")
    void unknown(HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "There is no API endpoint " + request.getMethod() + " " + request.getRequestURI() + ".");
        throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
