package com.grow.payments.infra.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.grow.payments.infra.IntegrationTest;
import org.junit.jupiter.api.Test;

/** The probes a platform points at the service: what each group checks, and that Toss is only told. */
class HealthIT extends IntegrationTest {

    @Test
    void readiness_checks_the_database_redis_and_kafka_and_liveness_only_the_jvm() {
        Reply readiness = get("/actuator/health/readiness", null);
        assertThat(readiness.status()).isEqualTo(200);
        JsonNode components = readiness.json().path("components");
        assertThat(readiness.json().path("status").asText()).isEqualTo("UP");
        assertThat(components.fieldNames()).toIterable()
                .containsExactlyInAnyOrder("readinessState", "db", "redis", "kafka");
        assertThat(components.path("kafka").path("status").asText()).isEqualTo("UP");

        Reply liveness = get("/actuator/health/liveness", null);
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().path("components").fieldNames()).toIterable().containsExactly("livenessState");
    }

    @Test
    void tosss_reachability_is_shown_but_in_no_probe_and_no_details_are_given_away() {
        Reply health = get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("components").path("toss").path("status").asText()).isEqualTo("UP");
        assertThat(health.body()).doesNotContain("127.0.0.1").doesNotContain("jdbc:");
        assertThat(get("/actuator/health/readiness", null).json().path("components").has("toss")).isFalse();
    }
}
