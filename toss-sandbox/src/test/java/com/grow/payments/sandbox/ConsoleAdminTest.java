package com.grow.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleAdminTest extends MerchantTestSupport {

    private static final String DAY = "startDate=2026-11-25T00:00:00&endDate=2026-11-25T23:59:59";

    @Test
    void a_console_cancel_cancels_at_toss_and_sends_no_webhook() {
        String orderId = orderId();
        paidCard(orderId, 10_000, 0);
        int webhooksBefore = sandbox.outgoingWebhooks().size();

        Answer canceled = sandboxPost("/sandbox/admin/console-cancel", Map.of("orderId", orderId));

        assertThat(canceled.status()).as(canceled.body()).isEqualTo(200);
        assertThat(canceled.json().path("status").asText()).isEqualTo("CANCELED");
        assertThat(sandbox.outgoingWebhooks()).hasSize(webhooksBefore);
        assertThat(get("/v1/payments/orders/" + orderId).json().path("status").asText()).isEqualTo("CANCELED");
        JsonNode rows = get("/v1/transactions?" + DAY).json();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).path("status").asText()).isEqualTo("CANCELED");
        assertThat(sandbox.stats().cancelExecutions(orderId)).isEqualTo(1);
        assertThat(sandbox.stats().requestsByKey(SECRET_KEY, FaultPlan.CANCEL)).isZero();
    }

    @Test
    void the_same_cancel_through_the_api_does_send_its_webhook() {
        String orderId = orderId();
        String paymentKey = paidCard(orderId, 10_000, 0);
        int webhooksBefore = sandbox.outgoingWebhooks().size();

        cancel(paymentKey, Map.of("cancelReason", "API"));

        assertThat(sandbox.outgoingWebhooks()).hasSize(webhooksBefore + 1);
    }

    @Test
    void a_console_cancel_can_be_partial_and_refunds_a_paid_virtual_account_silently() {
        String orderId = orderId();
        issueVirtualAccount(virtualAccountBody(orderId, 30_000));
        sandbox.deposit(orderId);
        int webhooksBefore = sandbox.outgoingWebhooks().size();

        Answer partial = sandboxPost("/sandbox/admin/console-cancel",
                Map.of("orderId", orderId, "cancelAmount", 10_000, "cancelReason", "상담 후 환불"));

        assertThat(partial.json().path("status").asText()).isEqualTo("PARTIAL_CANCELED");
        assertThat(partial.json().path("cancels").get(0).path("cancelReason").asText()).isEqualTo("상담 후 환불");
        assertThat(partial.json().path("virtualAccount").path("refundStatus").asText()).isEqualTo("COMPLETED");
        assertThat(sandbox.outgoingWebhooks()).hasSize(webhooksBefore);
    }

    @Test
    void a_console_cancel_of_an_unknown_or_cancelled_order_answers_like_the_api() {
        String orderId = orderId();
        paidCard(orderId, 1_000, 0);
        sandbox.cancelInConsole(orderId, null, null);

        assertThat(sandboxPost("/sandbox/admin/console-cancel", Map.of("orderId", orderId)).code())
                .isEqualTo("ALREADY_CANCELED_PAYMENT");
        assertThat(sandboxPost("/sandbox/admin/console-cancel", Map.of("orderId", orderId())).code())
                .isEqualTo("NOT_FOUND_PAYMENT");
    }

    @Test
    void a_console_cancel_in_one_merchants_console_leaves_the_other_merchants_same_order_alone() {
        String orderId = orderId();
        paidCard(orderId, 1_000, 0);
        sandbox.createStrayPayment(BILLING_MID, orderId, "x", 2_000, 0);

        Answer canceled = sandboxPost("/sandbox/admin/console-cancel", Map.of("orderId", orderId, "mId", BILLING_MID));

        assertThat(canceled.json().path("totalAmount").asLong()).isEqualTo(2_000);
        assertThat(get("/v1/payments/orders/" + orderId, asBilling()).json().path("status").asText()).isEqualTo("CANCELED");
        assertThat(get("/v1/payments/orders/" + orderId).json().path("status").asText()).isEqualTo("DONE");
    }

    @Test
    void a_stray_payment_is_at_toss_for_its_merchant_only_and_was_never_confirmed() {
        String orderId = orderId();

        Answer created = sandboxPost("/sandbox/admin/stray-payment",
                Map.of("mId", BILLING_MID, "orderId", orderId, "amount", 12_000));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("status").asText()).isEqualTo("DONE");
        assertThat(created.json().path("mId").asText()).isEqualTo(BILLING_MID);
        assertThat(get("/v1/payments/orders/" + orderId, asBilling()).json().path("totalAmount").asLong())
                .isEqualTo(12_000);
        assertThat(get("/v1/payments/orders/" + orderId).code()).isEqualTo("NOT_FOUND_PAYMENT");
        assertThat(sandbox.stats().confirmRequests(orderId)).isZero();
        assertThat(sandbox.outgoingWebhooks()).isEmpty();
        assertThat(get("/v1/transactions?" + DAY, asBilling()).json().get(0).path("orderId").asText())
                .isEqualTo(orderId);
    }

    @Test
    void a_stray_payment_defaults_to_the_default_merchant_and_a_fresh_order_id() {
        Answer created = sandboxPost("/sandbox/admin/stray-payment", Map.of("amount", 5_000, "taxFreeAmount", 5_000));

        JsonNode payment = created.json();
        assertThat(payment.path("mId").asText()).isEqualTo(CARD_MID);
        assertThat(payment.path("orderId").asText()).startsWith("stray-");
        assertThat(payment.path("taxFreeAmount").asLong()).isEqualTo(5_000);
        assertThat(sandboxPost("/sandbox/admin/stray-payment",
                Map.of("orderId", payment.path("orderId").asText(), "amount", 1)).code()).isEqualTo("DUPLICATED_ORDER_ID");
        assertThat(sandboxPost("/sandbox/admin/stray-payment", Map.of("amount", 0)).code()).isEqualTo("INVALID_REQUEST");
    }
}
