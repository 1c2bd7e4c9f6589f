package com.grow.payments.infra.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.grow.payments.infra.IntegrationTest;
import com.grow.payments.sandbox.FaultKind;
import com.grow.payments.sandbox.FaultPlan;
import com.grow.payments.sandbox.SandboxClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A card payment from checkout to its outcome, over HTTP, against the sandbox. */
class CardPaymentFlowIT extends IntegrationTest {

    @AfterEach
    void clearFaults() {
        sandbox().faults().clear();
    }

    @Test
    void checkout_then_confirm_ends_done_and_shows_in_history_and_event_stream() {
        String token = token("member-flow");
        Reply checkout = post("/api/v1/payments", token, "{\"orderName\":\"Pottery class\",\"amount\":15000}");
        assertThat(checkout.status()).isEqualTo(201);
        JsonNode ready = checkout.json();
        String orderId = ready.path("orderId").asText();
        assertThat(orderId).matches("ord_[0-9a-z]{26}");
        assertThat(ready.path("status").asText()).isEqualTo("READY");
        assertThat(ready.path("totalAmount").asLong()).isEqualTo(15000);
        assertThat(ready.path("requestedAt").asText()).endsWith("+09:00");

        String paymentKey = sandbox().authorize(orderId, "Pottery class", 15000, null);
        Reply confirmed = confirm(token, orderId, paymentKey, 15000);

        assertThat(confirmed.status()).isEqualTo(200);
        JsonNode done = confirmed.json();
        assertThat(done.path("status").asText()).isEqualTo("DONE");
        assertThat(done.path("paymentKey").asText()).isEqualTo(paymentKey);
        assertThat(done.path("method").asText()).isEqualTo("카드");
        assertThat(done.path("approvedAt").asText()).isNotBlank();
        assertThat(done.path("card").path("maskedNumber").asText()).contains("*");
        assertThat(done.path("receiptUrl").asText()).contains(paymentKey);
        assertThat(sandbox().stats().approvals(orderId)).isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(get("/api/v1/payments/" + orderId, token).json().path("status").asText()).isEqualTo("DONE"));
        JsonNode history = get("/api/v1/payments?status=DONE&size=100", token).json();
        assertThat(history.path("content").findValuesAsText("orderId")).contains(orderId);
        assertThat(history.path("totalElements").asLong()).isGreaterThanOrEqualTo(1);
        // a page shows each payment as its own answer does, field for field
        JsonNode listed = null;
        for (JsonNode item : history.path("content")) {
            if (item.path("orderId").asText().equals(orderId)) {
                listed = item;
            }
        }
        assertThat(listed).isEqualTo(get("/api/v1/payments/" + orderId, token).json());

