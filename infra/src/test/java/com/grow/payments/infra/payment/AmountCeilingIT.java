package com.grow.payments.infra.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.grow.payments.infra.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** No request carries more than payments.max-amount (100,000,000 won by default): 400, nothing changed. */
class AmountCeilingIT extends IntegrationTest {

    private static final long ABOVE = 100_000_001L;

    private void assertRefused(Reply reply, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.isProblem()).isTrue();
        assertThat(reply.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(reply.json().path("errors").get(0).path("field").asText()).isEqualTo(field);
    }

    @Test
    void a_checkout_above_the_ceiling_is_refused_and_the_ceiling_itself_is_accepted() {
        String token = token("member-ceiling-1");
        long events = eventCount();

        assertRefused(post("/api/v1/payments", token, "{\"orderName\":\"Too much\",\"amount\":" + ABOVE + "}"),
                "amount");
        assertRefused(post("/api/v1/payments", token, "{\"orderName\":\"Far too much\",\"amount\":"
                + Long.MAX_VALUE + "}"), "amount");
        assertThat(eventCount()).isEqualTo(events);

        Reply atCeiling = post("/api/v1/payments", token, "{\"orderName\":\"Just so\",\"amount\":100000000}");
        assertThat(atCeiling.status()).as(atCeiling.body()).isEqualTo(201);
    }

    @Test
    void a_virtual_account_a_confirm_and_a_cancel_above_the_ceiling_are_refused() {
        String token = token("member-ceiling-2");
        String[] payment = checkoutAndAuthorize(token, 5_000, null);
        long events = eventCount();

        assertRefused(post("/api/v1/virtual-accounts", token, "{\"orderName\":\"x\",\"amount\":" + ABOVE
                + ",\"bank\":\"20\",\"customerName\":\"Kim\"}"), "amount");
        assertRefused(confirm(token, payment[0], payment[1], ABOVE), "amount");
        assertRefused(post("/api/v1/payments/" + payment[0] + "/cancel", token,
                "{\"cancelReason\":\"x\",\"cancelAmount\":" + ABOVE + "}"), "cancelAmount");

        assertThat(eventCount()).isEqualTo(events);
        assertThat(sandbox().stats().approvals(payment[0])).isZero();
    }

    @Test
    void a_subscription_above_the_ceiling_is_refused() {
        String token = token("member-ceiling-3");
        String customerKey = UUID.randomUUID().toString();
        Reply key = post("/api/v1/billing-keys", token, "{\"authKey\":\"" + sandbox().authorizeBilling(customerKey,
                null) + "\",\"customerKey\":\"" + customerKey + "\"}");
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        long events = eventCount();

        assertRefused(post("/api/v1/subscriptions", token, "{\"billingKeyId\":\""
                + key.json().path("billingKeyId").asText() + "\",\"planId\":\"p\",\"orderName\":\"x\",\"amount\":"
                + ABOVE + ",\"cycle\":\"MONTHLY\"}"), "amount");
        assertThat(eventCount()).isEqualTo(events);
    }
}
