package com.grow.payments.infra.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * The one set of rules every bearer token meets, whichever key signed it (HS256 or RS256): a
 * subject, an expiry that has not passed (give or take a small clock skew), a not-before that has
 * come, and the configured issuer and audience when they are configured. Spring's own timestamp
 * check lets a token without {@code exp} live for ever; here it is refused.
 *
 * @param issuer    the {@code iss} every token must carry; null or blank: not checked
 * @param audiences the token's {@code aud} must contain one of them; empty: not checked
 * @param clockSkew how far the token's times may be off from ours
 */
record BearerTokenRules(String issuer, List<String> audiences, Duration clockSkew) {

    BearerTokenRules {
        audiences = audiences == null ? List.of()
                : audiences.stream().filter(a -> a != null && !a.isBlank()).map(String::strip).toList();
    }

    /** The time checks alone ({@code exp} present and not passed, {@code nbf} come), for tokens already verified once. */
    OAuth2TokenValidator<Jwt> timeChecks(Clock clock) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(clockSkew);
        timestamps.setClock(clock);
        return new DelegatingOAuth2TokenValidator<>(BearerTokenRules::requireSubjectAndExpiry, timestamps);
    }

    /** Every check: the time checks, then issuer and audience when configured. */
    OAuth2TokenValidator<Jwt> all(Clock clock) {
        List<OAuth2TokenValidator<Jwt>> checks = new ArrayList<>();
        checks.add(timeChecks(clock));
        if (issuer != null && !issuer.isBlank()) {
            checks.add(new JwtIssuerValidator(issuer));
        }
        if (!audiences.isEmpty()) {
            checks.add(new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                    aud -> aud != null && aud.stream().anyMatch(audiences::contains)));
        }
        return new DelegatingOAuth2TokenValidator<>(checks);
    }

    private static OAuth2TokenValidatorResult requireSubjectAndExpiry(Jwt jwt) {
        if (jwt.getSubject() == null || jwt.getSubject().isBlank() || jwt.getExpiresAt() == null) {
            return OAuth2TokenValidatorResult.failure(
                    new OAuth2Error("invalid_token", "sub and exp are required", null));
        }
        return OAuth2TokenValidatorResult.success();
    }
}
