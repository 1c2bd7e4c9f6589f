package com.grow.payments.infra.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

class ConsoleSessionsTest {

    private final SecurityContextRepository contexts = ConsoleSessions.apiContexts();

    @Test
    void an_admins_console_session_is_the_apis_caller() {
        MockHttpServletRequest request = withSession("ops-1", "ROLE_ADMIN");
        assertThat(contexts.loadDeferredContext(request).get().getAuthentication().getName()).isEqualTo("ops-1");
    }

    @Test
    void a_session_without_the_admin_role_is_nobody_to_the_api() {
        MockHttpServletRequest request = withSession("someone", "ROLE_USER");
        assertThat(contexts.loadDeferredContext(request).get().getAuthentication()).isNull();
        assertThat(contexts.loadDeferredContext(request).isGenerated()).isTrue();
    }

    @Test
    void the_api_never_opens_a_session() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/payments");
        assertThat(contexts.loadDeferredContext(request).get().getAuthentication()).isNull();
        assertThat(request.getSession(false)).isNull();
    }

    @Test
    void only_state_changing_calls_riding_on_a_session_need_a_csrf_token() {
        MockHttpServletRequest post = withSession("ops-1", "ROLE_ADMIN");
        post.setMethod("POST");
        assertThat(ConsoleSessions.csrfRequired().matches(post)).isTrue();
        post.addHeader("Authorization", "Bearer x");
        assertThat(ConsoleSessions.csrfRequired().matches(post)).isFalse();
        MockHttpServletRequest get = withSession("ops-1", "ROLE_ADMIN");
        assertThat(ConsoleSessions.csrfRequired().matches(get)).isFalse();
        assertThat(ConsoleSessions.csrfRequired().matches(new MockHttpServletRequest("POST", "/api/v1/payments"))).isFalse();
    }

    private static MockHttpServletRequest withSession(String name, String role) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/payments");
        SecurityContext context = new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(name, null,
                List.of(new SimpleGrantedAuthority(role))));
        request.getSession(true).setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        return request;
    }
}
