package com.grow.payments.infra.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.grow.payments.infra.IntegrationTest;
import com.grow.payments.sandbox.FaultKind;
import com.grow.payments.sandbox.FaultPlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Cancels and refunds, the janitor's look-ups, and the compensating refund, against the sandbox. */
class CancelAndJanitorIT extends IntegrationTest {

    @AfterEach
    void clearFaults() {
        sandbox().faults().clear();
    }

    private String[] paid(String token, long amount) {
        String[] payment = checkoutAndAuthorize(token, amount, null);
        assertThat(confirm(token, payment[0], payment[1], amount).status()).isEqualTo(200);
        return payment;
    }

    private Reply cancel(String token, String orderId, String body) {
        return post("/api/v1/payments/" + orderId + "/cancel", token, body);
    }

    @Test
    void partial_cancels_summing_to_the_total_end_canceled_with_nothing_left() {
        String token = token("member-partial");
        String[] payment = paid(token, 10000);

        Reply first = cancel(token, payment[0], "{\"cancelReason\":\"one lesson missed\",\"cancelAmount\":3000}");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("status").asText()).isEqualTo("PARTIAL_CANCELED");
        assertThat(first.json().path("balanceAmount").asLong()).isEqualTo(7000);

        Reply rest = cancel(token, payment[0], "{\"cancelReason\":\"course dropped\"}");
        assertThat(rest.status()).isEqualTo(200);
        JsonNode canceled = rest.json();
        assertThat(canceled.path("status").asText()).isEqualTo("CANCELED");
        assertThat(canceled.path("balanceAmount").asLong()).isZero();
        assertThat(canceled.path("cancels").findValuesAsText("cancelReason"))
                .containsExactly("one lesson missed", "course dropped");
        assertThat(canceled.path("cancels").findValues("cancelAmount").stream().mapToLong(JsonNode::asLong).sum())
                .isEqualTo(10000);
        assertThat(sandbox().payment(payment[0]).orElseThrow().balanceAmount()).isZero();
        assertThat(sandbox().stats().cancelExecutions(payment[0])).isEqualTo(2);

