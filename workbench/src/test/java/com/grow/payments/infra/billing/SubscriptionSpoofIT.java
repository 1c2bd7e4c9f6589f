package com.grow.payments.infra.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.grow.payments.infra.IntegrationTest;
import com.grow.payments.infra.TestClock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The attack a payment team found: a member checks out the order id of their subscription's next
 * cycle for 100 won, pays it in the Toss window, refunds it, and waits for the cycle's charge. The
 * cycle must never be recorded as paid on the strength of that refunded one-time payment.
 */
class SubscriptionSpoofIT extends IntegrationTest {

    private static final long PLAN_AMOUNT = 50_000;
    /** The standalone billing merchant's mId at the sandbox. */
    private static final String BILLING_MID = "tgrowbilling";

    @org.springframework.beans.factory.annotation.Value("${toss.merchants.billing.secret-key}")
    private String billingKey;

    /** A POST to Toss's API (the sandbox) with the billing merchant's key. */
    private Reply atBillingMerchant(String path, String body) {
        String basic = java.util.Base64.getEncoder().encodeToString((billingKey + ":").getBytes());
        return send(request(sandbox().baseUrl(), path, null).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
    }

    private String subscriptionId;

    @AfterEach
    void cancelAndResetTheClock() {
        if (subscriptionId != null) {
            post("/api/v1/subscriptions/" + subscriptionId + "/cancel", token("ops", "ADMIN"), "{}");
        }
        TestClock.reset();
    }

    private JsonNode subscription(String token) {
        return get("/api/v1/subscriptions/" + subscriptionId, token).json();
    }

    private static JsonNode charge(JsonNode view, int cycleNo) {
        for (JsonNode charge : view.path("charges")) {
            if (charge.path("cycleNo").asInt() == cycleNo) {
                return charge;
            }
        }
        return null;
    }

    /** A subscription of 50,000 won a day whose first cycle is charged and paid. */
    private JsonNode subscribedAndFirstCyclePaid(String token) {
        String customerKey = UUID.randomUUID().toString();
        Reply key = post("/api/v1/billing-keys", token, "{\"authKey\":\"" + sandbox().authorizeBilling(customerKey,
                null) + "\",\"customerKey\":\"" + customerKey + "\"}");
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        Reply started = post("/api/v1/subscriptions", token, "{\"billingKeyId\":\""
                + key.json().path("billingKeyId").asText() + "\",\"planId\":\"club\",\"orderName\":\"Club\","
                + "\"amount\":" + PLAN_AMOUNT + ",\"cycle\":\"DAILY\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        subscriptionId = started.json().path("subscriptionId").asText();
        JsonNode[] view = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            view[0] = subscription(token);
            assertThat(charge(view[0], 1)).as("cycle 1 in " + view[0]).isNotNull();
            assertThat(charge(view[0], 1).path("status").asText()).isEqualTo("DONE");
        });
        return view[0];
    }

    @Test
    void the_next_cycles_order_id_cannot_be_checked_out_by_the_member() {
        String token = token("member-spoof-api");
        subscribedAndFirstCyclePaid(token);
        String nextCycle = "sub_" + subscriptionId + "_2";

        Reply checkout = post("/api/v1/payments", token,
                "{\"orderId\":\"" + nextCycle + "\",\"orderName\":\"Club\",\"amount\":100}");

        assertThat(checkout.status()).as(checkout.body()).isEqualTo(400);
        assertThat(checkout.code()).isEqualTo("ORDER_ID_RESERVED");
        assertThat(sandbox().stats().approvals(nextCycle)).isZero();
    }

    @Test
    void a_refunded_one_time_payment_under_the_next_cycles_order_id_never_pays_the_cycle() {
        String token = token("member-spoof-toss");
        JsonNode first = subscribedAndFirstCyclePaid(token);
        String nextCycle = "sub_" + subscriptionId + "_2";

        // the member's 100 won, paid in Toss's window under the cycle's order id and refunded at once:
        // made at Toss directly, at the billing merchant (the only one where it can collide with the
        // cycle's charge), as if the service's own check-out had let it through
        String paymentKey = sandbox().authorize(BILLING_MID, nextCycle, "Club", 100, 0, null);
        assertThat(atBillingMerchant("/v1/payments/confirm", confirmBody(nextCycle, paymentKey, 100)).status())
                .isEqualTo(200);
        assertThat(atBillingMerchant("/v1/payments/" + paymentKey + "/cancel", "{\"cancelReason\":\"refund\"}")
                .status()).isEqualTo(200);
        assertThat(sandbox().payment(nextCycle).orElseThrow().status().name()).isEqualTo("CANCELED");

        TestClock.setNow(OffsetDateTime.parse(first.path("nextChargeAt").asText()).toInstant());

        // the charge finds the order taken, the look-up finds the member's payment: flagged, not paid
        JsonNode[] view = new JsonNode[1];
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            view[0] = subscription(token);
            assertThat(view[0].path("needsAttention").asBoolean()).as(view[0].toString()).isTrue();
        });
        JsonNode cycle2 = charge(view[0], 2);
        assertThat(cycle2.path("status").asText()).isNotEqualTo("DONE");
        assertThat(cycle2.path("failure").path("code").asText()).isEqualTo("NEEDS_ATTENTION");
        assertThat(cycle2.path("failure").path("message").asText()).contains("NORMAL");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).untilAsserted(() -> {
            JsonNode now = charge(subscription(token), 2);
            assertThat(now.path("status").asText()).isNotEqualTo("DONE");
            assertThat(now.path("paymentKey").isMissingNode()).isTrue();
        });
        // the row says so too, and the janitor's sweep no longer looks the flagged charge up
        assertThat(jdbc.queryForObject("SELECT needs_attention FROM subscription_view WHERE subscription_id = ?",
                Boolean.class, subscriptionId)).isTrue();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE '%SubscriptionCharged'", Long.class, subscriptionId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type LIKE '%SubscriptionChargeNeedsAttention'", Long.class, subscriptionId))
                .isEqualTo(1);
    }
}
