package com.grow.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookDeliveryTest extends WebhookTestSupport {

    @Test
    void a_failed_delivery_is_retried_under_the_same_transmission_id_at_growing_intervals_until_it_gets_200() {
        String orderId = orderId();
        issueVirtualAccount(orderId, 30_000);
        receiver.awaitReceived(1);
        receiver.answer(500, 500);

        sandbox.deposit(orderId);

        List<WebhookReceiver.Received> attempts = receiver.awaitReceived(4).subList(1, 4);
        assertThat(attempts).extracting(WebhookReceiver.Received::transmissionId).containsOnly(attempts.get(0).transmissionId());
        assertThat(attempts).extracting(WebhookReceiver.Received::retriedCount).containsExactly(0, 1, 2);
        assertThat(attempts).extracting(WebhookReceiver.Received::body).containsOnly(attempts.get(0).body());
        long firstGap = attempts.get(1).arrivedNanos() - attempts.get(0).arrivedNanos();
        long secondGap = attempts.get(2).arrivedNanos() - attempts.get(1).arrivedNanos();
        // Toss waits 1 then 4 minutes; here a minute is 50 ms.
        assertThat(Duration.ofNanos(firstGap)).isGreaterThanOrEqualTo(RETRY_UNIT);
        assertThat(Duration.ofNanos(secondGap)).isGreaterThanOrEqualTo(RETRY_UNIT.multipliedBy(4));
        assertThat(secondGap).isGreaterThan(firstGap);
        await().atMost(Duration.ofSeconds(5)).until(() -> sandbox.webhookDeliveries().size() == 4);
        assertThat(sandbox.webhookDeliveries().subList(1, 4))
                .extracting(WebhookDelivery::attempt, WebhookDelivery::httpStatus, WebhookDelivery::eventType)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, 500, "DEPOSIT_CALLBACK"),
                        org.assertj.core.groups.Tuple.tuple(1, 500, "DEPOSIT_CALLBACK"),
                        org.assertj.core.groups.Tuple.tuple(2, 200, "DEPOSIT_CALLBACK"));
        assertThat(sandbox.webhookDeliveries().get(3).delivered()).isTrue();
    }

    @Test
    void any_status_but_200_counts_as_a_failure() {
        String orderId = orderId();
        paidCardOrder(orderId, 1_000);
        receiver.answer(204, 302);

        sandbox.sendPaymentStatusChanged(orderId);

        assertThat(receiver.awaitReceived(3)).extracting(WebhookReceiver.Received::retriedCount).containsExactly(0, 1, 2);
    }

    @Test
    void an_unreachable_receiver_is_retried_and_gets_the_retry_once_it_is_up() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        sandbox.setWebhookUrl("http://127.0.0.1:" + closedPort + WebhookReceiver.PATH);
        String orderId = orderId();
        paidCardOrder(orderId, 1_000);

        sandbox.sendPaymentStatusChanged(orderId);
        await().atMost(Duration.ofSeconds(5)).until(() -> sandbox.webhookDeliveries().size() >= 2);
        sandbox.setWebhookUrl(receiver.url());

        WebhookReceiver.Received arrived = receiver.awaitReceived(1).get(0);
        List<WebhookDelivery> failed = sandbox.webhookDeliveries().subList(0, 2);
        assertThat(failed).allSatisfy(delivery -> {
            assertThat(delivery.httpStatus()).isNull();
            assertThat(delivery.error()).isNotBlank();
            assertThat(delivery.transmissionId()).isEqualTo(arrived.transmissionId());
        });
        assertThat(arrived.retriedCount()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_receiver_that_never_answers_200_gets_the_first_try_and_seven_retries() {
        try (TossSandbox fast = TossSandbox.start(SandboxConfig.builder().clock(clock)
                .webhookUrl(receiver.url()).webhookRetryUnit(Duration.ofNanos(100_000)).build())) {
            receiver.otherwise(503);
            String orderId = orderId();
            fast.authorize(orderId, "item", 1_000, null);

            fast.sendPaymentStatusChanged(orderId);

            await().atMost(Duration.ofSeconds(10)).until(() -> fast.webhookDeliveries().size() >= 8);
            assertThat(fast.webhookDeliveries()).extracting(WebhookDelivery::attempt).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
            assertThat(receiver.received()).extracting(WebhookReceiver.Received::transmissionId).containsOnly(
                    fast.webhookDeliveries().get(0).transmissionId());
        }
    }

    @Test
    void duplicate_next_sends_the_same_transmission_several_times() {
        String orderId = orderId();
        paidCardOrder(orderId, 1_000);

        sandbox.webhooks().duplicateNext(2);
        sandbox.sendPaymentStatusChanged(orderId);
        sandbox.sendPaymentStatusChanged(orderId);

        List<WebhookReceiver.Received> received = receiver.awaitReceived(4);
        List<WebhookReceiver.Received> copies = received.subList(0, 3);
        assertThat(copies).extracting(WebhookReceiver.Received::transmissionId).containsOnly(copies.get(0).transmissionId());
        assertThat(copies).extracting(WebhookReceiver.Received::retriedCount).containsOnly(0);
        assertThat(copies).extracting(WebhookReceiver.Received::body).containsOnly(copies.get(0).body());
        assertThat(received.get(3).transmissionId()).as("only the next webhook is duplicated")
                .isNotEqualTo(copies.get(0).transmissionId());
        assertThat(sandbox.outgoingWebhooks()).hasSize(2);
    }

    @Test
    void held_webhooks_are_delivered_newest_first_on_release() {
        String first = orderId();
        String second = orderId();
        String third = orderId();
        for (String orderId : List.of(first, second, third)) {
            paidCardOrder(orderId, 1_000);
        }

        sandbox.webhooks().holdAndReorder();
        for (String orderId : List.of(first, second, third)) {
            sandbox.sendPaymentStatusChanged(orderId);
        }
        assertThat(receiver.received()).isEmpty();
        sandbox.webhooks().release();
        String afterRelease = orderId();
        paidCardOrder(afterRelease, 1_000);
        sandbox.sendPaymentStatusChanged(afterRelease);

        assertThat(receiver.awaitReceived(4)).extracting(r -> r.json().path("data").path("orderId").asText())
                .containsExactly(third, second, first, afterRelease);
    }

    @Test
    void a_cancel_sends_payment_status_changed_with_the_canceled_payment() {
        String orderId = orderId();
        String paymentKey = paidCardOrder(orderId, 10_000);
        clock.advance(Duration.ofMinutes(30));

        cancel(paymentKey, Map.of("cancelReason", "일부 환불", "cancelAmount", 4_000));
        cancel(paymentKey, Map.of("cancelReason", "나머지 환불"));

        List<WebhookReceiver.Received> received = receiver.awaitReceived(2);
        JsonNode partial = received.get(0).json();
        assertThat(partial.properties()).extracting(Map.Entry::getKey).containsExactly("eventType", "createdAt", "data");
        assertThat(partial.path("eventType").asText()).isEqualTo("PAYMENT_STATUS_CHANGED");
        assertThat(partial.path("createdAt").asText()).isEqualTo("2026-11-25T14:33:22.000000");
        assertThat(partial.path("data").path("paymentKey").asText()).isEqualTo(paymentKey);
        assertThat(partial.path("data").path("status").asText()).isEqualTo("PARTIAL_CANCELED");
        assertThat(partial.path("data").path("balanceAmount").asLong()).isEqualTo(6_000);
        assertThat(received.get(1).json().path("data").path("status").asText()).isEqualTo("CANCELED");
        assertThat(received.get(1).json().path("data").path("cancels")).hasSize(2);
        assertThat(received.get(0).transmissionId()).isNotEqualTo(received.get(1).transmissionId());
    }

    @Test
    void payment_status_changed_carries_the_payment_as_the_lookup_shows_it() {
        String orderId = orderId();
        paidCardOrder(orderId, 1_000);

        OutgoingWebhook sent = sandbox.sendPaymentStatusChanged(orderId);

        JsonNode data = receiver.awaitReceived(1).get(0).json().path("data");
        assertThat(data).isEqualTo(get("/v1/payments/orders/" + orderId).json());
        assertThat(sent.eventType()).isEqualTo(OutgoingWebhook.PAYMENT_STATUS_CHANGED);
        assertThatThrownBy(() -> sandbox.sendPaymentStatusChanged("no-such-order"))
                .isInstanceOfSatisfying(TossApiException.class, e -> assertThat(e.code()).isEqualTo("NOT_FOUND_PAYMENT"));
    }

    @Test
    void billing_deleted_is_delivered_over_http() {
        String customerKey = "cust-" + newKey();
        Answer issued = post("/v1/billing/authorizations/issue",
                Map.of("authKey", sandbox.authorizeBilling(customerKey, null), "customerKey", customerKey));
        String billingKey = issued.json().path("billingKey").asText();

        assertThat(send(tossRequest("/v1/billing/" + billingKey).DELETE().build()).status()).isEqualTo(200);

        WebhookReceiver.Received received = receiver.awaitReceived(1).get(0);
        JsonNode body = received.json();
        assertThat(body.path("eventType").asText()).isEqualTo("BILLING_DELETED");
        assertThat(body.path("createdAt").asText()).isEqualTo("2026-11-25T14:03:22.000000");
        assertThat(body.path("data").path("billingKey").asText()).isEqualTo(billingKey);
        assertThat(body.path("data").path("reason").asText()).isEqualTo("삭제 API 요청");
        assertThat(received.transmissionId()).matches("whtrans_[A-Za-z0-9]+");
        assertThat(received.header(WebhookSender.TRANSMISSION_TIME)).isEqualTo("2026-11-25T14:03:22+09:00");
        assertThat(received.retriedCount()).isZero();
    }

    @Test
    void without_a_webhook_url_webhooks_are_only_recorded() {
        sandbox.setWebhookUrl(null);
        String orderId = orderId();
        issueVirtualAccount(orderId, 30_000);
        sandbox.deposit(orderId);

        sandbox.setWebhookUrl(receiver.url());
        sandbox.sendPaymentStatusChanged(orderId);

        assertThat(receiver.awaitReceived(1)).extracting(WebhookReceiver.Received::eventType)
                .containsExactly("PAYMENT_STATUS_CHANGED");
        assertThat(sandbox.outgoingWebhooks()).extracting(OutgoingWebhook::eventType)
                .containsExactly("DEPOSIT_CALLBACK", "DEPOSIT_CALLBACK", "PAYMENT_STATUS_CHANGED");
    }

    @Test
    void a_webhook_url_must_be_an_absolute_http_url() {
        assertThatThrownBy(() -> sandbox.setWebhookUrl("ftp://example.com/hook")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sandbox.setWebhookUrl("/relative")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxConfig.builder().webhookUrl("not a url")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SandboxConfig.builder().webhookRetryUnit(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThat(sandbox.webhooks().url()).isEqualTo(receiver.url());
    }

    @Test
    void reset_forgets_deliveries_and_drops_pending_retries() {
        String orderId = orderId();
        paidCardOrder(orderId, 1_000);
        receiver.otherwise(500);
        sandbox.sendPaymentStatusChanged(orderId);
        await().atMost(Duration.ofSeconds(5)).until(() -> !sandbox.webhookDeliveries().isEmpty());

        sandbox.reset();
        receiver.otherwise(200);
        String after = orderId();
        paidCardOrder(after, 1_000);
        sandbox.sendPaymentStatusChanged(after);

        await().atMost(Duration.ofSeconds(5)).until(() -> !sandbox.webhookDeliveries().isEmpty());
        assertThat(sandbox.webhookDeliveries()).singleElement().satisfies(delivery -> {
            assertThat(delivery.webhook().data()).containsEntry("orderId", after);
            assertThat(delivery.delivered()).isTrue();
        });
        assertThat(sandbox.webhooks().url()).isEqualTo(receiver.url());
    }

    @Test
    void webhooks_are_steered_over_the_admin_api() {
        String orderId = orderId();
        paidCardOrder(orderId, 1_000);
        sandboxPost("/sandbox/admin/webhook-url", Map.of("url", receiver.url()));

        sandboxPost("/sandbox/admin/webhooks/duplicate-next", Map.of("times", 1));
        Answer sent = sandboxPost("/sandbox/admin/payment-status-changed", Map.of("orderId", orderId));
        receiver.awaitReceived(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> sandbox.webhookDeliveries().size() == 2);
        Answer listed = sandboxGet("/sandbox/admin/webhooks");

        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.json().path("eventType").asText()).isEqualTo("PAYMENT_STATUS_CHANGED");
        assertThat(listed.json().path("url").asText()).isEqualTo(receiver.url());
        JsonNode deliveries = listed.json().path("deliveries");
        assertThat(deliveries).hasSize(2);
        assertThat(deliveries.get(0).path("transmissionId").asText()).isEqualTo(deliveries.get(1).path("transmissionId").asText());
        assertThat(deliveries.get(0).path("httpStatus").asInt()).isEqualTo(200);
        assertThat(deliveries.get(0).path("body").path("data").path("orderId").asText()).isEqualTo(orderId);
        assertThat(sandboxPost("/sandbox/admin/webhook-url", Map.of("url", "nope")).code()).isEqualTo("INVALID_REQUEST");
        assertThat(Set.of(sandbox.webhooks().url())).containsOnly(receiver.url());
    }
}
