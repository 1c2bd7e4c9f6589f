package com.grow.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BillingChargeTest extends BillingTestSupport {

    private String customerKey;
    private String billingKey;

    @BeforeEach
    void registeredCard() {
        customerKey = customerKey();
        billingKey = billingKey(customerKey, null);
    }

    @Test
    void a_charge_approves_a_billing_payment_that_both_lookups_find() {
        String orderId = orderId();
        clock.advance(Duration.ofDays(30));

        Answer answer = charge(billingKey, customerKey, orderId, 9_900, newKey());

        assertThat(answer.status()).isEqualTo(200);
        JsonNode payment = answer.json();
        assertThat(payment.path("type").asText()).isEqualTo("BILLING");
        assertThat(payment.path("status").asText()).isEqualTo("DONE");
        assertThat(payment.path("orderId").asText()).isEqualTo(orderId);
        assertThat(payment.path("orderName").asText()).isEqualTo("GROW 월간 구독");
        assertThat(payment.path("method").asText()).isEqualTo("카드");
        assertThat(payment.path("totalAmount").asLong()).isEqualTo(9_900);
        assertThat(payment.path("balanceAmount").asLong()).isEqualTo(9_900);
        assertThat(payment.path("approvedAt").asText()).isEqualTo("2026-12-25T14:03:22+09:00");
        assertThat(payment.path("card").path("issuerCode").asText()).isEqualTo("41");
        assertThat(payment.path("card").path("number").asText()).isEqualTo("43301234****123*");
        assertThat(payment.path("card").path("approveNo").asText()).matches("\\d{8}").isNotEqualTo("00000000");
        assertThat(payment.path("failure").isNull()).isTrue();

        String paymentKey = payment.path("paymentKey").asText();
        assertThat(get("/v1/payments/orders/" + orderId).json()).isEqualTo(payment);
        assertThat(get("/v1/payments/" + paymentKey).json()).isEqualTo(payment);
        SandboxPayment atToss = sandbox.payment(orderId).orElseThrow();
        assertThat(atToss.type()).isEqualTo(PaymentType.BILLING);
        assertThat(atToss.status()).isEqualTo(PaymentStatus.DONE);
        assertThat(sandbox.stats().approvals(orderId)).isEqualTo(1);
        assertThat(sandbox.stats().billingCharges(orderId)).isEqualTo(1);
        assertThat(sandbox.stats().approvedAmountTotal()).isEqualTo(9_900);
    }

    @Test
    void a_billing_key_charges_many_orders() {
        assertThat(charge(billingKey, customerKey, orderId(), 9_900, newKey()).status()).isEqualTo(200);
        assertThat(charge(billingKey, customerKey, orderId(), 9_900, newKey()).status()).isEqualTo(200);

        assertThat(sandbox.stats().totalApprovals()).isEqualTo(2);
        assertThat(sandbox.stats().approvedAmountTotal()).isEqualTo(19_800);
    }

    @Test
    void a_second_charge_of_the_same_order_is_already_processed_and_approves_nothing() {
        String orderId = orderId();
        Answer first = charge(billingKey, customerKey, orderId, 9_900, newKey());

        Answer second = charge(billingKey, customerKey, orderId, 9_900, newKey());

        assertThat(second.status()).isEqualTo(400);
        assertThat(second.code()).isEqualTo("ALREADY_PROCESSED_PAYMENT");
        assertThat(sandbox.stats().approvals(orderId)).isEqualTo(1);
        assertThat(sandbox.stats().billingCharges(orderId)).isEqualTo(2);
        assertThat(get("/v1/payments/orders/" + orderId).json().path("paymentKey").asText())
                .isEqualTo(first.json().path("paymentKey").asText());
    }

    @Test
    void an_order_paid_through_the_payment_window_cannot_be_charged_again() {
        String orderId = orderId();
        String paymentKey = sandbox.authorize(orderId, "item", 9_900, null);
        assertThat(confirm(paymentKey, orderId, 9_900, newKey()).status()).isEqualTo(200);

        assertThat(charge(billingKey, customerKey, orderId, 9_900, newKey()).code()).isEqualTo("ALREADY_PROCESSED_PAYMENT");
        assertThat(sandbox.stats().approvals(orderId)).isEqualTo(1);
    }

    @Test
    void repeating_a_charge_with_the_same_idempotency_key_replays_the_same_payment() {
        String orderId = orderId();
        String key = newKey();

        Answer first = charge(billingKey, customerKey, orderId, 9_900, key);
        clock.advance(Duration.ofMinutes(5));
        Answer replay = charge(billingKey, customerKey, orderId, 9_900, key);

        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(sandbox.stats().approvals(orderId)).isEqualTo(1);
        assertThat(sandbox.stats().billingCharges(orderId)).isEqualTo(2);
    }

    @Test
    void a_declined_card_answers_403_reject_card_payment_and_the_lookup_shows_the_payment_aborted() {
        String declining = billingKey(customerKey, "REJECT_CARD_PAYMENT");
        String orderId = orderId();

        Answer answer = charge(declining, customerKey, orderId, 9_900, newKey());

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.code()).isEqualTo("REJECT_CARD_PAYMENT");
        JsonNode lookup = get("/v1/payments/orders/" + orderId).json();
        assertThat(lookup.path("type").asText()).isEqualTo("BILLING");
        assertThat(lookup.path("status").asText()).isEqualTo("ABORTED");
        assertThat(lookup.path("approvedAt").isNull()).isTrue();
        assertThat(lookup.path("failure").path("code").asText()).isEqualTo("REJECT_CARD_PAYMENT");
        assertThat(lookup.path("failure").path("message").asText()).isEqualTo(TossErrors.message("REJECT_CARD_PAYMENT"));
        assertThat(sandbox.stats().approvals(orderId)).isZero();
        assertThat(sandbox.stats().approvedAmountTotal()).isZero();
    }

    @Test
    void an_expired_card_answers_400_invalid_card_expiration() {
        String expired = billingKey(customerKey, "INVALID_CARD_EXPIRATION");
        String orderId = orderId();

        Answer answer = charge(expired, customerKey, orderId, 9_900, newKey());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("INVALID_CARD_EXPIRATION");
        assertThat(sandbox.payment(orderId).orElseThrow().status()).isEqualTo(PaymentStatus.ABORTED);
    }

    @Test
    void an_order_whose_charge_was_declined_may_be_charged_again_and_then_shows_done() {
        String declining = billingKey(customerKey, "REJECT_CARD_PAYMENT");
        String orderId = orderId();
        charge(declining, customerKey, orderId, 9_900, newKey());

        Answer retry = charge(billingKey, customerKey, orderId, 9_900, newKey());

        assertThat(retry.status()).isEqualTo(200);
        assertThat(get("/v1/payments/orders/" + orderId).json().path("status").asText()).isEqualTo("DONE");
        assertThat(sandbox.stats().approvals(orderId)).isEqualTo(1);
    }

    @Test
    void a_customer_key_other_than_the_one_at_issue_gets_not_matches_customer_key_and_records_nothing() {
        String orderId = orderId();

        Answer answer = charge(billingKey, customerKey(), orderId, 9_900, newKey());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("NOT_MATCHES_CUSTOMER_KEY");
        assertThat(answer.json().path("message").asText()).isEqualTo("빌링 인증 고객키와 결제 요청 고객키가 일치하지 않습니다.");
        assertThat(sandbox.payment(orderId)).isEmpty();
    }

    @Test
    void an_unknown_billing_key_gets_the_unknown_billing_key_error() {
        String orderId = orderId();

        Answer answer = charge("bm90QUtleVRoYXRFeGlzdHMwMDAwMDAwMDAwMDAwMDA=", customerKey, orderId, 9_900, newKey());

        assertThat(answer.status()).isEqualTo(TossErrors.status(TossErrors.UNKNOWN_BILLING_KEY));
        assertThat(answer.code()).isEqualTo(TossErrors.UNKNOWN_BILLING_KEY);
        assertThat(answer.json().path("message").asText()).isEqualTo(TossErrors.UNKNOWN_BILLING_KEY_MESSAGE);
        assertThat(sandbox.payment(orderId)).isEmpty();
    }

    @Test
    void a_percent_encoded_billing_key_in_the_path_is_the_same_key() {
        Answer answer = charge(billingKey.replace("=", "%3D"), customerKey, orderId(), 9_900, newKey());

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void malformed_charges_are_refused_with_invalid_request_and_record_nothing() {
        Map<String, Object> badOrderId = chargeBody(customerKey, "short", 9_900);
        Map<String, Object> zeroAmount = chargeBody(customerKey, orderId(), 0);
        Map<String, Object> decimalAmount = chargeBody(customerKey, orderId(), 1);
        decimalAmount.put("amount", 99.5);
        Map<String, Object> taxFreeTooHigh = chargeBody(customerKey, orderId(), 1_000);
        taxFreeTooHigh.put("taxFreeAmount", 1_001);
        Map<String, Object> noOrderName = chargeBody(customerKey, orderId(), 1_000);
        noOrderName.remove("orderName");
        Map<String, Object> noCustomerKey = chargeBody(customerKey, orderId(), 1_000);
        noCustomerKey.remove("customerKey");

        for (Map<String, Object> body : java.util.List.of(badOrderId, zeroAmount, decimalAmount, taxFreeTooHigh, noOrderName, noCustomerKey)) {
            Answer answer = post("/v1/billing/" + billingKey, body, "Idempotency-Key", newKey());
            assertThat(answer.status()).as(body.toString()).isEqualTo(400);
            assertThat(answer.code()).as(body.toString()).isEqualTo("INVALID_REQUEST");
        }
        assertThat(sandbox.stats().totalApprovals()).isZero();
    }

    @Test
    void a_tax_free_part_is_reported_and_excluded_from_vat() {
        Map<String, Object> body = chargeBody(customerKey, orderId(), 11_000);
        body.put("taxFreeAmount", 2_200);

        JsonNode payment = post("/v1/billing/" + billingKey, body, "Idempotency-Key", newKey()).json();

        assertThat(payment.path("taxFreeAmount").asLong()).isEqualTo(2_200);
        assertThat(payment.path("vat").asLong()).isEqualTo(800);
        assertThat(payment.path("suppliedAmount").asLong()).isEqualTo(8_000);
    }

    @Test
    void the_test_code_header_forces_an_error_and_charges_nothing() {
        String orderId = orderId();

        Answer forced = post("/v1/billing/" + billingKey, chargeBody(customerKey, orderId, 9_900),
                "TossPayments-Test-Code", "REJECT_CARD_COMPANY");

        assertThat(forced.status()).isEqualTo(403);
        assertThat(forced.code()).isEqualTo("REJECT_CARD_COMPANY");
        assertThat(sandbox.payment(orderId)).isEmpty();
        assertThat(charge(billingKey, customerKey, orderId, 9_900, newKey()).status()).isEqualTo(200);
    }

    @Test
    void a_billing_charge_is_cancelled_like_a_card_payment() {
        String orderId = orderId();
        String paymentKey = charge(billingKey, customerKey, orderId, 9_900, newKey()).json().path("paymentKey").asText();

        Answer partial = post("/v1/payments/" + paymentKey + "/cancel", Map.of("cancelReason", "일할 환불", "cancelAmount", 4_900),
                "Idempotency-Key", newKey());
        Answer rest = post("/v1/payments/" + paymentKey + "/cancel", Map.of("cancelReason", "해지"), "Idempotency-Key", newKey());

        assertThat(partial.status()).isEqualTo(200);
        assertThat(partial.json().path("status").asText()).isEqualTo("PARTIAL_CANCELED");
        assertThat(rest.status()).isEqualTo(200);
        assertThat(rest.json().path("status").asText()).isEqualTo("CANCELED");
        assertThat(rest.json().path("type").asText()).isEqualTo("BILLING");
        assertThat(rest.json().path("balanceAmount").asLong()).isZero();
        assertThat(sandbox.stats().cancelExecutions(orderId)).isEqualTo(2);
        assertThat(sandbox.stats().canceledAmountTotal()).isEqualTo(9_900);
        assertThat(charge(billingKey, customerKey, orderId, 9_900, newKey()).code()).isEqualTo("ALREADY_PROCESSED_PAYMENT");
    }

    @Test
    void a_billing_charge_notifies_payment_listeners_like_confirm() {
        java.util.List<SandboxPayment> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        sandbox.onPaymentChanged(seen::add);
        String declining = billingKey(customerKey, "REJECT_CARD_PAYMENT");

        charge(declining, customerKey, orderId(), 1_000, newKey());
        charge(billingKey, customerKey, orderId(), 1_000, newKey());

        assertThat(seen).extracting(SandboxPayment::type).containsExactly(PaymentType.BILLING, PaymentType.BILLING);
        assertThat(seen).extracting(SandboxPayment::status).containsExactly(PaymentStatus.ABORTED, PaymentStatus.DONE);
    }
}
