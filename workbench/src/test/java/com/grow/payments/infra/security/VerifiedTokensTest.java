package com.grow.payments.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class VerifiedTokensTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef-test-only";
    private static final Instant NOW = Instant.parse("2026-11-25T06:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final AtomicInteger verifications = new AtomicInteger();
    private final JwtDecoder tokens;

    VerifiedTokensTest() {
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(SecurityConfiguration.HmacKeys.of(SECRET)).build();
        JwtTimestampValidator timeChecks = new JwtTimestampValidator(Duration.ZERO);
        timeChecks.setClock(clock);
        nimbus.setJwtValidator(timeChecks);
        JwtDecoder counting = token -> {
            verifications.incrementAndGet();
            return nimbus.decode(token);
        };
        tokens = new VerifiedTokens(counting, timeChecks, 2);
    }

    @Test
    void a_token_sent_again_is_not_verified_again() {
        String token = token(SECRET, "member-1", NOW.plusSeconds(600));

        assertThat(tokens.decode(token).getSubject()).isEqualTo("member-1");
        assertThat(tokens.decode(token).getSubject()).isEqualTo("member-1");
        assertThat(verifications).hasValue(1);
    }

    @Test
    void a_remembered_token_is_refused_once_it_expires() {
        String token = token(SECRET, "member-1", NOW.plusSeconds(60));
        tokens.decode(token);

        clock.set(NOW.plusSeconds(61));

        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void only_the_exact_token_is_remembered_a_forged_one_is_still_refused() {
        tokens.decode(token(SECRET, "member-1", NOW.plusSeconds(600)));
        String forged = token("another-secret-of-at-least-32-bytes!!", "member-1", NOW.plusSeconds(600));

        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(JwtException.class);
    }

    @Test
    void the_least_recently_used_token_is_forgotten_beyond_the_bound() {
        String first = token(SECRET, "member-1", NOW.plusSeconds(600));
        tokens.decode(first);
        tokens.decode(token(SECRET, "member-2", NOW.plusSeconds(600)));
        tokens.decode(token(SECRET, "member-3", NOW.plusSeconds(600)));

        tokens.decode(first);

        assertThat(verifications).hasValue(4);
    }

    private static String token(String secret, String subject, Instant expires) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
                    .subject(subject).issueTime(Date.from(NOW)).expirationTime(Date.from(expires)).build());
            jwt.sign(new MACSigner(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
