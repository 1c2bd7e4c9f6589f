package com.grow.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BillingIssueTest extends BillingTestSupport {

    @Test
    void a_fresh_auth_key_issues_a_billing_key_as_a_billing_object() {
        String customerKey = customerKey();
        String authKey = sandbox.authorizeBilling(customerKey, null);
        clock.advance(Duration.ofMinutes(2));

        Answer answer = issue(authKey, customerKey, "Idempotency-Key", newKey());

        assertThat(answer.status()).isEqualTo(200);
        JsonNode billing = answer.json();
        assertThat(billing.path("mId").asText()).isEqualTo("tgrowpay");
        assertThat(billing.path("customerKey").asText()).isEqualTo(customerKey);
        assertThat(billing.path("authenticatedAt").asText()).isEqualTo("2026-11-25T14:03:22+09:00");
        assertThat(billing.path("method").asText()).isEqualTo("카드");
        assertThat(billing.path("cardCompany").asText()).isEqualTo("신한");
        assertThat(billing.path("cardNumber").asText()).isEqualTo("43301234****123*");
        JsonNode card = billing.path("card");
        assertThat(card.path("issuerCode").asText()).isEqualTo("41");
        assertThat(card.path("acquirerCode").asText()).isEqualTo("41");
        assertThat(card.path("number").asText()).isEqualTo("43301234****123*");
        assertThat(card.path("cardType").asText()).isEqualTo("신용");
        assertThat(card.path("ownerType").asText()).isEqualTo("개인");
        assertThat(billing.path("billingKey").asText()).matches("[A-Za-z0-9_-]{43}=");
        assertThat(sandbox.stats().billingKeysIssued()).isEqualTo(1);
    }

    @Test
    void billing_keys_are_unguessable_and_differ_for_every_issue() {
        String customerKey = customerKey();

        String first = billingKey(customerKey, null);
        String second = billingKey(customerKey, null);

        assertThat(first).isNotEqualTo(second);
        assertThat(first).doesNotContain(customerKey);
    }

    @Test
    void an_auth_key_can_be_used_only_once() {
        String customerKey = customerKey();
        String authKey = sandbox.authorizeBilling(customerKey, null);

        Answer first = issue(authKey, customerKey, "Idempotency-Key", newKey());
        Answer second = issue(authKey, customerKey, "Idempotency-Key", newKey());

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.code()).isEqualTo("INVALID_REQUEST");
        assertThat(second.json().path("message").asText()).contains("authKey");
        assertThat(sandbox.stats().billingKeysIssued()).isEqualTo(1);
    }

    @Test
    void repeating_an_issue_with_the_same_idempotency_key_replays_the_same_billing_key() {
        String customerKey = customerKey();
        String authKey = sandbox.authorizeBilling(customerKey, null);
        String key = newKey();

        Answer first = issue(authKey, customerKey, "Idempotency-Key", key);
        Answer replay = issue(authKey, customerKey, "Idempotency-Key", key);

        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(sandbox.stats().billingKeysIssued()).isEqualTo(1);
    }

    @Test
    void an_unknown_auth_key_is_refused_with_invalid_request() {
        Answer answer = issue("bln_doesNotExist000000000000000", customerKey());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("INVALID_REQUEST");
        assertThat(answer.json().path("message").asText()).contains("authKey");
    }

    @Test
    void a_customer_key_other_than_the_authenticated_one_is_refused_and_leaves_the_auth_key_usable() {
        String customerKey = customerKey();
        String authKey = sandbox.authorizeBilling(customerKey, null);

        Answer mismatch = issue(authKey, customerKey(), "Idempotency-Key", newKey());
        Answer rightOne = issue(authKey, customerKey, "Idempotency-Key", newKey());

        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.code()).isEqualTo("INVALID_REQUEST");
        assertThat(mismatch.json().path("message").asText()).contains("customerKey");
        assertThat(rightOne.status()).isEqualTo(200);
    }

    @Test
    void a_malformed_customer_key_or_a_missing_field_is_refused_with_invalid_request() {
        String authKey = sandbox.authorizeBilling("valid-customer", null);

        assertThat(issue(authKey, "a").code()).isEqualTo("INVALID_REQUEST");
        assertThat(issue(authKey, "has space").code()).isEqualTo("INVALID_REQUEST");
        assertThat(issue(authKey, "k".repeat(301)).code()).isEqualTo("INVALID_REQUEST");
        assertThat(post("/v1/billing/authorizations/issue", java.util.Map.of("authKey", authKey)).code()).isEqualTo("INVALID_REQUEST");
        assertThat(issue(authKey, "valid-customer").status()).isEqualTo(200);
    }

    @Test
    void issuing_needs_the_secret_key_and_honours_a_forced_test_code() {
        String customerKey = customerKey();
        String authKey = sandbox.authorizeBilling(customerKey, null);

        Answer noAuth = send(tossRequest("/v1/billing/authorizations/issue").setHeader("Authorization", basic("test_sk_" + "notThisMerchant"))
                .POST(jsonBody(java.util.Map.of("authKey", authKey, "customerKey", customerKey))).build());
        Answer forced = issue(authKey, customerKey, "TossPayments-Test-Code", "PROVIDER_ERROR");

        assertThat(noAuth.status()).isEqualTo(401);
        assertThat(noAuth.code()).isEqualTo("UNAUTHORIZED_KEY");
        assertThat(forced.code()).isEqualTo("PROVIDER_ERROR");
        assertThat(issue(authKey, customerKey).status()).isEqualTo(200);
    }
}
