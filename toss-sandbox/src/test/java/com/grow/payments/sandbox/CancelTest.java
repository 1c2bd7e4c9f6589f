package com.grow.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CancelTest extends SandboxTestSupport {

    private String orderId;
    private String paymentKey;

    @BeforeEach
    void paidOrder() {
        orderId = orderId();
        paymentKey = sandbox.authorize(orderId, "item", 10_000, null);
        assertThat(confirm(paymentKey, orderId, 10_000, newKey()).status()).isEqualTo(200);
    }

    private Answer cancel(Object body) {
        return post("/v1/payments/" + paymentKey + "/cancel", body, "Idempotency-Key", newKey());
    }

    @Test
    void a_partial_then_a_full_cancel_reduce_the_balance_and_record_each_cancel() {
        clock.advance(Duration.ofHours(1));
        Answer partial = cancel(Map.of("cancelReason", "일부 환불", "cancelAmount", 3_000));
        clock.advance(Duration.ofHours(1));
        Answer rest = cancel(Map.of("cancelReason", "나머지 환불"));

        assertThat(partial.status()).isEqualTo(200);
        JsonNode p1 = partial.json();
        assertThat(p1.path("status").asText()).isEqualTo("PARTIAL_CANCELED");
        assertThat(p1.path("totalAmount").asLong()).isEqualTo(10_000);
        assertThat(p1.path("balanceAmount").asLong()).isEqualTo(7_000);
        assertThat(p1.path("cancels")).hasSize(1);
        JsonNode c1 = p1.path("cancels").get(0);
        assertThat(c1.path("cancelAmount").asLong()).isEqualTo(3_000);
        assertThat(c1.path("refundableAmount").asLong()).isEqualTo(7_000);
        assertThat(c1.path("cancelReason").asText()).isEqualTo("일부 환불");
        assertThat(c1.path("cancelStatus").asText()).isEqualTo("DONE");
        assertThat(c1.path("canceledAt").asText()).isEqualTo("2026-11-25T15:03:22+09:00");
        assertThat(c1.path("taxFreeAmount").asLong()).isZero();
        assertThat(c1.path("transactionKey").asText()).isNotBlank().isEqualTo(p1.path("lastTransactionKey").asText());
        assertThat(c1.path("receiptKey").asText()).isNotBlank();
        assertThat(c1.has("cancelRequestId")).isTrue();

        assertThat(rest.status()).isEqualTo(200);
        JsonNode p2 = rest.json();
        assertThat(p2.path("status").asText()).isEqualTo("CANCELED");
        assertThat(p2.path("balanceAmount").asLong()).isZero();
        assertThat(p2.path("vat").asLong()).isZero();
        assertThat(p2.path("cancels")).hasSize(2);
        assertThat(p2.path("cancels").get(1).path("cancelAmount").asLong()).isEqualTo(7_000);
        assertThat(p2.path("cancels").get(1).path("refundableAmount").asLong()).isZero();

        SandboxPayment snapshot = sandbox.payment(orderId).orElseThrow();
        assertThat(snapshot.status()).isEqualTo(PaymentStatus.CANCELED);
        assertThat(snapshot.balanceAmount()).isZero();
        assertThat(snapshot.cancels()).extracting(SandboxPayment.Cancel::cancelAmount).containsExactly(3_000L, 7_000L);
        assertThat(sandbox.stats().cancelExecutions(orderId)).isEqualTo(2);
        assertThat(sandbox.stats().canceledAmountTotal()).isEqualTo(10_000);
    }

    @Test
    void a_cancel_without_amount_cancels_the_whole_balance() {
        Answer answer = cancel(Map.of("cancelReason", "고객 변심",
                "refundReceiveAccount", Map.of("bank", "20", "accountNumber", "1234567890", "holderName", "홍길동")));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("status").asText()).isEqualTo("CANCELED");
        assertThat(answer.json().path("cancels").get(0).path("cancelAmount").asLong()).isEqualTo(10_000);
    }

    @Test
    void a_cancel_over_the_balance_is_not_cancelable_amount() {
        cancel(Map.of("cancelReason", "일부", "cancelAmount", 6_000));

        Answer answer = cancel(Map.of("cancelReason", "초과", "cancelAmount", 4_001));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.code()).isEqualTo("NOT_CANCELABLE_AMOUNT");
        assertThat(sandbox.payment(orderId).orElseThrow().balanceAmount()).isEqualTo(4_000);
    }

    @Test
    void canceling_a_canceled_payment_answers_already_canceled_payment() {
        cancel(Map.of("cancelReason", "전액"));

        Answer again = cancel(Map.of("cancelReason", "전액"));

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.code()).isEqualTo("ALREADY_CANCELED_PAYMENT");
        assertThat(sandbox.stats().cancelExecutions(orderId)).isEqualTo(1);
    }

    @Test
    void an_unconfirmed_payment_is_not_cancelable() {
        String otherOrder = orderId();
        String otherKey = sandbox.authorize(otherOrder, "item", 1_000, null);

        Answer answer = post("/v1/payments/" + otherKey + "/cancel", Map.of("cancelReason", "x"));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.code()).isEqualTo("NOT_CANCELABLE_PAYMENT");
    }

    @Test
    void canceling_an_unknown_payment_answers_not_found_payment() {
        Answer answer = post("/v1/payments/tgen_unknown/cancel", Map.of("cancelReason", "x"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("NOT_FOUND_PAYMENT");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"cancelReason\":\"x\",\"cancelAmount\":0}",
            "{\"cancelReason\":\"x\",\"cancelAmount\":-100}",
            "{\"cancelReason\":\"x\",\"cancelAmount\":10.5}",
            "{\"cancelAmount\":1000}",
            "{\"cancelReason\":\"   \"}",
            "{}"})
    void a_cancel_without_reason_or_with_a_non_positive_amount_is_an_invalid_request(String body) {
        Answer answer = cancel(body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("INVALID_REQUEST");
        assertThat(sandbox.payment(orderId).orElseThrow().status()).isEqualTo(PaymentStatus.DONE);
    }

    @Test
    void a_cancel_repeated_with_the_same_key_runs_once() {
        String key = newKey();
        Map<String, Object> body = Map.of("cancelReason", "일부", "cancelAmount", 1_000);

        Answer first = post("/v1/payments/" + paymentKey + "/cancel", body, "Idempotency-Key", key);
        Answer replay = post("/v1/payments/" + paymentKey + "/cancel", body, "Idempotency-Key", key);

        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(sandbox.stats().cancelExecutions(orderId)).isEqualTo(1);
        assertThat(sandbox.payment(orderId).orElseThrow().balanceAmount()).isEqualTo(9_000);
    }
}
