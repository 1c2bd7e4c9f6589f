package com.grow.payments.infra.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.grow.payments.infra.IntegrationTest;
import com.grow.payments.sagas.gateway.PaymentGateway;
import com.grow.payments.sandbox.FaultKind;
import com.grow.payments.sandbox.FaultPlan;
import com.grow.payments.shared.OrderId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The probes a platform points at the service: what each group checks, and that Toss is only told. */
class HealthIT extends IntegrationTest {

    @Autowired
    private PaymentGateway gateway;

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
        String token = token("member-health");
        String[] payment = checkoutAndAuthorize(token, 3000, null);
        assertThat(confirm(token, payment[0], payment[1], 3000).status()).isEqualTo(200);

        Reply health = get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        assertThat(health.json().path("components").path("toss").path("status").asText()).isEqualTo("UP");
        assertThat(health.body()).doesNotContain("127.0.0.1").doesNotContain("jdbc:");
        assertThat(get("/actuator/health/readiness", null).json().path("components").has("toss")).isFalse();
    }

    @Test
    void health_checks_send_nothing_to_toss() {
        for (int i = 0; i < 5; i++) {
            assertThat(get("/actuator/health", null).status()).isEqualTo(200);
        }

        assertThat(sandbox().stats().requestsByPath().keySet()).noneMatch(path -> path.contains("/health"));
        assertThat(sandbox().stats().requests("GET", "/v1/payments/orders/health")).isZero();
    }

    @Test
    void toss_is_unreachable_after_real_calls_fail_in_a_row_and_up_again_after_one_answer() {
        sandbox().faults().inject(FaultPlan.ANY, FaultKind.SERVER_ERROR, 50);
        try {
            for (int i = 0; i < 6; i++) {
                gateway.lookup("checkout", new OrderId("ord_health_" + i)).join();
            }
            Reply down = get("/actuator/health", null);
            assertThat(down.status()).isEqualTo(200);
            assertThat(down.json().path("components").path("toss").path("status").asText()).isEqualTo("UNREACHABLE");
        } finally {
            sandbox().faults().clearFaults();
        }
        gateway.lookup("checkout", new OrderId("ord_health_after")).join();
        assertThat(get("/actuator/health", null).json().path("components").path("toss").path("status").asText())
                .isEqualTo("UP");
    }
}
