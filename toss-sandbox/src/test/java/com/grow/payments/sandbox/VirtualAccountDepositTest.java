package com.grow.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VirtualAccountDepositTest extends WebhookTestSupport {

    @Test
    void a_deposit_makes_the_payment_done_and_sends_a_flat_deposit_callback_with_toss_headers() {
        String orderId = orderId();
        JsonNode issued = issueVirtualAccount(orderId, 30_000).json();
        receiver.awaitReceived(1);
        clock.advance(Duration.ofHours(1));

        SandboxPayment deposited = sandbox.deposit(orderId);

        WebhookReceiver.Received callback = receiver.awaitReceived(2).get(1);
        JsonNode body = callback.json();
        assertThat(body.properties()).extracting(Map.Entry::getKey)
                .containsExactly("createdAt", "secret", "status", "transactionKey", "orderId");
        assertThat(body.path("createdAt").asText()).isEqualTo("2026-11-25T15:03:22.000000");
        assertThat(body.path("secret").asText()).isEqualTo(issued.path("secret").asText());
        assertThat(body.path("status").asText()).isEqualTo("DONE");
        assertThat(body.path("orderId").asText()).isEqualTo(orderId);
        assertThat(body.path("transactionKey").asText()).isEqualTo(deposited.lastTransactionKey())
                .isNotEqualTo(issued.path("lastTransactionKey").asText());
        assertThat(callback.transmissionId()).startsWith("whtrans_");
        assertThat(callback.header("tosspayments-webhook-transmission-time")).isEqualTo("2026-11-25T15:03:22+09:00");
        assertThat(callback.header("tosspayments-webhook-transmission-retried-count")).isEqualTo("0");
        assertThat(callback.header("Content-Type")).startsWith("application/json");

        JsonNode lookup = get("/v1/payments/orders/" + orderId).json();
        assertThat(lookup.path("status").asText()).isEqualTo("DONE");
        assertThat(lookup.path("approvedAt").asText()).isEqualTo("2026-11-25T15:03:22+09:00");
        assertThat(lookup.path("lastTransactionKey").asText()).isEqualTo(body.path("transactionKey").asText());
        assertThat(lookup.path("secret").asText()).isEqualTo(issued.path("secret").asText());
        assertThat(lookup.path("virtualAccount").path("expired").asBoolean()).isFalse();
        assertThat(sandbox.stats().approvals(orderId)).isEqualTo(1);
        assertThat(sandbox.webhookDeliveries()).extracting(WebhookDelivery::eventType)
                .containsExactly("DEPOSIT_CALLBACK", "DEPOSIT_CALLBACK");
    }

    @Test
    void the_admin_endpoint_plays_a_deposit_for_a_sandbox_in_another_process() {
        String orderId = orderId();
        issueVirtualAccount(orderId, 30_000);

        Answer answer = sandboxPost("/sandbox/admin/deposit", Map.of("orderId", orderId));
        Answer again = sandboxPost("/sandbox/admin/deposit", Map.of("orderId", orderId));
        Answer unknown = sandboxPost("/sandbox/admin/deposit", Map.of("orderId", "no-such-order"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("status").asText()).isEqualTo("DONE");
        assertThat(answer.json().path("method").asText()).isEqualTo("가상계좌");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.code()).isEqualTo("INVALID_REQUEST");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(receiver.awaitReceived(2).get(1).json().path("status").asText()).isEqualTo("DONE");
    }

    @Test
    void a_deposit_error_puts_the_payment_back_to_waiting_for_deposit_and_says_so_in_a_deposit_callback() {
        String orderId = orderId();
        JsonNode issued = issueVirtualAccount(orderId, 30_000).json();
        sandbox.deposit(orderId);

        SandboxPayment reversed = sandbox.depositError(orderId);

        List<WebhookReceiver.Received> received = receiver.awaitReceived(3);
        assertThat(received).extracting(r -> r.json().path("status").asText())
                .containsExactly("WAITING_FOR_DEPOSIT", "DONE", "WAITING_FOR_DEPOSIT");
        JsonNode callback = received.get(2).json();
        assertThat(callback.path("secret").asText()).isEqualTo(issued.path("secret").asText());
        assertThat(callback.path("transactionKey").asText()).isEqualTo(reversed.lastTransactionKey());
        JsonNode lookup = get("/v1/payments/orders/" + orderId).json();
        assertThat(lookup.path("status").asText()).isEqualTo("WAITING_FOR_DEPOSIT");
        assertThat(lookup.path("approvedAt").isNull()).isTrue();
        // The buyer pays again.
        assertThat(sandbox.deposit(orderId).status()).isEqualTo(PaymentStatus.DONE);
    }

    @Test
    void a_deposit_error_needs_a_done_virtual_account() {
        String waiting = orderId();
        issueVirtualAccount(waiting, 30_000);
        String card = orderId();
        paidCardOrder(card, 30_000);

        assertThatThrownBy(() -> sandbox.depositError(waiting))
                .isInstanceOfSatisfying(TossApiException.class, e -> assertThat(e.code()).isEqualTo("INVALID_REQUEST"));
        assertThatThrownBy(() -> sandbox.depositError(card))
                .isInstanceOfSatisfying(TossApiException.class, e -> assertThat(e.code()).isEqualTo("INVALID_REQUEST"));
        assertThatThrownBy(() -> sandbox.deposit(card))
                .isInstanceOfSatisfying(TossApiException.class, e -> assertThat(e.code()).isEqualTo("INVALID_REQUEST"));
        assertThat(sandboxPost("/sandbox/admin/deposit-error", Map.of("orderId", waiting)).code()).isEqualTo("INVALID_REQUEST");
    }

    @Test
    void past_its_due_date_the_account_reads_expired_no_webhook_is_sent_and_no_deposit_is_taken() {
        String orderId = orderId();
        Map<String, Object> body = virtualAccountBody(orderId, 30_000);
        body.put("validHours", 2);
        issueVirtualAccount(body, "Idempotency-Key", newKey());
        receiver.awaitReceived(1);

        clock.advance(Duration.ofHours(2));
        assertThat(get("/v1/payments/orders/" + orderId).json().path("status").asText())
                .as("the due date itself still takes a deposit").isEqualTo("WAITING_FOR_DEPOSIT");
        clock.advance(Duration.ofSeconds(1));
        JsonNode lookup = get("/v1/payments/orders/" + orderId).json();

        assertThat(lookup.path("status").asText()).isEqualTo("EXPIRED");
        assertThat(lookup.path("virtualAccount").path("expired").asBoolean()).isTrue();
        assertThat(lookup.path("approvedAt").isNull()).isTrue();
        assertThatThrownBy(() -> sandbox.deposit(orderId))
                .isInstanceOfSatisfying(TossApiException.class, e -> assertThat(e.code()).isEqualTo("INVALID_REQUEST"));
        // First attempts go out in order, so if expiry had sent anything it would arrive before this marker.
        sandbox.sendPaymentStatusChanged(orderId);
        List<WebhookReceiver.Received> received = receiver.awaitReceived(2);
        assertThat(received).hasSize(2);
        assertThat(received.get(1).eventType()).isEqualTo("PAYMENT_STATUS_CHANGED");
        assertThat(received.get(1).json().path("data").path("status").asText()).isEqualTo("EXPIRED");
        assertThat(sandbox.outgoingWebhooks()).extracting(OutgoingWebhook::eventType)
                .containsExactly("DEPOSIT_CALLBACK", "PAYMENT_STATUS_CHANGED");
    }

    @Test
    void an_expired_order_may_get_a_new_virtual_account() {
        String orderId = orderId();
        String first = issueVirtualAccount(orderId, 30_000).json().path("paymentKey").asText();
        clock.advance(Duration.ofHours(169));

        JsonNode second = issueVirtualAccount(orderId, 30_000).json();

        assertThat(second.path("paymentKey").asText()).isNotEqualTo(first);
        assertThat(get("/v1/payments/orders/" + orderId).json().path("paymentKey").asText())
                .isEqualTo(second.path("paymentKey").asText());
        assertThat(get("/v1/payments/" + first).json().path("status").asText()).isEqualTo("EXPIRED");
    }
}
