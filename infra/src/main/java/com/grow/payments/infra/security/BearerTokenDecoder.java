package com.grow.payments.infra.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.Map;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Sends each bearer token to the decoder of the algorithm its header names: HS256 to the shared
 * secret, RS256 to the identity provider's keys. Each decoder checks the signature with its own
 * key and the same {@link BearerTokenRules}. Any other algorithm, {@code none} included, is refused
 * before anything else is read from the token.
 */
final class BearerTokenDecoder implements JwtDecoder {

    private final Map<JWSAlgorithm, JwtDecoder> byAlgorithm;

    BearerTokenDecoder(Map<JWSAlgorithm, JwtDecoder> byAlgorithm) {
        if (byAlgorithm.isEmpty()) {
            throw new IllegalStateException("no bearer token key is configured: set payments.security.jwt.hmac-secret"
                    + " (HS256) or spring.security.oauth2.resourceserver.jwt.jwk-set-uri, public-key-location or"
                    + " issuer-uri (RS256)");
        }
        this.byAlgorithm = Map.copyOf(byAlgorithm);
    }

    @Override
    public Jwt decode(String token) {
        JwtDecoder decoder = byAlgorithm.get(algorithmOf(token));
        if (decoder == null) {
            throw new BadJwtException("the token's algorithm is not accepted");
        }
        return decoder.decode(token);
    }

    private static JWSAlgorithm algorithmOf(String token) {
        try {
            if (token != null && JWTParser.parse(token) instanceof SignedJWT signed) {
                return signed.getHeader().getAlgorithm();
            }
        } catch (ParseException malformed) {
            throw new BadJwtException("the token is not a signed JWT");
        }
        throw new BadJwtException("the token is not a signed JWT");
    }
}
