package io.tradepilot.base.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the REST API as an RFC 9457 problem detail ({@code application/problem+json}):
 * malformed JSON 400, invalid input 400 (with the field errors), a parameter out of range or of the wrong
 * type 400 (naming it), body too large 413, wrong role 403, unknown path 404, wrong method 405 (Spring's
 * handling), anything unexpected 500 without internals. Each carries a stable {@code code}
 * ({@link ProblemCodeAdvice} adds the status's code to those that name none).
 * Controllers refuse with {@link org.springframework.web.ErrorResponseException} (or a subclass)
 * carrying their own status and detail.
 */
@RestControllerAdvice
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (causedByTooLargeBody(ex)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    "The request body is too large.");
            return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is missing or is not valid JSON for this endpoint.");
        problem.setProperty("code", ProblemJson.MALFORMED_BODY);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request is invalid.");
        problem.setProperty("code", ProblemJson.INVALID_REQUEST);
        Map<String, String> errors = new LinkedHashMap<>();
        ex.getBindingResult().getFieldErrors().forEach(error ->
                errors.putIfAbsent(error.getField(), error.getDefaultMessage()));
        ex.getBindingResult().getGlobalErrors().forEach(error ->
                errors.putIfAbsent(error.getObjectName(), error.getDefaultMessage()));
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A query or path parameter out of its range ({@code limit=0}): 400 naming each parameter. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.putIfAbsent(parameterName(result.getMethodParameter()), error.getDefaultMessage())));
        return handleExceptionInternal(ex, invalidParameters(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A parameter that is not of its type ({@code limit=ten}): 400 naming it. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : ex.getPropertyName();
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put(name == null ? "parameter" : name, "is not a valid value");
        return handleExceptionInternal(ex, invalidParameters(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    private static ProblemDetail invalidParameters(Map<String, String> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Invalid parameter: " + String.join(", ", errors.keySet()) + ".");
        problem.setProperty("code", ProblemJson.INVALID_PARAMETER);
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String parameterName(MethodParameter parameter) {
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null && !param.name().isEmpty()) {
            return param.name();
        }
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null && !path.name().isEmpty()) {
            return path.name();
        }
        String name = parameter.getParameterName();
        return name == null ? "parameter" : name;
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request is invalid.");
        problem.setProperty("code", ProblemJson.INVALID_REQUEST);
        Map<String, String> errors = new LinkedHashMap<>();
        ex.getConstraintViolations().forEach(violation ->
                errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage()));
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your role does not allow this.");
    }

    /**
     * PostgreSQL or Redis did not answer (down, stalled, restarting): 503 {@code application/problem+json} with the
     * code {@code DATABASE_UNAVAILABLE} or {@code REDIS_UNAVAILABLE} and {@code Retry-After}, never a 500 or a
     * hang (the clients' timeouts bound the wait). Any other data access failure is {@link #unexpected}.
     */
    @ExceptionHandler({org.springframework.dao.DataAccessException.class, org.springframework.transaction.TransactionException.class,
            org.jooq.exception.DataAccessException.class})
    ResponseEntity<ProblemDetail> storeUnavailable(Exception ex, HttpServletRequest request) throws Exception {
        var store = StoreUnavailable.of(ex);
        if (store.isEmpty()) {
            return ResponseEntity.internalServerError().body(unexpected(ex, request));
        }
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            throw ex;
        }
        log.warn("{} for {} {}: {}", store.get().title(), request.getMethod(), request.getRequestURI(), ex.toString());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, store.get().detail());
        problem.setTitle(store.get().title());
        problem.setType(java.net.URI.create(store.get().type()));
        problem.setProperty("code", store.get().code());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, StoreUnavailable.RETRY_AFTER_SECONDS)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Only for the REST API: errors elsewhere (the web UI) keep their own handling. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception ex, HttpServletRequest request) throws Exception {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            throw ex;
        }
        log.error("Unexpected error in the REST API", ex);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; it has been logged.");
    }

    private static boolean causedByTooLargeBody(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyTooLargeException) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }
}
