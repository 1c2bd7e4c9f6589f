package com.grow.payments.infra.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The operator console's own chain, in front of the API's: a browser session (cookie, expiring,
 * CSRF-protected) for ADMINs, signed in through the identity provider (OIDC, when
 * {@code spring.security.oauth2.client.*} names one) or, where dev tokens are on (standalone), a
 * dev sign-in that takes an operator's name. The console's pages then call the API with that
 * session ({@link ConsoleSessions}); nothing under {@code /console} reads or changes payments.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleProperties.class)
public class ConsoleSecurityConfiguration {

    static final String SIGN_IN = "/console/sign-in";
    static final String DEV_SIGN_IN = "/console/sign-in/dev";
    static final String HOME = "/console/";

    @Bean
    @Order(1)
    public SecurityFilterChain console(HttpSecurity http, ConsoleProperties properties,
                                       ObjectProvider<ClientRegistrationRepository> identityProviders,
                                       @Value("${payments.security.dev-tokens.enabled:false}") boolean devSignIn)
            throws Exception {
        RequestMatcher sessionProbe = request -> "/console/session".equals(request.getRequestURI());
        http.securityMatcher("/console", "/console/**", "/oauth2/**", "/login/oauth2/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(SIGN_IN, "/console/sign-in.html", "/console/sign-in/options",
                                "/console/assets/**").permitAll()
                        .anyRequest().hasRole("ADMIN"))
                .exceptionHandling(handling -> handling
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), sessionProbe)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(SIGN_IN),
                                request -> true)
                        .accessDeniedHandler(ConsoleSecurityConfiguration::denied))
                .logout(logout -> logout.logoutUrl("/console/sign-out").logoutSuccessUrl(SIGN_IN + "?signed-out"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'"))
                        .frameOptions(frames -> frames.deny()));
        if (devSignIn) {
            http.authenticationProvider(new DevOperators())
                    .formLogin(form -> form.loginPage(SIGN_IN).loginProcessingUrl(DEV_SIGN_IN)
                            .usernameParameter("operator").defaultSuccessUrl(HOME, true)
                            .failureUrl(SIGN_IN + "?error"));
        }
        if (identityProviders.getIfAvailable() != null) {
            http.oauth2Login(login -> login.loginPage(SIGN_IN).defaultSuccessUrl(HOME, true)
                    .failureUrl(SIGN_IN + "?error")
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new AdminFromClaim(properties))));
        }
        return http.build();
    }

    /** A page a signed-in non-ADMIN may not see leads to the sign-in; a refused form post is a plain 403. */
    private static void denied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (HttpMethod.GET.matches(request.getMethod())) {
            response.sendRedirect(request.getContextPath() + SIGN_IN + "?denied");
        } else {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }
}
