package com.grow.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class IdempotencyTest extends SandboxTestSupport {

    private static final String OTHER_KEY = "test_sk_" + "secondMerchantKey000000";

    @Override
    SandboxConfig.Builder configure(SandboxConfig.Builder builder) {
        return builder.secretKeys(Set.of(SECRET_KEY, OTHER_KEY));
    }

    @Test
    void repeating_a_confirm_with_the_same_key_replays_the_first_answer_without_approving_again() {
        String orderId = orderId();
        String paymentKey = sandbox.authorize(orderId, "item", 7_000, null);
        String key = newKey();

        Answer first = confirm(paymentKey, orderId, 7_000, key);
        clock.advance(Duration.ofMinutes(1));
        Answer replay = confirm(paymentKey, orderId, 7_000, key);

        assertThat(first.status()).isEqualTo(200);
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(sandbox.stats().approvals(orderId)).isEqualTo(1);
        assertThat(sandbox.stats().confirmRequests(orderId)).isEqualTo(2);
    }

    @Test
    void the_scope_ignores_the_body_so_a_reused_key_replays_the_old_answer_for_another_payment() {
        String firstOrder = orderId();
        String firstKey = sandbox.authorize(firstOrder, "item", 7_000, null);
        String secondOrder = orderId();
        String secondKey = sandbox.authorize(secondOrder, "item", 8_000, null);
        String key = newKey();

        Answer first = confirm(firstKey, firstOrder, 7_000, key);
        Answer reused = confirm(secondKey, secondOrder, 8_000, key);

        assertThat(reused.body()).isEqualTo(first.body());
        assertThat(reused.json().path("orderId").asText()).isEqualTo(firstOrder);
        assertThat(sandbox.payment(secondOrder)).get().extracting(SandboxPayment::status).isEqualTo(PaymentStatus.IN_PROGRESS);
    }

    @Test
    void the_same_key_under_another_secret_key_is_a_separate_request() {
        String orderId = orderId();
        String paymentKey = sandbox.authorize(orderId, "item", 7_000, null);
        String key = newKey();
        confirm(paymentKey, orderId, 7_000, key);

        Answer other = post("/v1/payments/confirm", confirmBody(paymentKey, orderId, 7_000),
                "Idempotency-Key", key, "Authorization", basic(OTHER_KEY));

        assertThat(other.code()).isEqualTo("ALREADY_PROCESSED_PAYMENT");
    }

    @Test
    void the_same_key_on_another_path_is_a_separate_request() {
        String orderId = orderId();
        String paymentKey = sandbox.authorize(orderId, "item", 7_000, null);
        String key = newKey();
        confirm(paymentKey, orderId, 7_000, key);

        Answer cancel = post("/v1/payments/" + paymentKey + "/cancel", java.util.Map.of("cancelReason", "test"),
                "Idempotency-Key", key);

        assertThat(cancel.status()).isEqualTo(200);
        assertThat(cancel.json().path("status").asText()).isEqualTo("CANCELED");
    }

    @Test
    void an_error_answer_is_replayed_too() {
        String orderId = orderId();
        String paymentKey = sandbox.authorize(orderId, "item", 7_000, "REJECT_CARD_PAYMENT");
        String key = newKey();

        Answer first = confirm(paymentKey, orderId, 7_000, key);
        Answer replay = confirm(paymentKey, orderId, 7_000, key);

        assertThat(first.status()).isEqualTo(403);
        assertThat(replay.status()).isEqualTo(403);
        assertThat(replay.body()).isEqualTo(first.body());
    }

    @Test
    void a_key_longer_than_300_characters_is_rejected_and_300_is_fine() {
        String orderId = orderId();
        String paymentKey = sandbox.authorize(orderId, "item", 7_000, null);

        Answer tooLong = confirm(paymentKey, orderId, 7_000, "k".repeat(301));
        Answer longest = confirm(paymentKey, orderId, 7_000, "k".repeat(300));

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.code()).isEqualTo("INVALID_IDEMPOTENCY_KEY");
        assertThat(longest.status()).isEqualTo(200);
    }

    @Test
    void a_repeat_while_the_first_call_is_in_flight_gets_idempotent_request_processing() {
        String orderId = orderId();
        String paymentKey = sandbox.authorize(orderId, "item", 7_000, null);
        String key = newKey();
        sandbox.faults().latency(Duration.ofMillis(1_500));

        CompletableFuture<HttpResponse<String>> first = http.sendAsync(
                tossRequest("/v1/payments/confirm", "Idempotency-Key", key).POST(jsonBody(confirmBody(paymentKey, orderId, 7_000))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(5)).until(() -> sandbox.stats().confirmRequests(orderId) == 1);
        Answer second = confirm(paymentKey, orderId, 7_000, key);
        HttpResponse<String> firstAnswer = first.join();

        // Whichever reached the key first owns it; the other one must be told to wait.
        assertThat(List.of(firstAnswer.statusCode(), second.status())).containsExactlyInAnyOrder(200, 409);
        Answer busy = second.status() == 409 ? second : new Answer(firstAnswer.statusCode(), firstAnswer.body(), firstAnswer);
        assertThat(busy.code()).isEqualTo("IDEMPOTENT_REQUEST_PROCESSING");
        assertThat(sandbox.stats().approvals(orderId)).isEqualTo(1);

        sandbox.faults().latency(Duration.ZERO);
        Answer after = confirm(paymentKey, orderId, 7_000, key);
        assertThat(after.status()).isEqualTo(200);
        assertThat(sandbox.stats().approvals(orderId)).isEqualTo(1);
    }

    @Test
    void keys_are_forgotten_after_fifteen_days() {
        String orderId = orderId();
        String paymentKey = sandbox.authorize(orderId, "item", 7_000, null);
        String key = newKey();
        confirm(paymentKey, orderId, 7_000, key);

        clock.advance(Duration.ofDays(15).minusSeconds(1));
        Answer stillReplayed = confirm(paymentKey, orderId, 7_000, key);
        clock.advance(Duration.ofSeconds(1));
        Answer runsAgain = confirm(paymentKey, orderId, 7_000, key);

        assertThat(stillReplayed.status()).isEqualTo(200);
        assertThat(runsAgain.status()).isEqualTo(400);
        assertThat(runsAgain.code()).isEqualTo("ALREADY_PROCESSED_PAYMENT");
    }

    @Test
    void the_header_is_ignored_on_get() {
        String orderId = orderId();
        sandbox.authorize(orderId, "item", 7_000, null);

        Answer answer = get("/v1/payments/orders/" + orderId, "Idempotency-Key", "k".repeat(400));

        assertThat(answer.status()).isEqualTo(200);
    }
}
