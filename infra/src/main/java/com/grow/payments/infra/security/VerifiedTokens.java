package com.grow.payments.infra.security;

import com.grow.payments.shared.support.BoundedLru;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Remembers tokens whose signature was verified, so a client sending the same bearer token on
 * every request is not parsed and verified again each time. The key is the whole token, so only
 * that exact token can be found; its time checks (expiry, not-before) still run on every use.
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> timeChecks;
    private final BoundedLru<String, Jwt> verified;

    VerifiedTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> timeChecks, int remembered) {
        this.decoder = decoder;
        this.timeChecks = timeChecks;
        this.verified = new BoundedLru<>(remembered);
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.get(token);
        if (known != null) {
            if (!timeChecks.validate(known).hasErrors()) {
                return known;
            }
            verified.remove(token);
        }
        Jwt jwt = decoder.decode(token);
        verified.put(token, jwt);
        return jwt;
    }
}
