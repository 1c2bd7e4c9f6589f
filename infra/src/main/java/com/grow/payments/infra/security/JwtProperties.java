package com.grow.payments.infra.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code payments.security.jwt.*}: how bearer tokens are checked. RS256 keys come from Spring
 * Boot's {@code spring.security.oauth2.resourceserver.jwt.*}; the same rules apply to both.
 *
 * @param hmacSecret       HS256 key for dev and test tokens (its UTF-8 bytes, 32 or more); unset: no HS256
 * @param issuer           the {@code iss} every token must carry; unset: Boot's {@code issuer-uri}, else unchecked
 * @param audience         a value the token's {@code aud} must hold; unset: Boot's {@code audiences}, else unchecked
 * @param clockSkew        how far a token's {@code exp}/{@code nbf} may be off from our clock
 * @param rememberedTokens how many verified tokens are remembered (0: verify every time)
 */
@ConfigurationProperties("payments.security.jwt")
public record JwtProperties(
        String hmacSecret,
        String issuer,
        String audience,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue("4096") int rememberedTokens) {

    @Override
    public String toString() {
        return "JwtProperties[hmacSecret=" + (hmacSecret == null ? "null" : "****") + ", issuer=" + issuer
                + ", audience=" + audience + ", clockSkew=" + clockSkew + ", rememberedTokens=" + rememberedTokens + "]";
    }
}
