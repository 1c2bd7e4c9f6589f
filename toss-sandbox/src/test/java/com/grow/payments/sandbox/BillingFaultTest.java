package com.grow.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BillingFaultTest extends BillingTestSupport {

    private HttpRequest chargeRequest(String billingKey, String customerKey, String orderId, String key, Duration timeout) {
        return tossRequest("/v1/billing/" + billingKey, "Idempotency-Key", key)
                .timeout(timeout)
                .POST(jsonBody(chargeBody(customerKey, orderId, 9_900)))
                .build();
    }

    @Test
    void a_timeout_on_billing_charges_nothing_and_the_retry_with_the_same_key_approves_once() {
        String customerKey = customerKey();
        String billingKey = billingKey(customerKey, null);
        String orderId = orderId();
        sandbox.faults().inject(FaultPlan.BILLING, FaultKind.TIMEOUT, 1, Duration.ofSeconds(20));
        String key = newKey();

        assertThatThrownBy(() -> http.send(chargeRequest(billingKey, customerKey, orderId, key, Duration.ofMillis(400)),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);

        assertThat(get("/v1/payments/orders/" + orderId).code()).isEqualTo("NOT_FOUND_PAYMENT");
        Answer retry = charge(billingKey, customerKey, orderId, 9_900, key);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(sandbox.stats().approvals(orderId)).isEqualTo(1);
        assertThat(sandbox.stats().billingCharges(orderId)).isEqualTo(2);
    }

    @Test
    void a_lost_answer_on_billing_charges_the_card_the_lookup_shows_done_and_the_retry_replays() {
        String customerKey = customerKey();
        String billingKey = billingKey(customerKey, null);
        String orderId = orderId();
        sandbox.faults().inject(FaultPlan.BILLING, FaultKind.LOST_ANSWER, 1, Duration.ofMillis(200));
        String key = newKey();

        assertThatThrownBy(() -> http.send(chargeRequest(billingKey, customerKey, orderId, key, Duration.ofSeconds(10)),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);

        Answer lookup = get("/v1/payments/orders/" + orderId);
        assertThat(lookup.json().path("status").asText()).isEqualTo("DONE");
        assertThat(lookup.json().path("type").asText()).isEqualTo("BILLING");
        Answer retry = charge(billingKey, customerKey, orderId, 9_900, key);
        assertThat(retry.json()).isEqualTo(lookup.json());
        assertThat(charge(billingKey, customerKey, orderId, 9_900, newKey()).code()).isEqualTo("ALREADY_PROCESSED_PAYMENT");
        assertThat(sandbox.stats().approvals(orderId)).isEqualTo(1);
    }

    @Test
    void a_server_error_on_billing_processes_nothing_and_leaves_confirm_alone() {
        String customerKey = customerKey();
        String billingKey = billingKey(customerKey, null);
        String billingOrder = orderId();
        String cardOrder = orderId();
        String paymentKey = sandbox.authorize(cardOrder, "item", 1_000, null);
        sandbox.faults().inject(FaultPlan.BILLING, FaultKind.SERVER_ERROR, 1);

        assertThat(confirm(paymentKey, cardOrder, 1_000, newKey()).status()).isEqualTo(200);
        Answer failed = charge(billingKey, customerKey, billingOrder, 9_900, newKey());

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.code()).isEqualTo("FAILED_INTERNAL_SYSTEM_PROCESSING");
        assertThat(sandbox.payment(billingOrder)).isEmpty();
        assertThat(charge(billingKey, customerKey, billingOrder, 9_900, newKey()).status()).isEqualTo(200);
    }

    @Test
    void issue_and_delete_have_their_own_fault_targets() {
        String customerKey = customerKey();
        String authKey = sandbox.authorizeBilling(customerKey, null);
        sandbox.faults().inject(FaultPlan.BILLING_ISSUE, FaultKind.PROVIDER_ERROR, 1)
                .inject(FaultPlan.BILLING_DELETE, FaultKind.SERVER_ERROR, 1);

        assertThat(issue(authKey, customerKey).code()).isEqualTo("PROVIDER_ERROR");
        String billingKey = issue(authKey, customerKey).json().path("billingKey").asText();
        assertThat(deleteBillingKey(billingKey).status()).isEqualTo(500);
        assertThat(charge(billingKey, customerKey, orderId(), 9_900, newKey()).status()).isEqualTo(200);
        assertThat(deleteBillingKey(billingKey).status()).isEqualTo(200);
        assertThat(sandbox.stats().requests(FaultPlan.BILLING_DELETE)).isEqualTo(2);
    }
}
