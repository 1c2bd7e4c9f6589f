package com.grow.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminApiTest extends SandboxTestSupport {

    @Test
    void faults_injected_over_http_apply_to_the_next_calls() {
        Answer added = sandboxPost("/sandbox/admin/faults", Map.of("endpoint", "lookup", "kind", "SERVER_ERROR", "count", 1));

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().path("faults").get(0).path("remaining").asInt()).isEqualTo(1);
        assertThat(get("/v1/payments/orders/no-such-order").status()).isEqualTo(500);
        assertThat(get("/v1/payments/orders/no-such-order").status()).isEqualTo(404);
    }

    @Test
    void a_bad_fault_request_is_refused() {
        assertThat(sandboxPost("/sandbox/admin/faults", Map.of("endpoint", "nowhere", "kind", "TIMEOUT", "count", 1)).status())
                .isEqualTo(400);
        assertThat(sandboxPost("/sandbox/admin/faults", Map.of("endpoint", "confirm", "kind", "EXPLODE", "count", 1)).status())
                .isEqualTo(400);
    }

    @Test
    void latency_set_over_http_is_reported_and_applied() {
        Answer answer = sandboxPost("/sandbox/admin/latency", Map.of("millis", 250));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("latencyMillis").asLong()).isEqualTo(250);
        assertThat(sandbox.faults().latency()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void the_clock_advanced_over_http_expires_a_pending_payment() {
        String orderId = orderId();
        String paymentKey = sandbox.authorize(orderId, "item", 1_000, null);

        Answer advanced = sandboxPost("/sandbox/admin/clock", Map.of("advanceSeconds", 601));

        assertThat(advanced.status()).isEqualTo(200);
        assertThat(advanced.json().path("now").asText()).isEqualTo("2026-11-25T14:13:23+09:00");
        assertThat(confirm(paymentKey, orderId, 1_000, newKey()).code()).isEqualTo("NOT_FOUND_PAYMENT_SESSION");
    }

    @Test
    void the_clock_cannot_be_advanced_when_it_is_not_a_sandbox_clock() {
        try (TossSandbox fixed = TossSandbox.start(SandboxConfig.builder().clock(Clock.fixed(START, ZoneOffset.UTC)).build())) {
            Answer answer = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(fixed.baseUrl() + "/sandbox/admin/clock"))
                    .POST(jsonBody(Map.of("advanceSeconds", 60))).build());

            assertThat(answer.status()).isEqualTo(409);
            assertThat(answer.code()).isEqualTo("CLOCK_NOT_ADJUSTABLE");
        }
    }

    @Test
    void requests_are_counted_by_exact_path_even_where_no_route_takes_them() {
        String orderId = orderId();
        get("/v1/payments/orders/" + orderId);
        get("/v1/payments/orders/" + orderId);
        get("/v1/nowhere");

        assertThat(sandbox.stats().requests("GET", "/v1/payments/orders/" + orderId)).isEqualTo(2);
        assertThat(sandbox.stats().requests("GET", "/v1/nowhere")).isEqualTo(1);
        assertThat(sandboxGet("/sandbox/admin/stats").json().path("requestsByPath")
                .path("GET /v1/payments/orders/" + orderId).asLong()).isEqualTo(2);
    }

    @Test
    void stats_are_reported_over_http() {
        String orderId = orderId();
        String paymentKey = sandbox.authorize(orderId, "item", 4_000, null);
        confirm(paymentKey, orderId, 4_000, newKey());
        post("/v1/payments/" + paymentKey + "/cancel", Map.of("cancelReason", "x", "cancelAmount", 1_500));

        JsonNode stats = sandboxGet("/sandbox/admin/stats").json();

        assertThat(stats.path("requests").path("confirm").asLong()).isEqualTo(1);
        assertThat(stats.path("requests").path("cancel").asLong()).isEqualTo(1);
        assertThat(stats.path("totalApprovals").asLong()).isEqualTo(1);
        assertThat(stats.path("approvedAmountTotal").asLong()).isEqualTo(4_000);
        assertThat(stats.path("canceledAmountTotal").asLong()).isEqualTo(1_500);
        JsonNode order = stats.path("orders").path(orderId);
        assertThat(order.path("confirmRequests").asLong()).isEqualTo(1);
        assertThat(order.path("approvals").asLong()).isEqualTo(1);
        assertThat(order.path("cancelExecutions").asLong()).isEqualTo(1);
    }

    @Test
    void reset_over_http_forgets_everything() {
        String orderId = orderId();
        sandbox.authorize(orderId, "item", 4_000, null);
        sandbox.faults().inject(FaultPlan.ANY, FaultKind.SERVER_ERROR, 3);

        Answer answer = sandboxPost("/sandbox/admin/reset", Map.of());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(sandbox.payment(orderId)).isEmpty();
        assertThat(sandbox.faults().pending(FaultPlan.CONFIRM)).isZero();
    }
}
