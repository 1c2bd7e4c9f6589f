package com.grow.payments.infra.security;

import com.grow.payments.infra.console.ConsoleSessions;
import com.grow.payments.infra.web.Problems;
import com.grow.payments.shared.error.ErrorCode;
import com.nimbusds.jose.JWSAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Bearer JWTs whose {@code sub} is the member and {@code roles} hold USER/ADMIN (docs/security.md).
 * HS256 with {@code payments.security.jwt.hmac-secret} for dev and test, RS256 with the keys named
 * by Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*}; one set of rules for both.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** The profile of the standalone workbench, whose dev-token endpoint is open to anyone on the machine. */
    static final String WORKBENCH_PROFILE = "standalone";

    /**
     * No observation per security filter, per authentication, per authorization. Turning Spring
     * Security's observations off by name leaves every filter of the chain wrapped in a decorator that
     * starts a no-op observation; these settings keep the chain undecorated. Requests are still timed
     * whole ({@code http_server_requests}).
     */
    /**
     * The chains' path rules as path patterns, matched on the request's own path. Spring
     * Security's default for a Spring MVC application asks the MVC handler mappings which
     * handler each request would reach, once more per request before the dispatcher does it
     * again (ADR 0011); the rules here are plain paths and need no handler to match.
     */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean pathPatternRequestMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    public SecurityFilterChain api(HttpSecurity http, Problems problems, Environment environment) throws Exception {
        // the dev token endpoint exists only in standalone; elsewhere its path is as closed as any other
        String[] open = environment.acceptsProfiles(Profiles.of(WORKBENCH_PROFILE))
                ? new String[] {"/dev/token", "/error"} : new String[] {"/error"};
        // bearer tokens as before; an ADMIN's console session too, its state-changing calls with CSRF
        http.csrf(csrf -> csrf.requireCsrfProtectionMatcher(ConsoleSessions.csrfRequired()))
                .securityContext(context -> context.securityContextRepository(ConsoleSessions.apiContexts()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus",
                                "/actuator/info").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/webhooks/toss").permitAll()
                        .requestMatchers(open).permitAll()
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

    /**
     * The one decoder of bearer tokens: HS256 when {@code payments.security.jwt.hmac-secret} is set,
     * RS256 when Spring Boot's resource-server keys name the identity provider's keys, both under
     * the same {@link BearerTokenRules}. Declaring it replaces Boot's own decoder, which would accept
     * a token without {@code exp}. Token times are the identity provider's, so they are checked
     * against the wall clock, not the service's business clock (which tests move).
     */
    @Bean
    public JwtDecoder bearerTokenDecoder(JwtProperties properties,
                                         ObjectProvider<OAuth2ResourceServerProperties> resourceServer)
            throws IOException {
        return bearerTokenDecoder(properties,
                resourceServer.getIfAvailable(OAuth2ResourceServerProperties::new).getJwt(), Clock.systemUTC());
    }

    static JwtDecoder bearerTokenDecoder(JwtProperties properties, OAuth2ResourceServerProperties.Jwt boot,
                                         Clock clock) throws IOException {
        String issuer = hasText(properties.issuer()) ? properties.issuer() : boot.getIssuerUri();
        List<String> audiences = hasText(properties.audience()) ? List.of(properties.audience()) : boot.getAudiences();
        BearerTokenRules rules = new BearerTokenRules(issuer, audiences, properties.clockSkew());
        OAuth2TokenValidator<Jwt> checks = rules.all(clock);
        Map<JWSAlgorithm, JwtDecoder> decoders = new LinkedHashMap<>();
        if (hasText(properties.hmacSecret())) {
            NimbusJwtDecoder hmac = NimbusJwtDecoder.withSecretKey(HmacKeys.of(properties.hmacSecret()))
                    .macAlgorithm(MacAlgorithm.HS256).build();
            hmac.setJwtValidator(checks);
            decoders.put(JWSAlgorithm.HS256, hmac);
        }
        rsaDecoder(boot).ifPresent(rsa -> {
            rsa.setJwtValidator(checks);
            decoders.put(JWSAlgorithm.RS256, rsa);
        });
        JwtDecoder decoder = new BearerTokenDecoder(decoders);
        return properties.rememberedTokens() > 0
                ? new VerifiedTokens(decoder, rules.timeChecks(clock), properties.rememberedTokens()) : decoder;
    }

    private static Optional<NimbusJwtDecoder> rsaDecoder(OAuth2ResourceServerProperties.Jwt boot) throws IOException {
        if (hasText(boot.getJwkSetUri())) {
            return Optional.of(NimbusJwtDecoder.withJwkSetUri(boot.getJwkSetUri())
                    .jwsAlgorithm(SignatureAlgorithm.RS256).build());
        }
        if (boot.getPublicKeyLocation() != null) {
            try (InputStream pem = boot.getPublicKeyLocation().getInputStream()) {
                RSAPublicKey key = RsaKeyConverters.x509().convert(pem);
                return Optional.of(NimbusJwtDecoder.withPublicKey(key).signatureAlgorithm(SignatureAlgorithm.RS256)
                        .build());
            }
        }
        if (hasText(boot.getIssuerUri())) {
            // the provider's keys are found through its discovery document, on first use
            return Optional.of(NimbusJwtDecoder.withIssuerLocation(boot.getIssuerUri())
                    .jwsAlgorithm(SignatureAlgorithm.RS256).build());
        }
        return Optional.empty();
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    /** The HS256 key: the UTF-8 bytes of the configured secret, at least 32 of them. */
    public static final class HmacKeys {
        private HmacKeys() {
        }

        public static SecretKeySpec of(String secret) {
            byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 32) {
                throw new IllegalStateException("payments.security.jwt.hmac-secret must be at least 32 bytes");
            }
            return new SecretKeySpec(bytes, "HmacSHA256");
        }
    }
}
