package com.grow.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VirtualAccountRefundTest extends WebhookTestSupport {

    private static Map<String, Object> refundAccount(String bank, String accountNumber, String holderName) {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("bank", bank);
        account.put("accountNumber", accountNumber);
        account.put("holderName", holderName);
        return account;
    }

    private static Map<String, Object> cancelBody(Map<String, Object> refundAccount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cancelReason", "고객 변심");
        if (refundAccount != null) {
            body.put("refundReceiveAccount", refundAccount);
        }
        return body;
    }

    private String paidVirtualAccount(String orderId) {
        String paymentKey = issueVirtualAccount(orderId, 30_000).json().path("paymentKey").asText();
        sandbox.deposit(orderId);
        return paymentKey;
    }

    @Test
    void refunding_a_paid_virtual_account_without_a_refund_account_is_refused_and_changes_nothing() {
        String orderId = orderId();
        String paymentKey = paidVirtualAccount(orderId);

        Answer answer = cancel(paymentKey, cancelBody(null));
        Answer incomplete = cancel(paymentKey, cancelBody(refundAccount("88", "110123456789", null)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("INVALID_REFUND_ACCOUNT_INFO");
        assertThat(incomplete.code()).isEqualTo("INVALID_REFUND_ACCOUNT_INFO");
        assertThat(get("/v1/payments/" + paymentKey).json().path("status").asText()).isEqualTo("DONE");
        assertThat(sandbox.stats().cancelExecutions(orderId)).isZero();
    }

    @Test
    void a_refund_account_number_with_anything_but_digits_is_refused() {
        String paymentKey = paidVirtualAccount(orderId());

        Answer dashed = cancel(paymentKey, cancelBody(refundAccount("88", "110-123-456789", "김그로")));
        Answer lettered = cancel(paymentKey, cancelBody(refundAccount("88", "X600802567548", "김그로")));

        assertThat(dashed.status()).isEqualTo(400);
        assertThat(dashed.code()).isEqualTo("INVALID_REFUND_ACCOUNT_NUMBER");
        assertThat(lettered.code()).isEqualTo("INVALID_REFUND_ACCOUNT_NUMBER");
        assertThat(get("/v1/payments/" + paymentKey).json().path("status").asText()).isEqualTo("DONE");
    }

    @Test
    void refunding_a_paid_virtual_account_to_the_buyers_account_cancels_it_and_records_the_account() {
        String orderId = orderId();
        String paymentKey = paidVirtualAccount(orderId);

        Answer answer = cancel(paymentKey, cancelBody(refundAccount("88", "110123456789", "김그로")));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode payment = answer.json();
        assertThat(payment.path("status").asText()).isEqualTo("CANCELED");
        assertThat(payment.path("balanceAmount").asLong()).isZero();
        assertThat(payment.path("cancels").get(0).path("cancelAmount").asLong()).isEqualTo(30_000);
        JsonNode account = payment.path("virtualAccount");
        assertThat(account.path("refundStatus").asText()).isEqualTo("COMPLETED");
        assertThat(account.path("refundReceiveAccount").path("bankCode").asText()).isEqualTo("88");
        assertThat(account.path("refundReceiveAccount").path("accountNumber").asText()).isEqualTo("110123456789");
        assertThat(account.path("refundReceiveAccount").path("holderName").asText()).isEqualTo("김그로");
        assertThat(sandbox.stats().canceledAmountTotal()).isEqualTo(30_000);
    }

    @Test
    void a_paid_virtual_account_can_be_refunded_in_part() {
        String paymentKey = paidVirtualAccount(orderId());
        Map<String, Object> body = cancelBody(refundAccount("88", "110123456789", "김그로"));
        body.put("cancelAmount", 10_000);

        JsonNode payment = cancel(paymentKey, body).json();

        assertThat(payment.path("status").asText()).isEqualTo("PARTIAL_CANCELED");
        assertThat(payment.path("balanceAmount").asLong()).isEqualTo(20_000);
    }

    @Test
    void canceling_an_unpaid_virtual_account_needs_no_refund_account_and_ends_canceled() {
        String orderId = orderId();
        String paymentKey = issueVirtualAccount(orderId, 30_000).json().path("paymentKey").asText();

        Answer answer = cancel(paymentKey, cancelBody(null));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("status").asText()).isEqualTo("CANCELED");
        assertThat(answer.json().path("virtualAccount").path("refundStatus").asText()).isEqualTo("NONE");
        assertThat(sandbox.stats().canceledAmountTotal()).as("no money had come in").isZero();
        assertThat(cancel(paymentKey, cancelBody(null)).code()).isEqualTo("ALREADY_CANCELED_PAYMENT");
    }

    @Test
    void an_unpaid_virtual_account_cannot_be_canceled_in_part() {
        String paymentKey = issueVirtualAccount(orderId(), 30_000).json().path("paymentKey").asText();
        Map<String, Object> body = cancelBody(null);
        body.put("cancelAmount", 10_000);

        Answer answer = cancel(paymentKey, body);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.code()).isEqualTo("NOT_CANCELABLE_AMOUNT");
    }

    @Test
    void a_card_refund_ignores_a_refund_account() {
        String paymentKey = paidCardOrder(orderId(), 10_000);

        Answer answer = cancel(paymentKey, cancelBody(refundAccount("88", "not-digits", "김그로")));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("virtualAccount").isNull()).isTrue();
    }

    @Test
    void canceling_a_virtual_account_sends_payment_status_changed_and_a_deposit_callback() {
        String orderId = orderId();
        String paymentKey = paidVirtualAccount(orderId);
        receiver.awaitReceived(2);

        cancel(paymentKey, cancelBody(refundAccount("88", "110123456789", "김그로")));

        List<WebhookReceiver.Received> received = receiver.awaitReceived(4);
        assertThat(received.get(2).eventType()).isEqualTo("PAYMENT_STATUS_CHANGED");
        assertThat(received.get(2).json().path("data").path("status").asText()).isEqualTo("CANCELED");
        assertThat(received.get(3).eventType()).isEqualTo("DEPOSIT_CALLBACK");
        assertThat(received.get(3).json().path("status").asText()).isEqualTo("CANCELED");
    }
}
