package com.grow.payments.infra.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.infra.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Payments, subscriptions and billing keys share one id space in the event store: an id of another
 * kind of record is a conflict or "not found", never a 500, and never changes that record.
 */
class RecordKindsIT extends IntegrationTest {

    private String billingKey(String token) {
        String customerKey = UUID.randomUUID().toString();
        Reply key = post("/api/v1/billing-keys", token, "{\"authKey\":\"" + sandbox().authorizeBilling(customerKey,
                null) + "\",\"customerKey\":\"" + customerKey + "\"}");
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        return key.json().path("billingKeyId").asText();
    }

    /** A subscription that starts next year: nothing is charged while the test runs. */
    private String subscription(String token, String billingKeyId) {
        Reply started = post("/api/v1/subscriptions", token, "{\"billingKeyId\":\"" + billingKeyId
                + "\",\"planId\":\"p\",\"orderName\":\"Club\",\"amount\":9900,\"cycle\":\"MONTHLY\","
                + "\"startDate\":\"2099-01-01\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().path("subscriptionId").asText();
    }

    @Test
    void checking_out_a_subscriptions_id_is_a_conflict_not_a_500() {
        String token = token("member-kinds-1");
        String id = subscription(token, billingKey(token));
        long events = eventCount(id);

        Reply checkout = post("/api/v1/payments", token, "{\"orderId\":\"" + id + "\",\"orderName\":\"x\",\"amount\":100}");
        Reply account = post("/api/v1/virtual-accounts", token, "{\"orderId\":\"" + id
                + "\",\"orderName\":\"x\",\"amount\":100,\"bank\":\"20\",\"customerName\":\"Kim\"}");

        assertThat(checkout.status()).as(checkout.body()).isEqualTo(409);
        assertThat(checkout.code()).isEqualTo("ORDER_ID_ALREADY_USED");
        assertThat(account.status()).as(account.body()).isEqualTo(409);
        assertThat(account.code()).isEqualTo("ORDER_ID_ALREADY_USED");
        assertThat(eventCount(id)).isEqualTo(events);
        assertThat(get("/api/v1/subscriptions/" + id, token).json().path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void checking_out_a_billing_keys_id_is_refused() {
        String token = token("member-kinds-2");
        String id = billingKey(token);

        Reply checkout = post("/api/v1/payments", token, "{\"orderId\":\"" + id + "\",\"orderName\":\"x\",\"amount\":100}");

        assertThat(checkout.status()).as(checkout.body()).isIn(400, 409);
        assertThat(checkout.isProblem()).isTrue();
    }

    @Test
    void payment_commands_on_a_subscriptions_id_find_no_payment() {
        String token = token("member-kinds-3");
        String id = subscription(token, billingKey(token));
        long events = eventCount(id);

        Reply confirm = confirm(token, id, "tpay_not_a_payment", 100);
        Reply cancel = post("/api/v1/payments/" + id + "/cancel", token, "{\"cancelReason\":\"x\"}");

        assertThat(confirm.status()).as(confirm.body()).isEqualTo(404);
        assertThat(confirm.code()).isEqualTo("PAYMENT_NOT_FOUND");
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(404);
        assertThat(get("/api/v1/payments/" + id, token).status()).isEqualTo(404);
        assertThat(eventCount(id)).isEqualTo(events);
    }
}
