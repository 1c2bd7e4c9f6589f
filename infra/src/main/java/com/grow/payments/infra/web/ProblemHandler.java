package com.grow.payments.infra.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Maps every exception that reaches a controller to problem+json, once. No stack trace leaves. */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    /** The one detail of a value refused below the controllers, whatever exception said so. */
    static final String VALUE_NOT_ACCEPTED = "a value in the request is not accepted";

    @ExceptionHandler(PaymentRejection.class)
    public ResponseEntity<Object> rejection(PaymentRejection rejection, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(rejection.kind(), rejection.code(), rejection.getMessage(),
                request.getRequestURI());
        rejection.properties().forEach(problem::setProperty);
        return respond(problem);
    }

    /**
     * Everything else, including what arrives wrapped by an asynchronous answer or the command bus:
     * the cause decides. Anything unforeseen is a 500 with no detail; the log has the trace.
     */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> any(Exception e, HttpServletRequest request) {
        Throwable cause = e;
        while ((cause instanceof CompletionException || cause instanceof CommandExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof PaymentRejection rejection) {
            return rejection(rejection, request);
        }
        if (cause instanceof AggregateStreamCreationException) {
            return respond(Problems.of(ErrorCode.ORDER_ID_ALREADY_USED, "that order id is already used", request));
        }
        if (cause instanceof AggregateNotFoundException) {
            return respond(Problems.of(ErrorCode.PAYMENT_NOT_FOUND, "no payment for that order", request));
        }
        if (cause instanceof ConcurrencyException) {
            return respond(Problems.of(ErrorCode.CONCURRENT_MODIFICATION,
                    "the payment changed while this request ran; retry it", request));
        }
        if (cause instanceof IllegalArgumentException) {
            // its message was written for a log, not for the caller: it may name internals or echo input
            log.info("invalid value on {} {}: {}", request.getMethod(), request.getRequestURI(), cause.getMessage());
            return respond(Problems.of(ErrorCode.VALIDATION_FAILED, VALUE_NOT_ACCEPTED, request));
        }
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(Problems.of(ErrorCode.INTERNAL_ERROR, "the request could not be completed", request));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> fieldError(error.getField(), error.getDefaultMessage()))
                .toList();
        return invalid(errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> fieldError(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return invalid(errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        return invalid(List.of(fieldError(field, "has an invalid value")), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String uri = path(request);
        if (BodySizeLimitFilter.isTooLarge(ex)) {
            return respond(Problems.of(ErrorCode.PAYLOAD_TOO_LARGE, ErrorCode.PAYLOAD_TOO_LARGE.name(),
                    BodySizeLimitFilter.DETAIL, uri));
        }
        if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = fieldPath(mismatch);
            String message = mismatch instanceof InvalidFormatException invalid
                    ? "has an invalid value for type " + invalid.getTargetType().getSimpleName()
                    : "has the wrong type or is missing";
            return invalid(List.of(fieldError(field, message)), request);
        }
        return respond(Problems.of(ErrorCode.MALFORMED_REQUEST, ErrorCode.MALFORMED_REQUEST.name(),
                "the request body is not valid JSON for this endpoint", uri));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        // the framework's own 4xx (405, 415, 404 for unknown paths, ...) in the same shape as ours
        ErrorCode kind = Problems.kindOf(statusCode.value());
        String detail = body instanceof ProblemDetail given && given.getDetail() != null
                ? given.getDetail() : kind.title();
        ProblemDetail problem = Problems.of(kind, kind.name(), detail, path(request));
        return ResponseEntity.status(statusCode).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private ResponseEntity<Object> invalid(List<Map<String, String>> errors, WebRequest request) {
        ProblemDetail problem = Problems.of(ErrorCode.VALIDATION_FAILED, ErrorCode.VALIDATION_FAILED.name(),
                errors.stream().map(e -> e.get("field") + " " + e.get("message")).collect(Collectors.joining("; ")),
                path(request));
        problem.setProperty("errors", errors);
        return respond(problem);
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message == null ? "is invalid" : message);
    }

    private static String fieldPath(JsonMappingException mismatch) {
        return mismatch.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : null;
    }

    private static ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
