package com.grow.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class FaultInjectionTest extends SandboxTestSupport {

    private HttpRequest confirmRequest(String paymentKey, String orderId, long amount, String key, Duration timeout) {
        return tossRequest("/v1/payments/confirm", "Idempotency-Key", key)
                .timeout(timeout)
                .POST(jsonBody(confirmBody(paymentKey, orderId, amount)))
                .build();
    }

    @Test
    void a_server_error_fault_answers_500_processes_nothing_and_a_retry_with_the_same_key_runs() {
        String orderId = orderId();
        String paymentKey = sandbox.authorize(orderId, "item", 2_000, null);
        sandbox.faults().inject(FaultPlan.CONFIRM, FaultKind.SERVER_ERROR, 1);
        String key = newKey();

        Answer failed = confirm(paymentKey, orderId, 2_000, key);

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.code()).isEqualTo("FAILED_INTERNAL_SYSTEM_PROCESSING");
        assertThat(sandbox.payment(orderId).orElseThrow().status()).isEqualTo(PaymentStatus.IN_PROGRESS);
        assertThat(confirm(paymentKey, orderId, 2_000, key).status()).isEqualTo(200);
        assertThat(sandbox.stats().approvals(orderId)).isEqualTo(1);
        assertThat(sandbox.stats().confirmRequests(orderId)).isEqualTo(2);
    }

    @Test
    void a_provider_error_fault_answers_400_provider_error_and_processes_nothing() {
        String orderId = orderId();
        String paymentKey = sandbox.authorize(orderId, "item", 2_000, null);
        sandbox.faults().inject(FaultPlan.CONFIRM, FaultKind.PROVIDER_ERROR, 2);

        Answer first = confirm(paymentKey, orderId, 2_000, newKey());
        Answer second = confirm(paymentKey, orderId, 2_000, newKey());
        Answer third = confirm(paymentKey, orderId, 2_000, newKey());

        assertThat(first.status()).isEqualTo(400);
        assertThat(first.code()).isEqualTo("PROVIDER_ERROR");
        assertThat(second.code()).isEqualTo("PROVIDER_ERROR");
        assertThat(third.status()).isEqualTo(200);
        assertThat(sandbox.faults().pending(FaultPlan.CONFIRM)).isZero();
    }

    @Test
    void an_idempotent_processing_fault_answers_409_and_processes_nothing() {
        String orderId = orderId();
        String paymentKey = sandbox.authorize(orderId, "item", 2_000, null);
        sandbox.faults().inject(FaultPlan.CONFIRM, FaultKind.IDEMPOTENT_PROCESSING, 1);

        Answer answer = confirm(paymentKey, orderId, 2_000, newKey());

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.code()).isEqualTo("IDEMPOTENT_REQUEST_PROCESSING");
        assertThat(sandbox.payment(orderId).orElseThrow().status()).isEqualTo(PaymentStatus.IN_PROGRESS);
    }

    @Test
    void a_timeout_fault_leaves_the_client_waiting_and_processes_nothing() {
        String orderId = orderId();
        String paymentKey = sandbox.authorize(orderId, "item", 2_000, null);
        sandbox.faults().inject(FaultPlan.CONFIRM, FaultKind.TIMEOUT, 1, Duration.ofSeconds(20));
        String key = newKey();

        assertThatThrownBy(() -> http.send(confirmRequest(paymentKey, orderId, 2_000, key, Duration.ofMillis(400)),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);

        assertThat(sandbox.payment(orderId).orElseThrow().status()).isEqualTo(PaymentStatus.IN_PROGRESS);
        assertThat(sandbox.stats().approvals(orderId)).isZero();
        // The first call never completed, so nothing was stored under its key: the retry really confirms.
        Answer retry = confirm(paymentKey, orderId, 2_000, key);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(sandbox.stats().approvals(orderId)).isEqualTo(1);
    }

    @Test
    void a_timeout_fault_closes_the_connection_without_an_answer_after_the_hold() {
        String orderId = orderId();
        String paymentKey = sandbox.authorize(orderId, "item", 2_000, null);
        sandbox.faults().inject(FaultPlan.CONFIRM, FaultKind.TIMEOUT, 1, Duration.ofMillis(200));

        assertThatThrownBy(() -> http.send(confirmRequest(paymentKey, orderId, 2_000, newKey(), Duration.ofSeconds(10)),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class)
                .isNotInstanceOf(HttpTimeoutException.class);
        assertThat(sandbox.payment(orderId).orElseThrow().status()).isEqualTo(PaymentStatus.IN_PROGRESS);
    }

    @Test
    void a_lost_answer_fault_approves_the_payment_but_sends_nothing_and_the_retry_replays_the_approval() {
        String orderId = orderId();
        String paymentKey = sandbox.authorize(orderId, "item", 2_000, null);
        sandbox.faults().inject(FaultPlan.CONFIRM, FaultKind.LOST_ANSWER, 1, Duration.ofMillis(200));
        String key = newKey();

        assertThatThrownBy(() -> http.send(confirmRequest(paymentKey, orderId, 2_000, key, Duration.ofSeconds(10)),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);

        Answer lookup = get("/v1/payments/orders/" + orderId);
        assertThat(lookup.json().path("status").asText()).isEqualTo("DONE");
        Answer retry = confirm(paymentKey, orderId, 2_000, key);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json()).isEqualTo(lookup.json());
        assertThat(sandbox.stats().approvals(orderId)).isEqualTo(1);
        Answer newKeyRetry = confirm(paymentKey, orderId, 2_000, newKey());
        assertThat(newKeyRetry.code()).isEqualTo("ALREADY_PROCESSED_PAYMENT");
    }

    @Test
    void a_lookup_fault_hits_both_lookups_and_a_cancel_fault_only_cancels() {
        String orderId = orderId();
        String paymentKey = sandbox.authorize(orderId, "item", 2_000, null);
        sandbox.faults().inject(FaultPlan.LOOKUP, FaultKind.SERVER_ERROR, 2)
                .inject(FaultPlan.CANCEL, FaultKind.PROVIDER_ERROR, 1);

        assertThat(get("/v1/payments/" + paymentKey).status()).isEqualTo(500);
        assertThat(confirm(paymentKey, orderId, 2_000, newKey()).status()).isEqualTo(200);
        assertThat(get("/v1/payments/orders/" + orderId).status()).isEqualTo(500);
        assertThat(get("/v1/payments/orders/" + orderId).status()).isEqualTo(200);

        Answer cancel = post("/v1/payments/" + paymentKey + "/cancel", Map.of("cancelReason", "x"));
        assertThat(cancel.code()).isEqualTo("PROVIDER_ERROR");
        assertThat(sandbox.stats().cancelExecutions(orderId)).isZero();
        assertThat(post("/v1/payments/" + paymentKey + "/cancel", Map.of("cancelReason", "x")).status()).isEqualTo(200);
    }

    @Test
    void faults_for_any_endpoint_are_taken_in_order_with_endpoint_specific_ones() {
        String orderId = orderId();
        String paymentKey = sandbox.authorize(orderId, "item", 2_000, null);
        sandbox.faults().inject(FaultPlan.ANY, FaultKind.PROVIDER_ERROR, 1)
                .inject(FaultPlan.CONFIRM, FaultKind.SERVER_ERROR, 1);

        assertThat(get("/v1/payments/" + paymentKey).code()).isEqualTo("PROVIDER_ERROR");
        assertThat(confirm(paymentKey, orderId, 2_000, newKey()).code()).isEqualTo("FAILED_INTERNAL_SYSTEM_PROCESSING");
        assertThat(confirm(paymentKey, orderId, 2_000, newKey()).status()).isEqualTo(200);
    }

    @Test
    void latency_delays_every_answer() {
        sandbox.faults().latency(Duration.ofMillis(300));
        long started = System.nanoTime();

        Answer answer = get("/v1/payments/orders/no-such-order");

        assertThat(answer.code()).isEqualTo("NOT_FOUND_PAYMENT");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void hundreds_of_calls_waiting_out_the_latency_are_all_answered_together() {
        sandbox.faults().latency(Duration.ofMillis(800));
        ExecutorService clientThreads = Executors.newCachedThreadPool();
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientThreads).build();
            long started = System.nanoTime();

            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                calls.add(client.sendAsync(tossRequest("/v1/payments/orders/order-" + (100_000 + i)).GET().build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            List<Integer> statuses = calls.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();

            assertThat(statuses).hasSize(300).containsOnly(404);
            // Serialized waiting would take 300 x 0.8 s; waiting on a timer keeps it near one latency.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
            assertThat(sandbox.stats().requests(FaultPlan.LOOKUP)).isEqualTo(300);
        } finally {
            clientThreads.shutdownNow();
        }
    }

    @Test
    void a_fault_for_an_unknown_endpoint_or_with_a_bad_count_is_refused() {
        assertThatThrownBy(() -> sandbox.faults().inject("confirms", FaultKind.TIMEOUT, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sandbox.faults().inject(FaultPlan.CONFIRM, FaultKind.TIMEOUT, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reset_clears_payments_faults_stats_and_keys() {
        String orderId = orderId();
        String paymentKey = sandbox.authorize(orderId, "item", 2_000, null);
        String key = newKey();
        confirm(paymentKey, orderId, 2_000, key);
        sandbox.faults().inject(FaultPlan.ANY, FaultKind.SERVER_ERROR, 5).latency(Duration.ofSeconds(5));

        sandbox.reset();

        assertThat(sandbox.payment(orderId)).isEmpty();
        assertThat(sandbox.faults().pending(FaultPlan.CONFIRM)).isZero();
        assertThat(sandbox.faults().latency()).isZero();
        assertThat(sandbox.stats().totalApprovals()).isZero();
        assertThat(confirm(paymentKey, orderId, 2_000, key).code()).isEqualTo("NOT_FOUND_PAYMENT_SESSION");
    }
}
