package com.grow.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfirmTest extends SandboxTestSupport {

    @Test
    void an_authorized_payment_confirms_to_done_with_tosss_fields() {
        String orderId = orderId();
        String paymentKey = sandbox.authorize(orderId, "GROW 커피 구독", 15_000, null);
        clock.advance(Duration.ofSeconds(30));

        Answer answer = confirm(paymentKey, orderId, 15_000, newKey());

        assertThat(answer.status()).isEqualTo(200);
        JsonNode p = answer.json();
        assertThat(p.path("mId").asText()).isEqualTo("tgrowpay");
        assertThat(p.path("version").asText()).isEqualTo("2022-11-16");
        assertThat(p.path("paymentKey").asText()).isEqualTo(paymentKey);
        assertThat(p.path("type").asText()).isEqualTo("NORMAL");
        assertThat(p.path("orderId").asText()).isEqualTo(orderId);
        assertThat(p.path("orderName").asText()).isEqualTo("GROW 커피 구독");
        assertThat(p.path("currency").asText()).isEqualTo("KRW");
        assertThat(p.path("method").asText()).isEqualTo("카드");
        assertThat(p.path("status").asText()).isEqualTo("DONE");
        assertThat(p.path("totalAmount").isIntegralNumber()).isTrue();
        assertThat(p.path("totalAmount").asLong()).isEqualTo(15_000);
        assertThat(p.path("balanceAmount").asLong()).isEqualTo(15_000);
        assertThat(p.path("vat").asLong()).isEqualTo(1_364);
        assertThat(p.path("suppliedAmount").asLong()).isEqualTo(13_636);
        assertThat(p.path("taxFreeAmount").asLong()).isZero();
        assertThat(p.path("taxExemptionAmount").asLong()).isZero();
        assertThat(p.path("requestedAt").asText()).isEqualTo("2026-11-25T14:03:22+09:00");
        assertThat(p.path("approvedAt").asText()).isEqualTo("2026-11-25T14:03:52+09:00");
        assertThat(p.path("lastTransactionKey").asText()).isNotBlank();
        assertThat(p.path("isPartialCancelable").asBoolean()).isTrue();
        assertThat(p.path("card").path("number").asText()).matches("\\d{8}\\*{4}\\d{3}\\*");
        assertThat(p.path("card").path("amount").asLong()).isEqualTo(15_000);
        assertThat(p.path("card").path("approveNo").asText()).matches("\\d{8}").isNotEqualTo("00000000");
        assertThat(p.path("card").path("installmentPlanMonths").asInt()).isZero();
        assertThat(p.path("card").path("cardType").asText()).isEqualTo("신용");
        assertThat(p.path("card").path("ownerType").asText()).isEqualTo("개인");
        assertThat(p.path("card").path("acquireStatus").asText()).isEqualTo("READY");
        assertThat(p.path("card").path("isInterestFree").asBoolean()).isFalse();
        assertThat(p.path("receipt").path("url").asText()).isEqualTo(sandbox.baseUrl() + "/sandbox/receipts/" + paymentKey);
        for (String nullField : List.of("virtualAccount", "secret", "cancels", "failure", "easyPay", "metadata")) {
            assertThat(p.has(nullField)).as(nullField).isTrue();
            assertThat(p.get(nullField).isNull()).as(nullField).isTrue();
        }
        assertThat(sandbox.stats().approvals(orderId)).isEqualTo(1);
        assertThat(sandbox.stats().approvedAmountTotal()).isEqualTo(15_000);
        assertThat(sandbox.payment(orderId)).get().extracting(SandboxPayment::status).isEqualTo(PaymentStatus.DONE);
    }

    @Test
    void payment_keys_look_like_tosss_and_fit_in_two_hundred_characters() {
        String paymentKey = sandbox.authorize(orderId(), "item", 1_000, null);

        assertThat(paymentKey).startsWith("tgen_20261125140322").hasSizeLessThanOrEqualTo(200).matches("[A-Za-z0-9_]+");
    }

    @ParameterizedTest
    @CsvSource({"REJECT_CARD_PAYMENT, 403", "INVALID_CARD_EXPIRATION, 400"})
    void a_declined_authorization_aborts_the_payment_at_confirm_with_its_error_status(String code, int status) {
        String orderId = orderId();
        String paymentKey = sandbox.authorize(orderId, "item", 5_000, code);

        Answer answer = confirm(paymentKey, orderId, 5_000, newKey());

        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.code()).isEqualTo(code);
        JsonNode stored = get("/v1/payments/" + paymentKey).json();
        assertThat(stored.path("status").asText()).isEqualTo("ABORTED");
        assertThat(stored.path("failure").path("code").asText()).isEqualTo(code);
        assertThat(stored.path("failure").path("message").asText()).isEqualTo(answer.json().path("message").asText());
        assertThat(stored.path("approvedAt").isNull()).isTrue();
        assertThat(sandbox.stats().approvals(orderId)).isZero();
    }

    @Test
    void a_confirm_with_another_amount_is_an_invalid_request_and_changes_nothing() {
        String orderId = orderId();
        String paymentKey = sandbox.authorize(orderId, "item", 5_000, null);

        Answer answer = confirm(paymentKey, orderId, 4_000, newKey());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("INVALID_REQUEST");
        assertThat(answer.json().path("message").asText()).contains("amount mismatch");
        assertThat(sandbox.payment(orderId)).get().extracting(SandboxPayment::status).isEqualTo(PaymentStatus.IN_PROGRESS);
        assertThat(confirm(paymentKey, orderId, 5_000, newKey()).status()).isEqualTo(200);
    }

    @Test
    void an_unknown_payment_key_or_a_mismatched_order_id_answers_not_found_payment_session() {
        String orderId = orderId();
        String paymentKey = sandbox.authorize(orderId, "item", 5_000, null);

        Answer unknownKey = confirm("tgen_nope", orderId, 5_000, newKey());
        Answer otherOrder = confirm(paymentKey, "another-order", 5_000, newKey());

        assertThat(unknownKey.status()).isEqualTo(404);
        assertThat(unknownKey.code()).isEqualTo("NOT_FOUND_PAYMENT_SESSION");
        assertThat(otherOrder.status()).isEqualTo(404);
        assertThat(otherOrder.code()).isEqualTo("NOT_FOUND_PAYMENT_SESSION");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"paymentKey\":\"k\",\"orderId\":\"short\",\"amount\":1000}",
            "{\"paymentKey\":\"k\",\"orderId\":\"has space 01\",\"amount\":1000}",
            "{\"paymentKey\":\"k\",\"orderId\":\"order-0001\",\"amount\":0}",
            "{\"paymentKey\":\"k\",\"orderId\":\"order-0001\",\"amount\":-5}",
            "{\"paymentKey\":\"k\",\"orderId\":\"order-0001\",\"amount\":10.5}",
            "{\"paymentKey\":\"k\",\"orderId\":\"order-0001\",\"amount\":\"1000\"}",
            "{\"paymentKey\":\"k\",\"orderId\":\"order-0001\"}",
            "{\"orderId\":\"order-0001\",\"amount\":1000}",
            "not json at all",
            "[1,2,3]"})
    void a_malformed_confirm_is_an_invalid_request(String body) {
        Answer answer = post("/v1/payments/confirm", body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void a_confirm_exactly_ten_minutes_after_authentication_still_succeeds() {
        String orderId = orderId();
        String paymentKey = sandbox.authorize(orderId, "item", 5_000, null);
        clock.advance(Duration.ofMinutes(10));

        assertThat(confirm(paymentKey, orderId, 5_000, newKey()).status()).isEqualTo(200);
    }

    @Test
    void confirm_after_ten_minutes_expires_the_payment() {
        String orderId = orderId();
        String paymentKey = sandbox.authorize(orderId, "item", 5_000, null);
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        Answer answer = confirm(paymentKey, orderId, 5_000, newKey());

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("NOT_FOUND_PAYMENT_SESSION");
        JsonNode stored = get("/v1/payments/orders/" + orderId).json();
        assertThat(stored.path("status").asText()).isEqualTo("EXPIRED");
        assertThat(stored.path("failure").path("code").asText()).isEqualTo("NOT_FOUND_PAYMENT_SESSION");
        assertThat(sandbox.stats().approvals(orderId)).isZero();
    }

    @Test
    void a_second_confirm_under_a_new_key_answers_already_processed_payment() {
        String orderId = orderId();
        String paymentKey = sandbox.authorize(orderId, "item", 5_000, null);
        assertThat(confirm(paymentKey, orderId, 5_000, newKey()).status()).isEqualTo(200);

        Answer second = confirm(paymentKey, orderId, 5_000, newKey());

        assertThat(second.status()).isEqualTo(400);
        assertThat(second.code()).isEqualTo("ALREADY_PROCESSED_PAYMENT");
        assertThat(sandbox.stats().approvals(orderId)).isEqualTo(1);
        assertThat(sandbox.stats().confirmRequests(orderId)).isEqualTo(2);
    }

    @Test
    void a_confirm_without_idempotency_key_works_too() {
        String orderId = orderId();
        String paymentKey = sandbox.authorize(orderId, "item", 5_000, null);

        Answer answer = post("/v1/payments/confirm", confirmBody(paymentKey, orderId, 5_000));

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void the_test_code_header_forces_that_error_and_changes_nothing() {
        String orderId = orderId();
        String paymentKey = sandbox.authorize(orderId, "item", 5_000, null);
        String key = newKey();

        Answer forced = post("/v1/payments/confirm", confirmBody(paymentKey, orderId, 5_000),
                "Idempotency-Key", key, "TossPayments-Test-Code", "REJECT_CARD_COMPANY");
        Answer forcedLookup = get("/v1/payments/" + paymentKey, "TossPayments-Test-Code", "FAILED_INTERNAL_SYSTEM_PROCESSING");

        assertThat(forced.status()).isEqualTo(403);
        assertThat(forced.code()).isEqualTo("REJECT_CARD_COMPANY");
        assertThat(forcedLookup.status()).isEqualTo(500);
        assertThat(forcedLookup.code()).isEqualTo("FAILED_INTERNAL_SYSTEM_PROCESSING");
        assertThat(sandbox.payment(orderId)).get().extracting(SandboxPayment::status).isEqualTo(PaymentStatus.IN_PROGRESS);
        // The forced answer was not stored under the key: the same key now really confirms.
        assertThat(confirm(paymentKey, orderId, 5_000, key).status()).isEqualTo(200);
    }

    @Test
    void concurrent_confirms_under_different_keys_approve_the_payment_once() throws Exception {
        String orderId = orderId();
        String paymentKey = sandbox.authorize(orderId, "item", 5_000, null);
        int callers = 32;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<CompletableFuture<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(go);
                    return confirm(paymentKey, orderId, 5_000, newKey());
                }, pool));
            }
            go.countDown();
            List<Integer> statuses = answers.stream().map(CompletableFuture::join).map(Answer::status).toList();

            assertThat(statuses).containsOnlyOnce(200);
            assertThat(statuses).filteredOn(s -> s != 200).containsOnly(400);
            assertThat(sandbox.stats().approvals(orderId)).isEqualTo(1);
            assertThat(sandbox.stats().confirmRequests(orderId)).isEqualTo(callers);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void an_order_can_be_authorized_again_after_an_abort_but_not_after_it_was_paid() {
        String orderId = orderId();
        String declined = sandbox.authorize(orderId, "item", 5_000, "REJECT_CARD_PAYMENT");
        assertThat(confirm(declined, orderId, 5_000, newKey()).status()).isEqualTo(403);

        String retry = sandbox.authorize(orderId, "item", 5_000, null);
        assertThat(confirm(retry, orderId, 5_000, newKey()).status()).isEqualTo(200);

        assertThat(get("/v1/payments/orders/" + orderId).json().path("paymentKey").asText()).isEqualTo(retry);
        Answer duplicate = sandboxPost("/sandbox/authorize", Map.of("orderId", orderId, "orderName", "item", "amount", 5_000));
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.code()).isEqualTo("DUPLICATED_ORDER_ID");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
