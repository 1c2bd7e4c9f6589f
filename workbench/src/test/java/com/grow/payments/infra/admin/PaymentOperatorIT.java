package com.grow.payments.infra.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.grow.payments.infra.IntegrationTest;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.payment.PaymentCommands.FlagPaymentForOperator;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The operator's actions on one payment: look it up at Toss now, resolve a flagged one with a note. */
class PaymentOperatorIT extends IntegrationTest {

    @Autowired
    private CommandGateway commands;

    private String flaggedPayment(String token) {
        String orderId = post("/api/v1/payments", token, "{\"orderName\":\"Glass class\",\"amount\":4000}")
                .json().path("orderId").asText();
        commands.sendAndWait(new FlagPaymentForOperator(new OrderId(orderId), "unresolved after 27 look-ups"));
        return orderId;
    }

    @Test
    void an_operator_resolves_a_flagged_payment_with_a_note_recorded_as_theirs() {
        String member = token("member-flagged");
        String admin = token("ops-lee", "ADMIN");
        String orderId = flaggedPayment(member);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                get("/api/v1/payments/" + orderId, member).json().path("needsAttention").asBoolean());

        Reply resolved = post("/api/v1/admin/payments/" + orderId + "/resolve", admin,
                "{\"note\":\"checked at Toss's console: never paid\"}");

        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.json().path("needsAttention").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                !get("/api/v1/payments/" + orderId, member).json().path("needsAttention").asBoolean());
        JsonNode event = StreamSupport.stream(get("/api/v1/payments/" + orderId + "/events", admin).json().spliterator(), false)
                .filter(e -> "PaymentAttentionResolved".equals(e.path("type").asText()))
                .findFirst().orElseThrow();
        assertThat(event.path("payload").path("note").asText()).isEqualTo("checked at Toss's console: never paid");
        assertThat(event.path("payload").path("resolvedBy").asText()).isEqualTo("ops-lee");
        assertThat(event.path("metadata").path("memberId").asText()).isEqualTo("ops-lee");

        Reply again = post("/api/v1/admin/payments/" + orderId + "/resolve", admin, "{\"note\":\"again\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("PAYMENT_NOT_FLAGGED");
    }

    @Test
    void resolving_is_for_admins_on_flagged_payments_with_a_note() {
        String member = token("member-not-flagged");
        String admin = token("ops-park", "ADMIN");
        String orderId = post("/api/v1/payments", member, "{\"orderName\":\"Glass class\",\"amount\":4000}")
                .json().path("orderId").asText();
        long events = eventCount(orderId);

        Reply notFlagged = post("/api/v1/admin/payments/" + orderId + "/resolve", admin, "{\"note\":\"looked\"}");
        assertThat(notFlagged.status()).isEqualTo(409);
        assertThat(notFlagged.code()).isEqualTo("PAYMENT_NOT_FLAGGED");
        assertThat(notFlagged.isProblem()).isTrue();

        String flagged = flaggedPayment(member);
        assertThat(post("/api/v1/admin/payments/" + flagged + "/resolve", member, "{\"note\":\"mine\"}").status())
                .isEqualTo(403);
        Reply blank = post("/api/v1/admin/payments/" + flagged + "/resolve", admin, "{\"note\":\"  \"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(post("/api/v1/admin/payments/ord_nobody_has_this/resolve", admin, "{\"note\":\"x\"}").status())
                .isEqualTo(404);
        assertThat(eventCount(orderId)).isEqualTo(events);
    }

    @Test
    void a_look_up_now_finds_what_toss_did_without_telling_us() {
        String member = token("member-lookup-now");
        String admin = token("ops-choi", "ADMIN");
        String[] payment = checkoutAndAuthorize(member, 6000, null);
        assertThat(confirm(member, payment[0], payment[1], 6000).status()).isEqualTo(200);
        // cancelled at Toss's console, and no webhook comes
        assertThat(callToss("/v1/payments/" + payment[1] + "/cancel", "{\"cancelReason\":\"console\"}").status())
                .isEqualTo(200);

        Reply lookup = post("/api/v1/admin/payments/" + payment[0] + "/lookup", admin, "");

        assertThat(lookup.status()).as(lookup.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> "CANCELED".equals(status(payment[0], member)));
        assertThat(post("/api/v1/admin/payments/" + payment[0] + "/lookup", member, "").status()).isEqualTo(403);
        assertThat(post("/api/v1/admin/payments/ord_nobody_has_this/lookup", admin, "").status()).isEqualTo(404);
    }
}
