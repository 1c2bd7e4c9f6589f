package com.grow.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LookupTest extends SandboxTestSupport {

    @Test
    void lookups_by_payment_key_and_by_order_id_return_the_same_payment() {
        String orderId = orderId();
        String paymentKey = sandbox.authorize(orderId, "item", 3_300, null);
        Answer confirmed = confirm(paymentKey, orderId, 3_300, newKey());

        Answer byKey = get("/v1/payments/" + paymentKey);
        Answer byOrder = get("/v1/payments/orders/" + orderId);

        assertThat(byKey.status()).isEqualTo(200);
        assertThat(byOrder.status()).isEqualTo(200);
        assertThat(byKey.json()).isEqualTo(confirmed.json());
        assertThat(byOrder.json()).isEqualTo(confirmed.json());
        assertThat(sandbox.stats().requests(FaultPlan.LOOKUP)).isEqualTo(2);
    }

    @Test
    void unknown_payments_answer_not_found_payment() {
        Answer byKey = get("/v1/payments/tgen_unknown");
        Answer byOrder = get("/v1/payments/orders/no-such-order");

        assertThat(byKey.status()).isEqualTo(404);
        assertThat(byKey.code()).isEqualTo("NOT_FOUND_PAYMENT");
        assertThat(byOrder.status()).isEqualTo(404);
        assertThat(byOrder.code()).isEqualTo("NOT_FOUND_PAYMENT");
    }

    @Test
    void an_authorized_but_unconfirmed_payment_shows_in_progress_then_expired_after_ten_minutes() {
        String orderId = orderId();
        String paymentKey = sandbox.authorize(orderId, "item", 3_300, null);

        JsonNode before = get("/v1/payments/" + paymentKey).json();
        clock.advance(Duration.ofMinutes(11));
        JsonNode after = get("/v1/payments/" + paymentKey).json();

        assertThat(before.path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(before.path("approvedAt").isNull()).isTrue();
        assertThat(before.path("failure").isNull()).isTrue();
        assertThat(after.path("status").asText()).isEqualTo("EXPIRED");
        assertThat(sandbox.payment(orderId)).get().extracting(SandboxPayment::status).isEqualTo(PaymentStatus.EXPIRED);
    }

    @Test
    void the_java_snapshot_matches_what_the_api_reports() {
        String orderId = orderId();
        String paymentKey = sandbox.authorize(orderId, "item", 3_300, null);
        confirm(paymentKey, orderId, 3_300, newKey());

        SandboxPayment payment = sandbox.payment(orderId).orElseThrow();

        assertThat(payment.paymentKey()).isEqualTo(paymentKey);
        assertThat(payment.status()).isEqualTo(PaymentStatus.DONE);
        assertThat(payment.totalAmount()).isEqualTo(3_300);
        assertThat(payment.balanceAmount()).isEqualTo(3_300);
        assertThat(payment.cancels()).isEmpty();
        assertThat(sandbox.paymentByKey(paymentKey)).contains(payment);
        assertThat(sandbox.payment("unknown-order")).isEmpty();
    }

    @Test
    void a_client_with_default_settings_that_offers_http2_is_answered_over_http1() throws Exception {
        String orderId = orderId();
        sandbox.authorize(orderId, "item", 3_300, null);
        java.net.http.HttpClient defaults = java.net.http.HttpClient.newHttpClient();

        java.net.http.HttpResponse<String> answer = defaults.send(tossRequest("/v1/payments/orders/" + orderId).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_1_1);
    }

    @Test
    void unknown_paths_and_methods_answer_in_tosss_error_shape() {
        Answer unknownPath = get("/v1/nothing-here");
        Answer wrongMethod = send(tossRequest("/v1/payments/confirm").PUT(jsonBody("{}")).build());

        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.code()).isEqualTo("NOT_FOUND");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.code()).isEqualTo("METHOD_NOT_ALLOWED");
    }
}