        JsonNode events = get("/api/v1/payments/" + orderId + "/events", token).json();
        List<String> types = new ArrayList<>();
        events.forEach(event -> types.add(event.path("type").asText()));
        assertThat(types).containsExactly("PaymentCheckedOut", "PaymentConfirmationRequested", "PaymentApproved");
        assertThat(events.get(0).path("sequence").asLong()).isZero();
        assertThat(events.get(2).path("payload").path("approvedAmount").path("amount").asLong()).isEqualTo(15000);
    }

    @Test
    void a_second_confirm_of_a_done_order_answers_the_same_without_calling_toss_again() {
        String token = token("member-repeat");
        String[] payment = checkoutAndAuthorize(token, 9900, null);
        Reply first = confirm(token, payment[0], payment[1], 9900);
        Reply second = confirm(token, payment[0], payment[1], 9900);

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(sandbox().stats().confirmRequests(payment[0])).isEqualTo(1);
        assertThat(eventCount(payment[0])).isEqualTo(3);
    }

    @Test
    void a_declined_card_answers_402_with_tosss_code_and_the_payment_is_aborted() {
        String token = token("member-decline");
        String[] payment = checkoutAndAuthorize(token, 5000, "REJECT_CARD_PAYMENT");
        Reply declined = confirm(token, payment[0], payment[1], 5000);

        assertThat(declined.status()).isEqualTo(402);
        assertThat(declined.isProblem()).isTrue();
        assertThat(declined.json().path("code").asText()).isEqualTo("REJECT_CARD_PAYMENT");
        assertThat(declined.json().path("payment").path("status").asText()).isEqualTo("ABORTED");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode view = get("/api/v1/payments/" + payment[0], token).json();
            assertThat(view.path("status").asText()).isEqualTo("ABORTED");
            assertThat(view.path("failure").path("code").asText()).isEqualTo("REJECT_CARD_PAYMENT");
        });
    }

    @Test
    void a_tampered_amount_is_refused_and_toss_is_never_called() {
        String token = token("member-tamper");
        String[] payment = checkoutAndAuthorize(token, 30000, null);
        Reply tampered = confirm(token, payment[0], payment[1], 300);

        assertThat(tampered.status()).isEqualTo(400);
        assertThat(tampered.json().path("code").asText()).isEqualTo("AMOUNT_MISMATCH");
        assertThat(sandbox().stats().confirmRequests(payment[0])).isZero();
        assertThat(eventCount(payment[0])).isEqualTo(1);
    }

    @Test
    void a_toss_timeout_answers_202_and_leaves_the_payment_unknown_not_failed() {
        String token = token("member-timeout");
        String[] payment = checkoutAndAuthorize(token, 12000, null);
        sandbox().faults().inject(FaultPlan.CONFIRM, FaultKind.TIMEOUT, 1, Duration.ofSeconds(5));

        Reply pending = confirm(token, payment[0], payment[1], 12000);

        assertThat(pending.status()).isEqualTo(202);
        assertThat(pending.json().path("status").asText()).isEqualTo("UNKNOWN");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(get("/api/v1/payments/" + payment[0], token).json().path("status").asText())
                        .isEqualTo("UNKNOWN"));
    }

    @Test
    void an_answer_lost_after_approval_is_unknown_never_declined() {
        String token = token("member-lost");
        String[] payment = checkoutAndAuthorize(token, 8000, null);
        sandbox().faults().inject(FaultPlan.CONFIRM, FaultKind.LOST_ANSWER, 1, Duration.ofSeconds(5));

        Reply pending = confirm(token, payment[0], payment[1], 8000);

        assertThat(pending.status()).isEqualTo(202);
        assertThat(pending.json().path("status").asText()).isEqualTo("UNKNOWN");
        assertThat(sandbox().payment(payment[0]).orElseThrow().status().name()).isEqualTo("DONE");
    }

    @Test
    void a_toss_server_error_is_unknown_and_a_provider_error_too() {
        String token = token("member-5xx");
        String[] first = checkoutAndAuthorize(token, 7000, null);
        sandbox().faults().inject(FaultPlan.CONFIRM, FaultKind.SERVER_ERROR, 1);
        assertThat(confirm(token, first[0], first[1], 7000).json().path("status").asText()).isEqualTo("UNKNOWN");

        String[] second = checkoutAndAuthorize(token, 7000, null);
        sandbox().faults().inject(FaultPlan.CONFIRM, FaultKind.PROVIDER_ERROR, 1);
        assertThat(confirm(token, second[0], second[1], 7000).json().path("status").asText()).isEqualTo("UNKNOWN");
    }

    @Test
    void a_confirm_after_tosss_ten_minute_window_expires_the_payment() {
        String token = token("member-late");
        String[] payment = checkoutAndAuthorize(token, 4000, null);
        ((SandboxClock) sandbox().clock()).advance(Duration.ofMinutes(11));

        Reply late = confirm(token, payment[0], payment[1], 4000);

        assertThat(late.status()).isEqualTo(402);
        assertThat(late.json().path("code").asText()).isEqualTo("NOT_FOUND_PAYMENT_SESSION");
        assertThat(late.json().path("payment").path("status").asText()).isEqualTo("EXPIRED");
    }

    @Test
    void another_members_order_answers_404_and_cannot_be_confirmed() {
        String owner = token("member-owner");
        String stranger = token("member-stranger");
        String[] payment = checkoutAndAuthorize(owner, 6000, null);

        assertThat(get("/api/v1/payments/" + payment[0], stranger).status()).isEqualTo(404);
        assertThat(get("/api/v1/payments/" + payment[0] + "/events", stranger).status()).isEqualTo(404);
        Reply confirm = confirm(stranger, payment[0], payment[1], 6000);
        assertThat(confirm.status()).isEqualTo(404);
        assertThat(confirm.json().path("code").asText()).isEqualTo("PAYMENT_NOT_FOUND");
        assertThat(sandbox().stats().confirmRequests(payment[0])).isZero();
        assertThat(get("/api/v1/payments?size=100", stranger).json().path("content").findValuesAsText("orderId"))
                .doesNotContain(payment[0]);

        String admin = token("ops", "ADMIN");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(get("/api/v1/payments/" + payment[0], admin).status()).isEqualTo(200));
        assertThat(get("/api/v1/payments?memberId=member-owner&size=100", admin).json().path("content")
                .findValuesAsText("orderId")).contains(payment[0]);
    }

    @Test
    void an_order_id_checked_out_twice_returns_the_first_checkout_or_conflicts() {
        String token = token("member-natural-key");
        String body = "{\"orderId\":\"order-natural-1\",\"orderName\":\"Yoga\",\"amount\":1000}";
        assertThat(post("/api/v1/payments", token, body).status()).isEqualTo(201);

        Reply same = post("/api/v1/payments", token, body);
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().path("orderId").asText()).isEqualTo("order-natural-1");

        Reply other = post("/api/v1/payments", token, body.replace("1000", "2000"));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().path("code").asText()).isEqualTo("ORDER_ID_ALREADY_USED");
        assertThat(eventCount("order-natural-1")).isEqualTo(1);
    }
}
