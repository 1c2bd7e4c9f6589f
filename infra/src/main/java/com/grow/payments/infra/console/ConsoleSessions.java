package com.grow.payments.infra.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * How the API, built for bearer tokens, also serves the operator console: a request that carries
 * no token but the console's session cookie is the operator of that session, when the session
 * belongs to an ADMIN. The API never creates or changes a session; the console's sign-in does.
 * State-changing calls made with the session must carry the session's CSRF token; calls with a
 * bearer token are not exposed to cross-site forgery and need none.
 */
public final class ConsoleSessions {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private ConsoleSessions() {
    }

    /** Where the API chain finds its caller: the request's own token first, else an ADMIN's session. */
    public static SecurityContextRepository apiContexts() {
        return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
                new AdminSessionContexts());
    }

    /** The API requests that must carry a CSRF token: state-changing calls riding on a session. */
    public static RequestMatcher csrfRequired() {
        return request -> !SAFE_METHODS.contains(request.getMethod())
                && request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && request.getSession(false) != null;
    }

    /** The session's security context when it is an ADMIN's; read-only, never creating a session. */
    static final class AdminSessionContexts implements SecurityContextRepository {

        private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

        AdminSessionContexts() {
            sessions.setAllowSessionCreation(false);
        }

        @Override
        public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
            DeferredSecurityContext stored = sessions.loadDeferredContext(request);
            Supplier<Boolean> admin = () -> isAdmin(stored.get());
            return new DeferredSecurityContext() {
                @Override
                public SecurityContext get() {
                    return admin.get() ? stored.get() : SecurityContextHolder.createEmptyContext();
                }

                @Override
                public boolean isGenerated() {
                    return stored.isGenerated() || !admin.get();
                }
            };
        }

        @Override
        @SuppressWarnings("deprecation")
        public SecurityContext loadContext(HttpRequestResponseHolder holder) {
            return loadDeferredContext(holder.getRequest()).get();
        }

        @Override
        public void saveContext(SecurityContext context, HttpServletRequest request,
                                HttpServletResponse response) {
            // the API never writes the session: only the console's sign-in and sign-out do
        }

        @Override
        public boolean containsContext(HttpServletRequest request) {
            return isAdmin(sessions.loadDeferredContext(request).get());
        }

        private static boolean isAdmin(SecurityContext context) {
            return context != null && context.getAuthentication() != null
                    && context.getAuthentication().isAuthenticated()
                    && context.getAuthentication().getAuthorities().stream()
                    .anyMatch(authority -> AdminFromClaim.ADMIN.equals(authority.getAuthority()));
        }
    }
}
