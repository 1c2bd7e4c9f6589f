package com.grow.payments.infra.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.grow.payments.infra.IntegrationTest;
import com.grow.payments.workbench.EmbeddedServers;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Without Redis, keyed requests fail closed and unkeyed ones still charge exactly once. */
class RedisOutageIT extends IntegrationTest {

    @AfterEach
    void redisBack() throws Exception {
        EmbeddedServers.restartRedis();
    }

    @Test
    void keyed_requests_get_503_while_redis_is_down_and_work_again_when_it_returns() throws Exception {
        String token = token("member-redis-outage");
        EmbeddedServers.stopRedis();

        Reply keyed = postWithKey("/api/v1/payments", token, UUID.randomUUID().toString(),
                "{\"orderName\":\"Keyed\",\"amount\":1000}");
        assertThat(keyed.status()).isEqualTo(503);
        assertThat(keyed.code()).isEqualTo("IDEMPOTENCY_UNAVAILABLE");
        assertThat(keyed.header("Retry-After")).isNotNull();
        // retrying without the key would drop the guard against a double charge: never advised
        assertThat(keyed.json().path("detail").asText()).contains("same Idempotency-Key")
                .doesNotContainIgnoringCase("without");

        String[] payment = checkoutAndAuthorize(token, 11000, null);
        Reply unkeyed = confirm(token, payment[0], payment[1], 11000);
        assertThat(unkeyed.status()).isEqualTo(200);
        assertThat(confirm(token, payment[0], payment[1], 11000).status()).isEqualTo(200);
        assertThat(sandbox().stats().approvals(payment[0])).isEqualTo(1);
        assertThat(sandbox().stats().confirmRequests(payment[0])).isEqualTo(1);

        Reply health = get("/actuator/health", null);
        assertThat(health.json().path("components").path("redis").path("status").asText()).isEqualTo("DOWN");

        EmbeddedServers.restartRedis();
        String key = UUID.randomUUID().toString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(postWithKey("/api/v1/payments", token, key, "{\"orderName\":\"Back\",\"amount\":1000}")
                        .status()).isIn(200, 201));
        assertThat(get("/actuator/health", null).json().path("components").path("redis").path("status").asText())
                .isEqualTo("UP");
    }
}
