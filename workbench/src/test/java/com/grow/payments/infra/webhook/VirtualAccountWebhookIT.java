package com.grow.payments.infra.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.grow.payments.infra.IntegrationTest;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Virtual accounts and Toss's webhooks: verified, deduplicated, never trusted blindly. */
class VirtualAccountWebhookIT extends IntegrationTest {


    private JsonNode openAccount(String token, long amount) {
        Reply opened = post("/api/v1/virtual-accounts", token, "{\"orderName\":\"Ceramics class\",\"amount\":" + amount
                + ",\"bank\":\"20\",\"customerName\":\"김그로\",\"validHours\":24}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json();
    }

    @Test
    void an_issued_account_shows_where_to_pay_and_never_its_secret() {
        String token = token("member-va");
        JsonNode opened = openAccount(token, 33000);

        assertThat(opened.path("status").asText()).isEqualTo("WAITING_FOR_DEPOSIT");
        assertThat(opened.path("virtualAccount").path("accountNumber").asText()).isNotBlank();
        assertThat(opened.path("virtualAccount").path("bank").asText()).isEqualTo("20");
        assertThat(opened.path("virtualAccount").path("dueDate").asText()).endsWith("+09:00");
        String secret = atToss(opened.path("orderId").asText()).path("secret").asText();
        assertThat(opened.toString()).doesNotContain(secret);
        assertThat(get("/api/v1/payments/" + opened.path("orderId").asText() + "/events", token).body())
                .doesNotContain(secret);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE position(? in convert_from(payload, 'UTF8')) > 0",
                Long.class, secret)).isZero();
    }

    @Test
    void a_deposit_callback_with_the_secret_makes_the_payment_done_once_toss_confirms() {
        String token = token("member-va-deposit");
        String orderId = openAccount(token, 21000).path("orderId").asText();
        String secret = atToss(orderId).path("secret").asText();
        sandbox().deposit(orderId);

        Reply accepted = webhook(depositCallback(orderId, secret, "DONE"));

        assertThat(accepted.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode view = get("/api/v1/payments/" + orderId, token).json();
            assertThat(view.path("status").asText()).isEqualTo("DONE");
            assertThat(view.path("approvedAt").asText()).isNotBlank();
        });
    }

    @Test
    void a_deposit_callback_with_a_wrong_secret_is_401_and_changes_nothing() {
        String token = token("member-va-forged");
        String orderId = openAccount(token, 21000).path("orderId").asText();
        sandbox().deposit(orderId);

        Reply forged = webhook(depositCallback(orderId, "not-the-secret", "DONE"));

        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.isProblem()).isTrue();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).untilAsserted(() ->
                assertThat(status(orderId, token)).isEqualTo("WAITING_FOR_DEPOSIT"));
        assertThat(get("/actuator/prometheus", null).body()).contains("webhook_rejected_total{reason=\"secret_mismatch\"");
    }

    @Test
    void the_same_deposit_webhook_ten_times_at_once_is_one_state_change() {
        String token = token("member-va-dupes");
        String orderId = openAccount(token, 15000).path("orderId").asText();
        String secret = atToss(orderId).path("secret").asText();
        sandbox().deposit(orderId);
        String body = depositCallback(orderId, secret, "DONE");
        String transmission = "whtrans_" + UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.now(SEOUL);

        List<CompletableFuture<Reply>> posts = new ArrayList<>();
        IntStream.range(0, 10).forEach(i -> posts.add(CompletableFuture.supplyAsync(() -> webhook(body, transmission, at))));

        assertThat(posts.stream().map(CompletableFuture::join).map(Reply::status)).containsOnly(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(status(orderId, token)).isEqualTo("DONE"));
        List<String> types = new ArrayList<>();
        get("/api/v1/payments/" + orderId + "/events", token).json().forEach(e -> types.add(e.path("type").asText()));
        assertThat(types.stream().filter("PaymentDeposited"::equals)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM webhook_receipt WHERE order_id = ?", Long.class, orderId))
                .isEqualTo(1);
    }

    @Test
    void a_forged_done_for_an_unpaid_order_changes_nothing_because_toss_says_otherwise() {
        String token = token("member-va-lie");
        String orderId = openAccount(token, 9000).path("orderId").asText();

        assertThat(webhook(statusChanged(orderId, "DONE")).status()).isEqualTo(200);

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(status(orderId, token)).isEqualTo("WAITING_FOR_DEPOSIT"));
    }

    @Test
    void canceled_and_done_webhooks_out_of_order_end_canceled_as_toss_says() {
        String token = token("member-reordered");
        String[] payment = checkoutAndAuthorize(token, 7000, null);
        assertThat(confirm(token, payment[0], payment[1], 7000).status()).isEqualTo(200);
        // cancelled at Toss directly (its console), not through this service
        assertThat(callToss("/v1/payments/" + payment[1] + "/cancel", "{\"cancelReason\":\"console\"}").status())
                .isEqualTo(200);

        assertThat(webhook(statusChanged(payment[0], "CANCELED")).status()).isEqualTo(200);
        assertThat(webhook(statusChanged(payment[0], "DONE")).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode view = get("/api/v1/payments/" + payment[0], token).json();
            assertThat(view.path("status").asText()).isEqualTo("CANCELED");
            assertThat(view.path("balanceAmount").asLong()).isZero();
        });
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).untilAsserted(() ->
                assertThat(status(payment[0], token)).isEqualTo("CANCELED"));
    }

    @Test
    void a_deposit_error_puts_the_account_back_to_waiting() {
        String token = token("member-va-error");
        String orderId = openAccount(token, 12000).path("orderId").asText();
        String secret = atToss(orderId).path("secret").asText();
        sandbox().deposit(orderId);
        webhook(depositCallback(orderId, secret, "DONE"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(status(orderId, token)).isEqualTo("DONE"));

        sandbox().depositError(orderId);
        webhook(depositCallback(orderId, secret, "WAITING_FOR_DEPOSIT"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(status(orderId, token)).isEqualTo("WAITING_FOR_DEPOSIT"));
    }

    @Test
    void a_refund_of_a_paid_account_needs_a_refund_account_and_goes_through_with_one() {
        String token = token("member-va-refund");
        String orderId = openAccount(token, 18000).path("orderId").asText();
        String secret = atToss(orderId).path("secret").asText();
        sandbox().deposit(orderId);
        webhook(depositCallback(orderId, secret, "DONE"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(status(orderId, token)).isEqualTo("DONE"));

        Reply without = post("/api/v1/payments/" + orderId + "/cancel", token, "{\"cancelReason\":\"refund\"}");
        assertThat(without.status()).isEqualTo(400);
        assertThat(without.json().path("errors").findValuesAsText("field")).contains("refundReceiveAccount");
        Reply badAccount = post("/api/v1/payments/" + orderId + "/cancel", token, "{\"cancelReason\":\"refund\","
                + "\"refundReceiveAccount\":{\"bank\":\"20\",\"accountNumber\":\"12-34\",\"holderName\":\"김그로\"}}");
        assertThat(badAccount.status()).isEqualTo(400);

        Reply refunded = post("/api/v1/payments/" + orderId + "/cancel", token, "{\"cancelReason\":\"refund\","
                + "\"refundReceiveAccount\":{\"bank\":\"20\",\"accountNumber\":\"1234567890\",\"holderName\":\"김그로\"}}");
        assertThat(refunded.status()).as(refunded.body()).isEqualTo(200);
        assertThat(refunded.json().path("status").asText()).isEqualTo("CANCELED");
    }

    @Test
    void an_account_whose_due_date_passes_expires_without_any_webhook() {
        String token = token("member-va-expiry");
        String orderId = post("/api/v1/virtual-accounts", token, "{\"orderName\":\"x\",\"amount\":5000,\"bank\":\"20\","
                + "\"customerName\":\"김그로\",\"validHours\":1}").json().path("orderId").asText();
        ((com.grow.payments.sandbox.SandboxClock) sandbox().clock()).advance(Duration.ofHours(2));
        com.grow.payments.infra.TestClock.setNow(java.time.Instant.now().plus(Duration.ofHours(2)));
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(status(orderId, token)).isEqualTo("EXPIRED"));
        } finally {
            com.grow.payments.infra.TestClock.reset();
        }
    }

    @Test
    void webhooks_that_fail_verification_are_401_and_unknown_ones_are_acknowledged() {
        String stale = statusChanged("order-unknown-1", "DONE");
        assertThat(webhook(stale, "whtrans_x", OffsetDateTime.now(SEOUL).minusHours(1)).status()).isEqualTo(401);
        assertThat(send(request(baseUrl(), "/api/v1/webhooks/toss", null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(stale))).status()).isEqualTo(401);
        assertThat(webhook("{\"eventType\":\"payout.changed\",\"createdAt\":\"x\",\"entityBody\":{}}").status())
                .isEqualTo(401);
        assertThat(webhook("{\"eventType\":\"METHOD_UPDATED\",\"createdAt\":\"x\",\"data\":{}}").status()).isEqualTo(200);
        assertThat(webhook(statusChanged("order-nobody-knows", "DONE")).status()).isEqualTo(200);
        assertThat(webhook("{\"eventType\":\"PAYMENT_STATUS_CHANGED\",\"data\":\"" + "x".repeat(70 * 1024) + "\"}")
                .status()).isEqualTo(413);
    }

    @Test
    void tosss_own_deposit_webhook_is_accepted_and_its_retries_and_duplicates_change_nothing() {
        String token = token("member-va-sender");
        // the sandbox signs its transmission times with its own clock: bring it to now
        ((com.grow.payments.sandbox.SandboxClock) sandbox().clock()).set(java.time.Instant.now());
        sandbox().setWebhookUrl(baseUrl() + "/api/v1/webhooks/toss");
        try {
            String orderId = openAccount(token, 27000).path("orderId").asText();
            sandbox().webhooks().duplicateNext(2);
            sandbox().deposit(orderId);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(status(orderId, token)).isEqualTo("DONE"));
            assertThat(sandbox().webhookDeliveries()).filteredOn(d -> "DEPOSIT_CALLBACK".equals(d.eventType()))
                    .allSatisfy(delivery -> assertThat(delivery.httpStatus()).isEqualTo(200));
            List<String> types = new ArrayList<>();
            get("/api/v1/payments/" + orderId + "/events", token).json().forEach(e -> types.add(e.path("type").asText()));
            assertThat(types.stream().filter("PaymentDeposited"::equals)).hasSize(1);
        } finally {
            sandbox().setWebhookUrl(null);
        }
    }

    @Test
    void a_billing_key_deleted_at_toss_suspends_its_subscriptions_and_a_forged_one_does_nothing() {
        String token = token("member-billing-deleted");
        String customerKey = UUID.randomUUID().toString();
        String authKey = sandbox().authorizeBilling(customerKey, null);
        String billingKeyId = post("/api/v1/billing-keys", token, "{\"authKey\":\"" + authKey
                + "\",\"customerKey\":\"" + customerKey + "\"}").json().path("billingKeyId").asText();
        String subscriptionId = post("/api/v1/subscriptions", token, "{\"billingKeyId\":\"" + billingKeyId
                + "\",\"planId\":\"p\",\"orderName\":\"Club\",\"amount\":5000,\"cycle\":\"MONTHLY\","
                + "\"startDate\":\"2099-01-01\"}").json().path("subscriptionId").asText();

        String forged = "{\"eventType\":\"BILLING_DELETED\",\"createdAt\":\"x\",\"data\":{\"billingKey\":\"guess\",\"reason\":\"x\"}}";
        assertThat(webhook(forged).status()).isEqualTo(200);

        ((com.grow.payments.sandbox.SandboxClock) sandbox().clock()).set(java.time.Instant.now());
        sandbox().setWebhookUrl(baseUrl() + "/api/v1/webhooks/toss");
        try {
            sandbox().deleteBillingKeyAtToss(sandbox().billingKeyOf(customerKey).orElseThrow());
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(get("/api/v1/subscriptions/" + subscriptionId, token).json().path("status").asText())
                            .isEqualTo("SUSPENDED"));
        } finally {
            sandbox().setWebhookUrl(null);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM billing_key_secret WHERE billing_key_id = ?",
                Long.class, billingKeyId)).isZero();
        post("/api/v1/subscriptions/" + subscriptionId + "/cancel", token, "{}");
    }
}