        Reply more = cancel(token, payment[0], "{\"cancelReason\":\"again\"}");
        assertThat(more.status()).isEqualTo(409);
        assertThat(more.code()).isEqualTo("PAYMENT_NOT_CANCELABLE");
    }

    @Test
    void a_cancel_above_the_balance_is_422_and_toss_is_not_called() {
        String token = token("member-over-cancel");
        String[] payment = paid(token, 5000);
        long events = eventCount(payment[0]);

        Reply over = cancel(token, payment[0], "{\"cancelReason\":\"too much\",\"cancelAmount\":5001}");

        assertThat(over.status()).isEqualTo(422);
        assertThat(over.code()).isEqualTo("CANCEL_AMOUNT_EXCEEDS_BALANCE");
        assertThat(sandbox().stats().cancelExecutions(payment[0])).isZero();
        assertThat(eventCount(payment[0])).isEqualTo(events);
    }

    @Test
    void a_retried_cancel_with_its_idempotency_key_refunds_once() {
        String token = token("member-cancel-retry");
        String[] payment = paid(token, 8000);
        String key = UUID.randomUUID().toString();
        String body = "{\"cancelReason\":\"duplicate order\",\"cancelAmount\":2000}";

        Reply first = postWithKey("/api/v1/payments/" + payment[0] + "/cancel", token, key, body);
        Reply again = postWithKey("/api/v1/payments/" + payment[0] + "/cancel", token, key, body);

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(sandbox().stats().cancelExecutions(payment[0])).isEqualTo(1);
        assertThat(sandbox().payment(payment[0]).orElseThrow().balanceAmount()).isEqualTo(6000);
    }

    @Test
    void an_admin_may_cancel_any_payment_and_another_member_sees_404() {
        String owner = token("member-admin-cancel");
        String[] payment = paid(owner, 4000);

        assertThat(cancel(token("member-nosy"), payment[0], "{\"cancelReason\":\"x\"}").status()).isEqualTo(404);
        Reply byAdmin = cancel(token("ops", "ADMIN"), payment[0], "{\"cancelReason\":\"fraud review\"}");

        assertThat(byAdmin.status()).isEqualTo(200);
        assertThat(byAdmin.json().path("status").asText()).isEqualTo("CANCELED");
    }

    @Test
    void a_confirm_that_timed_out_is_settled_done_by_the_janitor() {
        String token = token("member-janitor-timeout");
        String[] payment = checkoutAndAuthorize(token, 12000, null);
        // Toss answers after our read timeout: our side cannot know, Toss approves anyway
        sandbox().faults().latency(Duration.ofMillis(1600));

        Reply pending = confirm(token, payment[0], payment[1], 12000);
        sandbox().faults().latency(Duration.ZERO);

        assertThat(pending.status()).isEqualTo(202);
        assertThat(pending.json().path("status").asText()).isEqualTo("UNKNOWN");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(status(payment[0], token)).isEqualTo("DONE"));
        assertThat(sandbox().stats().approvals(payment[0])).isEqualTo(1);
    }

    @Test
    void an_approval_whose_answer_was_lost_is_settled_done_by_the_janitor() {
        String token = token("member-janitor-lost");
        String[] payment = checkoutAndAuthorize(token, 13000, null);
        sandbox().faults().inject(FaultPlan.CONFIRM, FaultKind.LOST_ANSWER, 1, Duration.ofSeconds(3));

        assertThat(confirm(token, payment[0], payment[1], 13000).status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(status(payment[0], token)).isEqualTo("DONE"));
        assertThat(sandbox().stats().approvals(payment[0])).isEqualTo(1);
    }

    @Test
    void a_cancel_whose_answer_was_lost_is_recorded_by_the_janitor() {
        String token = token("member-cancel-lost");
        String[] payment = paid(token, 9000);
        sandbox().faults().inject(FaultPlan.CANCEL, FaultKind.LOST_ANSWER, 1, Duration.ofSeconds(3));

        Reply pending = cancel(token, payment[0], "{\"cancelReason\":\"refund\",\"cancelAmount\":4000}");
        assertThat(pending.status()).isEqualTo(202);
        assertThat(pending.json().path("cancelInProgress").asBoolean()).isTrue();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode view = get("/api/v1/payments/" + payment[0], token).json();
            assertThat(view.path("status").asText()).isEqualTo("PARTIAL_CANCELED");
            assertThat(view.path("balanceAmount").asLong()).isEqualTo(5000);
            assertThat(view.path("cancelInProgress").asBoolean()).isFalse();
        });
        assertThat(sandbox().stats().cancelExecutions(payment[0])).isEqualTo(1);
    }

    @Test
    void an_approval_of_another_amount_is_refunded_in_full_and_recorded_as_compensated() {
        String token = token("member-compensation");
        Reply checkout = post("/api/v1/payments", token, "{\"orderName\":\"Drawing class\",\"amount\":10000}");
        String orderId = checkout.json().path("orderId").asText();
        // the merchant's page opened Toss's window with another amount than the checkout
        String paymentKey = sandbox().authorize(orderId, "Drawing class", 9000, null);
        sandbox().faults().inject(FaultPlan.CONFIRM, FaultKind.TIMEOUT, 1, Duration.ofSeconds(2));
        assertThat(confirm(token, orderId, paymentKey, 10000).json().path("status").asText()).isEqualTo("UNKNOWN");
        // meanwhile the 9,000 was approved at Toss by another path
        assertThat(callToss("/v1/payments/confirm", confirmBody(orderId, paymentKey, 9000)).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(status(orderId, token)).isEqualTo("CANCELED"));
        assertThat(sandbox().payment(orderId).orElseThrow().status().name()).isEqualTo("CANCELED");
        assertThat(sandbox().payment(orderId).orElseThrow().balanceAmount()).isZero();
        List<String> types = new ArrayList<>();
        get("/api/v1/payments/" + orderId + "/events", token).json().forEach(e -> types.add(e.path("type").asText()));
        assertThat(types).contains("PaymentCompensationStarted", "PaymentCompensated").doesNotContain("PaymentApproved");
        assertThat(get("/actuator/prometheus", null).body()).contains("compensation_total{reason=\"AMOUNT_MISMATCH\"");
    }

    @org.springframework.beans.factory.annotation.Autowired
    private org.axonframework.commandhandling.gateway.CommandGateway commands;

    @Test
    void a_payment_the_janitor_gave_up_on_is_listed_for_operators_and_counted() {
        String token = token("member-flagged");
        String[] payment = checkoutAndAuthorize(token, 6600, null);
        sandbox().faults().inject(FaultPlan.CONFIRM, FaultKind.TIMEOUT, 1, Duration.ofSeconds(2));
        assertThat(confirm(token, payment[0], payment[1], 6600).status()).isEqualTo(202);
        // what the janitor sends after its last look-up
        commands.sendAndWait(new com.grow.payments.shared.payment.PaymentCommands.FlagPaymentForOperator(
                new com.grow.payments.shared.OrderId(payment[0]), "unresolved after 27 look-ups"));

        String admin = token("ops", "ADMIN");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(get("/api/v1/payments?needsAttention=true&size=100", admin).json().path("content")
                    .findValuesAsText("orderId")).contains(payment[0]);
            assertThat(get("/actuator/prometheus", null).body()).containsPattern("payments_needing_attention [1-9]");
        });
        assertThat(get("/api/v1/payments/" + payment[0], token).json().path("needsAttention").asBoolean()).isTrue();
        assertThat(get("/api/v1/payments?needsAttention=true", token).status()).isEqualTo(403);
    }
}
