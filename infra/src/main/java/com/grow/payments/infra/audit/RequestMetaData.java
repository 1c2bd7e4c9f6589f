package com.grow.payments.infra.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who and which request the current thread serves, read where a controller sends a command: the
 * authenticated member, the request's Idempotency-Key, its trace id, method and path (never its
 * query, body or headers beyond these; none of them is secret).
 */
final class RequestMetaData {

    static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    private RequestMetaData() {
    }

    /** The current request's metadata; empty when this thread serves no HTTP request. */
    static Map<String, String> current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)) {
            return Map.of();
        }
        HttpServletRequest request = servlet.getRequest();
        Map<String, String> metaData = new LinkedHashMap<>();
        member().ifPresent(member -> metaData.put(AuditMetaData.MEMBER_ID, member));
        String key = request.getHeader(IDEMPOTENCY_KEY_HEADER);
        if (key != null && !key.isEmpty() && key.length() <= 255 && key.chars().noneMatch(Character::isISOControl)) {
            metaData.put(AuditMetaData.IDEMPOTENCY_KEY, key);
        }
        metaData.put(AuditMetaData.TRACE_ID, TraceIds.of(request));
        metaData.put(AuditMetaData.REQUEST_METHOD, request.getMethod());
        metaData.put(AuditMetaData.REQUEST_PATH, request.getRequestURI());
        return metaData;
    }

    private static Optional<String> member() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated() || authentication.getName() == null) {
            return Optional.empty();
        }
        return Optional.of(authentication.getName());
    }
}
