package com.grow.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BillingDeleteTest extends BillingTestSupport {

    private String customerKey;
    private String billingKey;

    @BeforeEach
    void registeredCard() {
        customerKey = customerKey();
        billingKey = billingKey(customerKey, null);
    }

    @Test
    void deleting_a_billing_key_answers_200_and_later_charges_get_the_unknown_billing_key_error() {
        clock.advance(Duration.ofHours(1));

        Answer deleted = deleteBillingKey(billingKey);
        Answer charged = charge(billingKey, customerKey, orderId(), 9_900, newKey());

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().path("billingKey").asText()).isEqualTo(billingKey);
        assertThat(deleted.json().path("customerKey").asText()).isEqualTo(customerKey);
        assertThat(deleted.json().path("deletedAt").asText()).isEqualTo("2026-11-25T15:03:22+09:00");
        assertThat(charged.code()).isEqualTo(TossErrors.UNKNOWN_BILLING_KEY);
        assertThat(charged.json().path("message").asText()).isEqualTo(TossErrors.UNKNOWN_BILLING_KEY_MESSAGE);
        assertThat(sandbox.stats().billingKeysDeleted()).isEqualTo(1);
    }

    @Test
    void deleting_again_or_deleting_an_unknown_key_gets_the_same_error() {
        deleteBillingKey(billingKey);

        Answer again = deleteBillingKey(billingKey);
        Answer unknown = deleteBillingKey("bm9TdWNoS2V5");

        assertThat(again.status()).isEqualTo(TossErrors.status(TossErrors.UNKNOWN_BILLING_KEY));
        assertThat(again.code()).isEqualTo(TossErrors.UNKNOWN_BILLING_KEY);
        assertThat(unknown.body()).isEqualTo(again.body());
        assertThat(sandbox.stats().billingKeysDeleted()).isEqualTo(1);
    }

    @Test
    void deleting_needs_the_secret_key() {
        Answer answer = deleteBillingKey(billingKey, "Authorization", basic("test_sk_" + "notThisMerchant"));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(charge(billingKey, customerKey, orderId(), 9_900, newKey()).status()).isEqualTo(200);
    }

    @Test
    void a_deletion_through_the_api_records_billing_deleted_with_the_api_reason() {
        deleteBillingKey(billingKey);

        assertThat(sandbox.outgoingWebhooks()).singleElement().satisfies(webhook -> {
            assertThat(webhook.eventType()).isEqualTo("BILLING_DELETED");
            assertThat(webhook.data()).containsEntry("billingKey", billingKey).containsEntry("reason", "삭제 API 요청");
        });
    }

    @Test
    void a_deletion_at_toss_records_a_billing_deleted_webhook_and_stops_charges() throws Exception {
        clock.advance(Duration.ofDays(3));

        sandbox.deleteBillingKeyAtToss(billingKey);

        assertThat(sandbox.outgoingWebhooks()).singleElement().satisfies(webhook -> {
            assertThat(webhook.eventType()).isEqualTo(OutgoingWebhook.BILLING_DELETED);
            assertThat(webhook.createdAt()).isEqualTo(START.plus(Duration.ofDays(3)));
            assertThat(webhook.data()).containsOnlyKeys("billingKey", "reason").containsEntry("billingKey", billingKey);
        });
        JsonNode body = MAPPER.readTree(sandbox.outgoingWebhooks().get(0).body());
        assertThat(body.path("eventType").asText()).isEqualTo("BILLING_DELETED");
        assertThat(body.path("createdAt").asText()).isEqualTo("2026-11-28T14:03:22.000000");
        assertThat(body.path("data").path("billingKey").asText()).isEqualTo(billingKey);
        assertThat(body.path("data").path("reason").asText()).isNotBlank();
        assertThat(charge(billingKey, customerKey, orderId(), 9_900, newKey()).code()).isEqualTo(TossErrors.UNKNOWN_BILLING_KEY);
        assertThat(deleteBillingKey(billingKey).code()).isEqualTo(TossErrors.UNKNOWN_BILLING_KEY);
        assertThat(sandbox.stats().billingKeysDeleted()).isEqualTo(1);
    }

    @Test
    void a_deletion_at_toss_may_give_its_reason_and_refuses_an_unknown_key() {
        sandbox.deleteBillingKeyAtToss(billingKey, "카드 분실 신고");

        assertThat(sandbox.outgoingWebhooks().get(0).data()).containsEntry("reason", "카드 분실 신고");
        assertThatThrownBy(() -> sandbox.deleteBillingKeyAtToss(billingKey))
                .isInstanceOfSatisfying(TossApiException.class, e -> assertThat(e.code()).isEqualTo(TossErrors.UNKNOWN_BILLING_KEY));
        assertThat(sandbox.outgoingWebhooks()).hasSize(1);
    }

    @Test
    void a_deleted_key_keeps_its_past_payments_findable_and_cancellable() {
        String orderId = orderId();
        String paymentKey = charge(billingKey, customerKey, orderId, 9_900, newKey()).json().path("paymentKey").asText();

        deleteBillingKey(billingKey);

        assertThat(get("/v1/payments/orders/" + orderId).json().path("status").asText()).isEqualTo("DONE");
        assertThat(post("/v1/payments/" + paymentKey + "/cancel", java.util.Map.of("cancelReason", "해지")).status()).isEqualTo(200);
    }

    @Test
    void reset_forgets_billing_keys_auth_keys_and_webhooks() {
        String authKey = sandbox.authorizeBilling(customerKey, null);
        sandbox.deleteBillingKeyAtToss(billingKey(customerKey, null));

        sandbox.reset();

        assertThat(sandbox.outgoingWebhooks()).isEmpty();
        assertThat(sandbox.stats().billingKeysIssued()).isZero();
        assertThat(sandbox.stats().billingKeysDeleted()).isZero();
        assertThat(charge(billingKey, customerKey, orderId(), 9_900, newKey()).code()).isEqualTo(TossErrors.UNKNOWN_BILLING_KEY);
        assertThat(issue(authKey, customerKey).code()).isEqualTo("INVALID_REQUEST");
    }
}
