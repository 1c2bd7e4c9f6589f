package com.grow.payments.infra.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The trace id a request's commands and events carry: the active tracer's (Micrometer Tracing puts
 * it in the logging MDC), else the caller's W3C {@code traceparent}, else its {@code X-Request-Id},
 * else one of our own, made once per request so that all of its commands share it.
 */
final class TraceIds {

    static final String TRACEPARENT = "traceparent";
    static final String REQUEST_ID = "X-Request-Id";
    private static final String MDC_KEY = "traceId";
    private static final String GENERATED = TraceIds.class.getName() + ".generated";
    private static final Pattern TRACER_ID = Pattern.compile("[0-9a-f]{16}|[0-9a-f]{32}");
    // version-traceid-parentid-flags; version ff is invalid, and so is an all-zero trace id
    private static final Pattern W3C = Pattern.compile("(?!ff)[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}(-.*)?");
    private static final Pattern REQUEST_ID_VALUE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final String ZERO_TRACE = "0".repeat(32);

    private TraceIds() {
    }

    /** The trace id for a command sent while serving this request. */
    static String of(HttpServletRequest request) {
        return fromTracer()
                .or(() -> fromTraceparent(request.getHeader(TRACEPARENT)))
                .or(() -> fromRequestId(request.getHeader(REQUEST_ID)))
                .orElseGet(() -> {
                    Object generated = request.getAttribute(GENERATED);
                    if (generated instanceof String id) {
                        return id;
                    }
                    String id = generate();
                    request.setAttribute(GENERATED, id);
                    return id;
                });
    }

    /** The trace id for a command sent outside any request (a scheduler, the janitor). */
    static String outsideRequests() {
        return fromTracer().orElseGet(TraceIds::generate);
    }

    static Optional<String> fromTracer() {
        LoggingContext.settle(); // a handler's message may carry one not in the MDC yet
        String traceId = MDC.get(MDC_KEY);
        return traceId != null && TRACER_ID.matcher(traceId).matches() ? Optional.of(traceId) : Optional.empty();
    }

    static Optional<String> fromTraceparent(String traceparent) {
        if (traceparent == null) {
            return Optional.empty();
        }
        Matcher matcher = W3C.matcher(traceparent.strip());
        return matcher.matches() && !ZERO_TRACE.equals(matcher.group(1)) ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    static Optional<String> fromRequestId(String requestId) {
        return requestId != null && REQUEST_ID_VALUE.matcher(requestId.strip()).matches()
                ? Optional.of(requestId.strip()) : Optional.empty();
    }

    /** A W3C-shaped trace id (32 hex digits), so tracing tools accept it. */
    static String generate() {
        byte[] random = new byte[16];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
