package com.grow.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Toss's arithmetic: VAT is a tenth-and-a-bit of the taxable part, rounded; tax-free and taxable refund apart. */
class TaxFreeTest extends MerchantTestSupport {

    @Test
    void a_window_payment_with_a_tax_free_part_splits_supplied_amount_vat_and_tax_free() {
        String orderId = orderId();
        String paymentKey = paidCard(orderId, 10_000, 3_000);

        JsonNode payment = get("/v1/payments/" + paymentKey).json();
        assertThat(payment.path("totalAmount").asLong()).isEqualTo(10_000);
        assertThat(payment.path("taxFreeAmount").asLong()).isEqualTo(3_000);
        assertThat(payment.path("vat").asLong()).isEqualTo(636); // 7,000 / 11 = 636.36
        assertThat(payment.path("suppliedAmount").asLong()).isEqualTo(6_364);
        assertThat(payment.path("taxExemptionAmount").asLong()).isZero();
    }

    @Test
    void vat_rounds_half_up_as_in_tosss_own_answers() {
        String paymentKey = paidCard(orderId(), 9_026, 0);

        JsonNode payment = get("/v1/payments/" + paymentKey).json();
        assertThat(payment.path("vat").asLong()).isEqualTo(821);
        assertThat(payment.path("suppliedAmount").asLong()).isEqualTo(8_205);
    }

    @Test
    void a_partial_cancel_without_tax_free_takes_the_taxable_part_and_keeps_the_tax_free_balance() {
        String paymentKey = paidCard(orderId(), 10_000, 3_000);

        Answer partial = cancel(paymentKey, Map.of("cancelReason", "일부", "cancelAmount", 5_000));

        assertThat(partial.status()).as(partial.body()).isEqualTo(200);
        JsonNode p = partial.json();
        assertThat(p.path("balanceAmount").asLong()).isEqualTo(5_000);
        assertThat(p.path("taxFreeAmount").asLong()).isEqualTo(3_000);
        assertThat(p.path("vat").asLong()).isEqualTo(182);
        assertThat(p.path("suppliedAmount").asLong()).isEqualTo(1_818);
        assertThat(p.path("cancels").get(0).path("taxFreeAmount").asLong()).isZero();
    }

    @Test
    void a_cancel_asking_more_than_either_refundable_part_is_refused_and_changes_nothing() {
        String paymentKey = paidCard(orderId(), 10_000, 3_000);

        Answer tooMuchTaxable = cancel(paymentKey, Map.of("cancelReason", "x", "cancelAmount", 8_000));
        Answer tooMuchTaxFree = cancel(paymentKey, Map.of("cancelReason", "x", "cancelAmount", 5_000, "taxFreeAmount", 4_000));
        Answer taxFreeAboveAmount = cancel(paymentKey, Map.of("cancelReason", "x", "cancelAmount", 1_000, "taxFreeAmount", 2_000));

        assertThat(tooMuchTaxable.status()).isEqualTo(403);
        assertThat(tooMuchTaxable.code()).isEqualTo("NOT_CANCELABLE_AMOUNT");
        assertThat(tooMuchTaxFree.code()).isEqualTo("NOT_CANCELABLE_AMOUNT");
        assertThat(taxFreeAboveAmount.code()).isEqualTo("INVALID_REQUEST");
        assertThat(sandbox.paymentByKey(paymentKey)).get().extracting(SandboxPayment::balanceAmount).isEqualTo(10_000L);
    }

    @Test
    void cancels_with_tax_free_parts_refund_it_and_a_full_cancel_takes_whatever_tax_free_is_left() {
        String paymentKey = paidCard(orderId(), 10_000, 3_000);

        Answer first = cancel(paymentKey, Map.of("cancelReason", "면세분 일부", "cancelAmount", 4_000, "taxFreeAmount", 2_000));
        Answer rest = cancel(paymentKey, Map.of("cancelReason", "나머지"));

        assertThat(first.json().path("taxFreeAmount").asLong()).isEqualTo(1_000);
        assertThat(first.json().path("balanceAmount").asLong()).isEqualTo(6_000);
        JsonNode done = rest.json();
        assertThat(done.path("status").asText()).isEqualTo("CANCELED");
        assertThat(done.path("cancels").get(1).path("taxFreeAmount").asLong()).isEqualTo(1_000);
        assertThat(done.path("cancels").get(1).path("cancelAmount").asLong()).isEqualTo(6_000);
        assertThat(done.path("taxFreeAmount").asLong()).isZero();
        assertThat(done.path("vat").asLong()).isZero();
        assertThat(done.path("suppliedAmount").asLong()).isZero();
    }

    @Test
    void a_tax_free_virtual_account_refunds_its_tax_free_part_after_the_deposit() {
        String orderId = orderId();
        Map<String, Object> body = virtualAccountBody(orderId, 11_000);
        body.put("taxFreeAmount", 10_000);
        JsonNode issued = issueVirtualAccount(body).json();
        assertThat(issued.path("vat").asLong()).isEqualTo(91);
        assertThat(issued.path("suppliedAmount").asLong()).isEqualTo(909);
        sandbox.deposit(orderId);

        Answer refund = cancel(issued.path("paymentKey").asText(), Map.of("cancelReason", "수강 취소",
                "cancelAmount", 10_000, "taxFreeAmount", 10_000, "refundReceiveAccount", refundTo()));

        assertThat(refund.status()).as(refund.body()).isEqualTo(200);
        JsonNode p = refund.json();
        assertThat(p.path("balanceAmount").asLong()).isEqualTo(1_000);
        assertThat(p.path("taxFreeAmount").asLong()).isZero();
        assertThat(p.path("vat").asLong()).isEqualTo(91);
        assertThat(p.path("cancels").get(0).path("taxFreeAmount").asLong()).isEqualTo(10_000);
    }

    @Test
    void a_billing_charge_carries_its_tax_free_part() {
        String customer = customerKey();
        String billingKey = billingKey(customer, null);
        Map<String, Object> body = chargeBody(customer, orderId(), 11_000);
        body.put("taxFreeAmount", 10_000);

        JsonNode charged = post("/v1/billing/" + billingKey, body).json();

        assertThat(charged.path("taxFreeAmount").asLong()).isEqualTo(10_000);
        assertThat(charged.path("vat").asLong()).isEqualTo(91);
        assertThat(charged.path("suppliedAmount").asLong()).isEqualTo(909);
    }

    @Test
    void the_window_takes_a_tax_free_part_through_its_json_twin_and_refuses_one_above_the_amount() {
        Answer ok = sandboxPost("/sandbox/authorize", Map.of("orderId", orderId(), "orderName", "수강료",
                "amount", 5_000, "taxFreeAmount", 5_000));
        Answer tooMuch = sandboxPost("/sandbox/authorize", Map.of("orderId", orderId(), "orderName", "수강료",
                "amount", 5_000, "taxFreeAmount", 5_001));

        assertThat(ok.status()).isEqualTo(201);
        assertThat(sandbox.paymentByKey(ok.json().path("paymentKey").asText())).get()
                .extracting(SandboxPayment::taxFreeAmount).isEqualTo(5_000L);
        assertThat(tooMuch.code()).isEqualTo("INVALID_REQUEST");
    }
}
