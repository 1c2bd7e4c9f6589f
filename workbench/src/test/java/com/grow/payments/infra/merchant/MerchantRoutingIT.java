package com.grow.payments.infra.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.grow.payments.infra.IntegrationTest;
import com.grow.payments.sandbox.FaultKind;
import com.grow.payments.sandbox.SandboxPayment;
import com.grow.payments.shared.subscription.ChargeOrderIds;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * The standalone profile's two merchants (checkout: card, virtual account; billing: billing): every
 * call about a record is made with the key of the merchant it was made at, and another merchant's
 * key is never used for it (the sandbox counts each key's requests per path).
 */
class MerchantRoutingIT extends IntegrationTest {

    private static final String REFUND_ACCOUNT =
            "\"refundReceiveAccount\":{\"bank\":\"20\",\"accountNumber\":\"1234567890\",\"holderName\":\"김그로\"}";

    @Value("${toss.merchants.checkout.secret-key}")
    private String checkoutKey;
    @Value("${toss.merchants.billing.secret-key}")
    private String billingKey;

    @AfterEach
    void clearFaults() {
        sandbox().faults().clear();
    }

    private long lookups(String key, String orderId) {
        return sandbox().stats().requestsByKey(key, "GET", "/v1/payments/orders/" + orderId);
    }

    @Test
    void a_billing_charge_whose_answer_was_lost_is_settled_by_the_janitor_through_the_billing_merchants_key() {
        String token = token("member-merchant-billing");
        String customerKey = UUID.randomUUID().toString();
        String authKey = sandbox().authorizeBilling(customerKey, null);
        Reply card = post("/api/v1/billing-keys", token,
                "{\"authKey\":\"" + authKey + "\",\"customerKey\":\"" + customerKey + "\"}");
        assertThat(card.status()).as(card.body()).isEqualTo(201);
        assertThat(sandbox().stats().requestsByKey(billingKey, "billing-issue")).isPositive();
        sandbox().faults().inject("billing", FaultKind.LOST_ANSWER, 1, Duration.ofSeconds(2));

        Reply started = post("/api/v1/subscriptions", token, "{\"billingKeyId\":\""
                + card.json().path("billingKeyId").asText() + "\",\"planId\":\"tuition\",\"orderName\":\"Tuition\","
                + "\"amount\":120000,\"taxFreeAmount\":120000,\"cycle\":\"MONTHLY\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.json().path("merchant").asText()).isEqualTo("billing");
        assertThat(started.json().path("taxFreeAmount").asLong()).isEqualTo(120000);
        String id = started.json().path("subscriptionId").asText();
        String orderId = ChargeOrderIds.of(id, 1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode view = get("/api/v1/subscriptions/" + id, token).json();
            assertThat(view.path("charges").path(0).path("status").asText()).as(view.toString()).isEqualTo("DONE");
        });

        assertThat(sandbox().stats().billingCharges(orderId)).as("charged once").isEqualTo(1);
        assertThat(lookups(billingKey, orderId)).as("looked up with the billing key").isPositive();
        assertThat(lookups(checkoutKey, orderId)).as("never with the checkout key").isZero();
        assertThat(sandbox().payment(orderId).orElseThrow().taxFreeAmount()).as("tax-free part sent").isEqualTo(120000);
    }

    @Test
    void a_card_payment_is_confirmed_and_cancelled_with_the_checkout_merchants_key_only() {
        String token = token("member-merchant-card");
        // other tests in this JVM may confirm at the billing merchant (a spoof): count only this test's
        long billingConfirmsBefore = sandbox().stats().requestsByKey(billingKey, "POST", "/v1/payments/confirm");
        Reply checkout = post("/api/v1/payments", token,
                "{\"orderName\":\"Hobby class\",\"amount\":33000,\"taxFreeAmount\":0}");
        assertThat(checkout.status()).as(checkout.body()).isEqualTo(201);
        assertThat(checkout.json().path("merchant").asText()).isEqualTo("checkout");
        String orderId = checkout.json().path("orderId").asText();
        String paymentKey = sandbox().authorize(orderId, "Hobby class", 33000, null);
        assertThat(confirm(token, orderId, paymentKey, 33000).status()).isEqualTo(200);

        Reply cancelled = post("/api/v1/payments/" + orderId + "/cancel", token, "{\"cancelReason\":\"changed mind\"}");

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        String cancelPath = "/v1/payments/" + paymentKey + "/cancel";
        assertThat(sandbox().stats().requestsByKey(checkoutKey, "POST", cancelPath)).isEqualTo(1);
        assertThat(sandbox().stats().requestsByKey(billingKey, "POST", cancelPath)).isZero();
        assertThat(sandbox().stats().requestsByKey(billingKey, "POST", "/v1/payments/confirm"))
                .isEqualTo(billingConfirmsBefore);
        assertThat(get("/api/v1/payments/" + orderId, token).json().path("merchant").asText()).isEqualTo("checkout");
    }

    @Test
    void a_tax_free_virtual_account_refunds_its_tax_free_part_with_each_cancel() {
        String token = token("member-merchant-tuition");
        Reply opened = post("/api/v1/virtual-accounts", token, "{\"orderName\":\"Tuition\",\"amount\":50000,"
                + "\"taxFreeAmount\":30000,\"bank\":\"20\",\"customerName\":\"김그로\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        assertThat(opened.json().path("taxFreeAmount").asLong()).isEqualTo(30000);
        String orderId = opened.json().path("orderId").asText();
        assertThat(sandbox().payment(orderId).orElseThrow().taxFreeAmount()).isEqualTo(30000);
        String secret = atToss(orderId).path("secret").asText();
        sandbox().deposit(orderId);
        assertThat(webhook(depositCallback(orderId, secret, "DONE")).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> status(orderId, token).equals("DONE"));
        assertThat(lookups(checkoutKey, orderId)).as("the webhook's look-up, with the checkout key").isPositive();
        assertThat(lookups(billingKey, orderId)).isZero();

        Reply part = post("/api/v1/payments/" + orderId + "/cancel", token,
                "{\"cancelReason\":\"one month\",\"cancelAmount\":20000," + REFUND_ACCOUNT + "}");

        assertThat(part.status()).as(part.body()).isEqualTo(200);
        assertThat(part.json().path("cancels").path(0).path("taxFreeAmount").asLong()).isEqualTo(12000);
        assertThat(part.json().path("taxFreeAmount").asLong()).isEqualTo(18000);
        SandboxPayment atToss = sandbox().payment(orderId).orElseThrow();
        assertThat(atToss.cancels().get(0).taxFreeAmount()).isEqualTo(12000);
        assertThat(atToss.taxFreeAmount()).isEqualTo(18000);

        Reply rest = post("/api/v1/payments/" + orderId + "/cancel", token,
                "{\"cancelReason\":\"the rest\"," + REFUND_ACCOUNT + "}");

        assertThat(rest.status()).as(rest.body()).isEqualTo(200);
        assertThat(rest.json().path("status").asText()).isEqualTo("CANCELED");
        assertThat(rest.json().path("cancels").path(1).path("taxFreeAmount").asLong()).isEqualTo(18000);
        assertThat(rest.json().path("taxFreeAmount").asLong()).isZero();
        assertThat(sandbox().payment(orderId).orElseThrow().taxFreeAmount()).isZero();
    }

    @Test
    void a_tax_free_amount_above_the_amount_is_refused_and_nothing_is_stored() {
        String token = token("member-merchant-invalid");
        String orderId = "ord_taxfree_" + UUID.randomUUID().toString().substring(0, 8);
        String accountOrderId = orderId + "_va";

        Reply checkout = post("/api/v1/payments", token, "{\"orderId\":\"" + orderId
                + "\",\"orderName\":\"Hobby\",\"amount\":1000,\"taxFreeAmount\":1001}");
        Reply negative = post("/api/v1/virtual-accounts", token, "{\"orderId\":\"" + accountOrderId
                + "\",\"orderName\":\"Hobby\",\"amount\":1000,"
                + "\"taxFreeAmount\":-1,\"bank\":\"20\",\"customerName\":\"김그로\"}");

        assertThat(checkout.status()).isEqualTo(400);
        assertThat(checkout.json().path("errors").findValuesAsText("field")).contains("taxFreeAmount");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().path("errors").findValuesAsText("field")).contains("taxFreeAmount");
        assertThat(eventCount(orderId)).isZero();
        assertThat(eventCount(accountOrderId)).isZero();
    }
}
