package com.grow.payments.infra.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.grow.payments.shared.error.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Builds every error body the service sends: RFC 9457 problem+json with a stable {@code code}.
 * Controllers reach it through {@link ProblemHandler}; filters that answer before any controller
 * (authentication, body size) write through {@link #write}.
 */
@Component
public class Problems {

    private final ObjectMapper json;

    public Problems(ObjectMapper json) {
        this.json = json;
    }

    public static ProblemDetail of(ErrorCode kind, String code, String detail, String instance) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(kind.status()), detail);
        problem.setType(URI.create("urn:grow-payments:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(kind.title());
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        problem.setProperty("code", code);
        return problem;
    }

    public static ProblemDetail of(ErrorCode kind, String detail, HttpServletRequest request) {
        return of(kind, kind.name(), detail, request.getRequestURI());
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode kind, String detail)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(kind.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), of(kind, detail, request));
    }

    /** The kind of error a bare HTTP status stands for, when nothing more specific is known. */
    public static ErrorCode kindOf(int status) {
        return switch (status) {
            case 400 -> ErrorCode.MALFORMED_REQUEST;
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.MALFORMED_REQUEST;
        };
    }
}
