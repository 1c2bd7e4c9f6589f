package com.grow.payments.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.grow.payments.infra.GrowPaymentsApplication;
import com.grow.payments.infra.IntegrationTest;
import com.grow.payments.infra.TestClock;
import com.grow.payments.infra.standalone.EmbeddedServers;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.Environment;

/**
 * The service as it runs in production: no standalone profile, RS256 tokens from an identity
 * provider, health and metrics on the management port only, and no {@code /dev/token} even when
 * dev tokens are switched on. It uses the embedded servers of the standalone test context, as it
 * would use real ones, with a database of its own.
 */
class ProductionProfileIT extends IntegrationTest {

    private static final String ISSUER = "https://id.grow.example";
    private static ConfigurableApplicationContext production;
    private static KeyPair identityProvider;

    @Value("${spring.data.redis.port}")
    private int redisPort;
    @Value("${spring.kafka.bootstrap-servers}")
    private String kafka;
    @Value("${toss.base-url}")
    private String tossBaseUrl;
    @Value("${payments.security.jwt.hmac-secret}")
    private String standaloneHmacSecret;

    @AfterAll
    static void stopProduction() {
        if (production != null) {
            production.close();
        }
    }

    @Test
    void outside_standalone_there_is_no_dev_token_and_health_and_metrics_are_on_the_management_port_only()
            throws Exception {
        Environment environment = production().getEnvironment();
        String api = "http://127.0.0.1:" + environment.getProperty("local.server.port");
        String management = "http://127.0.0.1:" + environment.getProperty("local.management.port");
        assertThat(management).isNotEqualTo(api);

        Reply devToken = send(request(api, "/dev/token?sub=intruder&roles=ADMIN", null).GET());
        assertThat(devToken.status()).as(devToken.body()).isIn(401, 404);
        assertThat(devToken.body()).doesNotStartWith("ey");

        for (String path : List.of("/actuator/health", "/actuator/prometheus")) {
            assertThat(send(request(api, path, null).GET()).status()).as("API port %s", path).isIn(401, 404);
            assertThat(send(request(management, path, null).GET()).status()).as("management port %s", path)
                    .isEqualTo(200);
        }
        assertThat(send(request(management, "/actuator/health/readiness", null).GET()).body()).contains("\"UP\"");
    }

    @Test
    void outside_standalone_rs256_tokens_of_the_identity_provider_are_checked_by_the_same_rules() throws Exception {
        String api = "http://127.0.0.1:" + production().getEnvironment().getProperty("local.server.port");
        Instant now = Instant.now();
        JWTClaimsSet valid = claims(now).issuer(ISSUER).expirationTime(Date.from(now.plusSeconds(300))).build();
        JWTClaimsSet noExpiry = claims(now).issuer(ISSUER).build();
        JWTClaimsSet otherIssuer = claims(now).issuer("https://other.example")
                .expirationTime(Date.from(now.plusSeconds(300))).build();

        assertThat(send(request(api, "/api/v1/payments", rs256(valid)).GET()).status()).isEqualTo(200);
        assertThat(send(request(api, "/api/v1/payments", rs256(noExpiry)).GET()).status()).isEqualTo(401);
        assertThat(send(request(api, "/api/v1/payments", rs256(otherIssuer)).GET()).status()).isEqualTo(401);
        // the dev secret means nothing here: HS256 has no key outside standalone
        SignedJWT hs256 = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), valid);
        hs256.sign(new MACSigner(standaloneHmacSecret.getBytes(StandardCharsets.UTF_8)));
        assertThat(send(request(api, "/api/v1/payments", hs256.serialize()).GET()).status()).isEqualTo(401);
    }

    @Test
    void the_service_refuses_to_start_with_dev_tokens_and_a_live_toss_key() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(GrowPaymentsApplication.class, TestClock.Configuration.class)
                .profiles("standalone")
                .run("--server.port=0", "--toss.base-url=" + tossBaseUrl,
                        "--toss.secret-key=live_sk_" + "0000000000000000", "--payments.security.dev-tokens.enabled=true"))
                .satisfies(failure -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure).getMessage())
                        .contains("payments.security.dev-tokens.enabled", "toss.secret-key")
                        .doesNotContain("0000000000000000"));
    }

    private synchronized ConfigurableApplicationContext production() throws Exception {
        if (production == null) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            identityProvider = generator.generateKeyPair();
            Path publicKey = Files.createTempFile("idp", ".pem");
            Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(identityProvider.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
            publicKey.toFile().deleteOnExit();
            String database = EmbeddedServers.newPostgresDatabase("production_profile");
            // arguments, not builder properties: those are defaults that application.yml overrides
            production = new SpringApplicationBuilder(GrowPaymentsApplication.class, TestClock.Configuration.class)
                    .run("--server.port=0", "--management.server.port=0",
                            "--spring.datasource.url=" + database, "--spring.datasource.username=postgres",
                            "--spring.datasource.password=postgres",
                            "--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + redisPort,
                            "--spring.kafka.bootstrap-servers=" + kafka,
                            "--toss.base-url=" + tossBaseUrl, "--toss.secret-key=" + tossSecretKey,
                            "--payments.crypto.key=" + Base64.getEncoder().encodeToString(new byte[32]),
                            "--payments.audit.chain-key=" + Base64.getEncoder().encodeToString(new byte[32]),
                            "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey,
                            "--payments.security.jwt.issuer=" + ISSUER,
                            // switched on, and still absent: the endpoint belongs to standalone alone
                            "--payments.security.dev-tokens.enabled=true");
        }
        return production;
    }

    private static JWTClaimsSet.Builder claims(Instant now) {
        return new JWTClaimsSet.Builder().subject("member-production").claim("roles", List.of("USER"))
                .issueTime(Date.from(now));
    }

    private static String rs256(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(identityProvider.getPrivate()));
        return jwt.serialize();
    }
}
