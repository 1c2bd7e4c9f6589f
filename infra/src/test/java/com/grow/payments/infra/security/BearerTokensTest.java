package com.grow.payments.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The bearer token rules, run through the decoder the service builds, once for each algorithm:
 * HS256 signed with the shared secret and RS256 signed with the identity provider's private key.
 */
class BearerTokensTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef-test-only";
    private static final Instant NOW = Instant.parse("2026-11-25T06:00:00Z");
    private static final String ISSUER = "https://id.grow.example";
    private static final String AUDIENCE = "grow-payments";
    private static final KeyPair RSA = rsaKeyPair();
    private static final KeyPair OTHER_RSA = rsaKeyPair();

    @TempDir
    static Path keys;

    enum Algorithm {
        HS256 {
            @Override
            SignedJWT sign(JWTClaimsSet claims, boolean rightKey) throws Exception {
                String secret = rightKey ? SECRET : SECRET.replace('0', 'x');
                return signed(JWSAlgorithm.HS256, new MACSigner(secret.getBytes()), claims);
            }
        },
        RS256 {
            @Override
            SignedJWT sign(JWTClaimsSet claims, boolean rightKey) throws Exception {
                KeyPair pair = rightKey ? RSA : OTHER_RSA;
                return signed(JWSAlgorithm.RS256, new RSASSASigner(pair.getPrivate()), claims);
            }
        };

        abstract SignedJWT sign(JWTClaimsSet claims, boolean rightKey) throws Exception;
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void a_token_with_subject_roles_and_expiry_is_accepted(Algorithm algorithm) throws Exception {
        String token = algorithm.sign(claims(b -> b), true).serialize();

        assertThat(decoder(null, null).decode(token).getSubject()).isEqualTo("member-1");
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void an_expired_token_is_refused(Algorithm algorithm) throws Exception {
        String token = algorithm.sign(claims(b -> b.expirationTime(Date.from(NOW.minusSeconds(120)))), true)
                .serialize();

        assertRefused(decoder(null, null), token);
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void a_token_expired_within_the_clock_skew_is_still_accepted(Algorithm algorithm) throws Exception {
        String token = algorithm.sign(claims(b -> b.expirationTime(Date.from(NOW.minusSeconds(10)))), true)
                .serialize();

        assertThat(decoder(null, null).decode(token).getSubject()).isEqualTo("member-1");
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void a_token_without_expiry_is_refused(Algorithm algorithm) throws Exception {
        String token = algorithm.sign(claims(b -> b.expirationTime(null)), true).serialize();

        assertRefused(decoder(null, null), token);
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void a_token_without_subject_is_refused(Algorithm algorithm) throws Exception {
        String token = algorithm.sign(claims(b -> b.subject(null)), true).serialize();

        assertRefused(decoder(null, null), token);
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void a_token_from_another_issuer_is_refused_when_the_issuer_is_configured(Algorithm algorithm) throws Exception {
        String right = algorithm.sign(claims(b -> b.issuer(ISSUER)), true).serialize();
        String wrong = algorithm.sign(claims(b -> b.issuer("https://evil.example")), true).serialize();
        String none = algorithm.sign(claims(b -> b), true).serialize();
        JwtDecoder decoder = decoder(ISSUER, null);

        assertThat(decoder.decode(right).getSubject()).isEqualTo("member-1");
        assertRefused(decoder, wrong);
        assertRefused(decoder, none);
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void a_token_for_another_audience_is_refused_when_the_audience_is_configured(Algorithm algorithm)
            throws Exception {
        String right = algorithm.sign(claims(b -> b.audience(List.of("other", AUDIENCE))), true).serialize();
        String wrong = algorithm.sign(claims(b -> b.audience("another-service")), true).serialize();
        String none = algorithm.sign(claims(b -> b), true).serialize();
        JwtDecoder decoder = decoder(null, AUDIENCE);

        assertThat(decoder.decode(right).getSubject()).isEqualTo("member-1");
        assertRefused(decoder, wrong);
        assertRefused(decoder, none);
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void a_token_signed_with_another_key_is_refused(Algorithm algorithm) throws Exception {
        String token = algorithm.sign(claims(b -> b), false).serialize();

        assertRefused(decoder(null, null), token);
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void a_token_whose_claims_were_changed_after_signing_is_refused(Algorithm algorithm) throws Exception {
        String[] parts = algorithm.sign(claims(b -> b), true).serialize().split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims(b -> b.claim("roles", List.of("ADMIN"))).toString().getBytes());

        assertRefused(decoder(null, null), parts[0] + "." + forged + "." + parts[2]);
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void an_unsigned_token_with_alg_none_is_refused(Algorithm algorithm) {
        String token = new PlainJWT(claims(b -> b.claim("alg-tried-instead-of", algorithm.name()))).serialize();

        assertRefused(decoder(null, null), token);
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void a_token_whose_algorithm_has_no_configured_key_is_refused(Algorithm algorithm) throws Exception {
        String token = algorithm.sign(claims(b -> b), true).serialize();
        JwtDecoder onlyTheOther = algorithm == Algorithm.HS256 ? rsaOnly() : hmacOnly();

        assertRefused(onlyTheOther, token);
    }

    @org.junit.jupiter.api.Test
    void an_hs256_token_signed_with_the_public_rsa_key_as_secret_is_refused() throws Exception {
        byte[] publicKey = RSA.getPublic().getEncoded();
        String token = signed(JWSAlgorithm.HS256, new MACSigner(publicKey), claims(b -> b)).serialize();

        assertRefused(rsaOnly(), token);
        assertRefused(decoder(null, null), token);
    }

    @org.junit.jupiter.api.Test
    void without_any_key_the_service_does_not_start() {
        assertThatThrownBy(() -> build(null, new OAuth2ResourceServerProperties(), null, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("payments.security.jwt.hmac-secret");
    }

    private static void assertRefused(JwtDecoder decoder, String token) {
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
    }

    private static JwtDecoder decoder(String issuer, String audience) {
        return build(SECRET, rsaProperties(), issuer, audience);
    }

    private static JwtDecoder hmacOnly() {
        return build(SECRET, new OAuth2ResourceServerProperties(), null, null);
    }

    private static JwtDecoder rsaOnly() {
        return build(null, rsaProperties(), null, null);
    }

    private static JwtDecoder build(String secret, OAuth2ResourceServerProperties resourceServer, String issuer,
                                    String audience) {
        JwtProperties properties = new JwtProperties(secret, issuer, audience, Duration.ofSeconds(30), 0);
        try {
            return SecurityConfiguration.bearerTokenDecoder(properties, resourceServer.getJwt(),
                    Clock.fixed(NOW, ZoneOffset.UTC));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The identity provider's public key as a PEM file, as {@code public-key-location} names it. */
    private static OAuth2ResourceServerProperties rsaProperties() {
        Path pem = keys.resolve("idp-public.pem");
        try {
            if (!Files.exists(pem)) {
                Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(RSA.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        OAuth2ResourceServerProperties properties = new OAuth2ResourceServerProperties();
        properties.getJwt().setPublicKeyLocation(new FileSystemResource(pem));
        return properties;
    }

    private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .subject("member-1")
                .claim("roles", List.of("USER"))
                .issueTime(Date.from(NOW.minusSeconds(60)))
                .expirationTime(Date.from(NOW.plusSeconds(600)));
        return change.apply(builder).build();
    }

    private static SignedJWT signed(JWSAlgorithm algorithm, JWSSigner signer, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(signer);
        return jwt;
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
