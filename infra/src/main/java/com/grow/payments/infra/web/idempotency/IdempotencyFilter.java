package com.grow.payments.infra.web.idempotency;

import com.grow.payments.infra.web.BodySizeLimitFilter;
import com.grow.payments.infra.web.Problems;
import com.grow.payments.shared.error.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

/**
 * Every POST under /api/v1 honours {@code Idempotency-Key}, scoped per member. The
 * first request with a key holds a short lock while it runs and leaves its answer for 24 h; a
 * repeat with the same request gets that answer byte for byte; another request under the key is
 * 409. Answers that changed nothing (4xx other than a 402 decline) are not kept, so the caller can
 * fix the request and retry with the same key. Without Redis, keyed requests fail closed (503).
 * Works for asynchronous answers too: the answer is captured when the async dispatch completes.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 10)
public class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final String HELD = IdempotencyFilter.class.getName() + ".held";

    private final IdempotencyStore store;
    private final Problems problems;
    private final Duration lockTtl;
    private final Duration retention;

    public IdempotencyFilter(IdempotencyStore store, Problems problems,
                             @Value("${payments.idempotency.lock-ttl:90s}") Duration lockTtl,
                             @Value("${payments.idempotency.retention:24h}") Duration retention) {
        this.store = store;
        this.problems = problems;
        this.lockTtl = lockTtl;
        this.retention = retention;
    }

    /** The key this request holds, kept on the request across its async dispatch. */
    private record Held(String scope, String key, String owner) {
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !"POST".equals(request.getMethod()) || !path.startsWith("/api/v1/")
                || path.startsWith("/api/v1/webhooks/");
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Held held = (Held) request.getAttribute(HELD);
        if (held != null) {
            // the async dispatch of a request that holds its key: the response is our wrapper
            chain.doFilter(request, response);
            finishUnlessAsync(request, held, response);
            return;
        }
        String key = request.getHeader(HEADER);
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (key == null || caller == null || caller.getName() == null) {
            chain.doFilter(request, response);
            return;
        }
        if (key.isEmpty() || key.length() > 255 || key.chars().anyMatch(Character::isISOControl)) {
            problems.write(request, response, ErrorCode.VALIDATION_FAILED,
                    "Idempotency-Key must be 1-255 printable characters");
            return;
        }
        CachedBodyRequest cached;
        try {
            cached = CachedBodyRequest.of(request);
        } catch (IOException tooLargeOrBroken) {
            if (BodySizeLimitFilter.isTooLarge(tooLargeOrBroken)) {
                problems.write(request, response, ErrorCode.PAYLOAD_TOO_LARGE, BodySizeLimitFilter.DETAIL);
            } else {
                problems.write(request, response, ErrorCode.MALFORMED_REQUEST, "the request body could not be read");
            }
            return;
        }
        String scope = caller.getName();
        IdempotencyStore.Claim claim;
        try {
            claim = store.claim(scope, key, Fingerprints.of(request, cached.body()), lockTtl);
        } catch (DataAccessException unavailable) {
            log.warn("idempotency store unavailable; refusing a keyed request: {}", unavailable.getMessage());
            response.setHeader("Retry-After", "5");
            problems.write(request, response, ErrorCode.IDEMPOTENCY_UNAVAILABLE,
                    "the idempotency store is unavailable; retry later with the same Idempotency-Key");
            return;
        }
        if (claim instanceof IdempotencyStore.Claim.Replay replay) {
            replay(replay.response(), response);
        } else if (claim instanceof IdempotencyStore.Claim.InProgress) {
            response.setHeader("Retry-After", "1");
            problems.write(request, response, ErrorCode.REQUEST_IN_PROGRESS,
                    "the first request with this Idempotency-Key is still running");
        } else if (claim instanceof IdempotencyStore.Claim.Reused) {
            problems.write(request, response, ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used for a different request");
        } else {
            run(cached, response, chain, new Held(scope, key, ((IdempotencyStore.Claim.Acquired) claim).owner()));
        }
    }

    private void run(CachedBodyRequest request, HttpServletResponse response, FilterChain chain, Held held)
            throws ServletException, IOException {
        request.setAttribute(HELD, held);
        ContentCachingResponseWrapper capturing = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, capturing);
        } catch (ServletException | IOException | RuntimeException e) {
            releaseQuietly(held);
            throw e;
        }
        finishUnlessAsync(request, held, capturing);
    }

    private void finishUnlessAsync(HttpServletRequest request, Held held, HttpServletResponse response)
            throws IOException {
        if (request.isAsyncStarted()) {
            return;
        }
        ContentCachingResponseWrapper capturing =
                WebUtils.getNativeResponse(response, ContentCachingResponseWrapper.class);
        if (capturing == null) {
            releaseQuietly(held);
            return;
        }
        int status = capturing.getStatus();
        try {
            if (changedSomething(status)) {
                store.complete(held.scope(), held.key(), held.owner(),
                        new IdempotencyStore.StoredResponse(status, replayedHeaders(capturing),
                                capturing.getContentAsByteArray()), retention);
            } else {
                store.release(held.scope(), held.key(), held.owner());
            }
        } catch (DataAccessException e) {
            // the answer still goes out; the lock expires on its own and the natural keys guard a retry
            log.warn("could not record an idempotent answer: {}", e.getMessage());
        }
        capturing.copyBodyToResponse();
    }

    /** Success, a decline (a recorded fact) or a server error that may have changed state. */
    private static boolean changedSomething(int status) {
        return status < 400 || status == 402 || status >= 500;
    }

    private static Map<String, String> replayedHeaders(HttpServletResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : new String[] {"Content-Type", "Location"}) {
            String value = response.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return headers;
    }

    private static void replay(IdempotencyStore.StoredResponse stored, HttpServletResponse response)
            throws IOException {
        response.setStatus(stored.status());
        stored.headers().forEach(response::setHeader);
        response.setHeader(REPLAYED, "true");
        response.setContentLength(stored.body().length);
        response.getOutputStream().write(stored.body());
    }

    private void releaseQuietly(Held held) {
        try {
            store.release(held.scope(), held.key(), held.owner());
        } catch (DataAccessException e) {
            log.warn("could not release an idempotency key: {}", e.getMessage());
        }
    }
}
