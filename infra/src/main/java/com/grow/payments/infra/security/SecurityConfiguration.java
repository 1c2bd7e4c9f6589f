package com.grow.payments.infra.security;

import com.grow.payments.infra.console.ConsoleSessions;
import com.grow.payments.infra.web.Problems;
import com.grow.payments.shared.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * CONTRACT §2: bearer JWTs whose {@code sub} is the member and {@code roles} hold USER/ADMIN.
 * HS256 with {@code payments.security.jwt.hmac-secret} for dev and test; otherwise Spring Boot's
 * standard {@code spring.security.oauth2.resourceserver.jwt.*} (RS256) decoder applies.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    public SecurityFilterChain api(HttpSecurity http, Problems problems) throws Exception {
        // bearer tokens as before; an ADMIN's console session too, its state-changing calls with CSRF
        http.csrf(csrf -> csrf.requireCsrfProtectionMatcher(ConsoleSessions.csrfRequired()))
                .securityContext(context -> context.securityContextRepository(ConsoleSessions.apiContexts()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus",
                                "/actuator/info").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/webhooks/toss").permitAll()
                        .requestMatchers("/dev/token", "/error").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers("/api/v1/admin/**", "/api/v1/ledger/**").hasRole("ADMIN")
                        .requestMatchers("/api/v1/**").hasAnyRole("USER", "ADMIN")
                        .anyRequest().denyAll())
                .oauth2ResourceServer(resource -> resource
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim()))
                        .authenticationEntryPoint((request, response, e) ->
                                problems.write(request, response, ErrorCode.UNAUTHORIZED,
                                        "a valid bearer token is required"))
                        .accessDeniedHandler((request, response, e) ->
                                problems.write(request, response, ErrorCode.FORBIDDEN,
                                        "the token's roles do not allow this")))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, e) ->
                                problems.write(request, response, ErrorCode.UNAUTHORIZED,
                                        "a valid bearer token is required"))
                        .accessDeniedHandler((request, response, e) ->
                                problems.write(request, response, ErrorCode.FORBIDDEN,
                                        "the token's roles do not allow this")));
        return http.build();
    }

    private static JwtAuthenticationConverter rolesFromClaim() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return converter;
    }

    @Bean
    @ConditionalOnProperty("payments.security.jwt.hmac-secret")
    public JwtDecoder hmacJwtDecoder(@Value("${payments.security.jwt.hmac-secret}") String secret,
                                     @Value("${payments.security.jwt.remembered-tokens:4096}") int remembered) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(HmacKeys.of(secret))
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        JwtTimestampValidator timeChecks = new JwtTimestampValidator();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timeChecks,
                SecurityConfiguration::requireSubjectAndExpiry));
        return remembered > 0 ? new VerifiedTokens(decoder, timeChecks, remembered) : decoder;
    }

    private static OAuth2TokenValidatorResult requireSubjectAndExpiry(Jwt jwt) {
        if (jwt.getSubject() == null || jwt.getSubject().isBlank() || jwt.getExpiresAt() == null) {
            return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "sub and exp are required", null));
        }
        return OAuth2TokenValidatorResult.success();
    }

    /** The HS256 key: the UTF-8 bytes of the configured secret, at least 32 of them. */
    static final class HmacKeys {
        private HmacKeys() {
        }

        static SecretKeySpec of(String secret) {
            byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 32) {
                throw new IllegalStateException("payments.security.jwt.hmac-secret must be at least 32 bytes");
            }
            return new SecretKeySpec(bytes, "HmacSHA256");
        }
    }
}
