package com.grow.payments.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.grow.payments.infra.IntegrationTest;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The audit trail over HTTP: who and which request caused each event, and the hash chain that
 * makes a changed row show (ADR 0009).
 */
class AuditTrailIT extends IntegrationTest {

    private static final String CHECKOUT_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final Set<String> AUDIT_KEYS = Set.of("memberId", "idempotencyKey", "traceId", "correlationId",
            "requestMethod", "requestPath", "chainHash");

    private Reply send(String method, String path, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder request = request(baseUrl(), path, token);
        headers.forEach(request::header);
        if (body == null) {
            return send(request.method(method, HttpRequest.BodyPublishers.noBody()));
        }
        return send(request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Checkout (with a W3C traceparent), confirm (Idempotency-Key, X-Request-Id), a partial cancel (key only). */
    private String paidAndPartiallyCancelled(String token, String member) {
        Reply checkout = send("POST", "/api/v1/payments", token, "{\"orderName\":\"Audit class\",\"amount\":15000}",
                Map.of("traceparent", "00-" + CHECKOUT_TRACE + "-00f067aa0ba902b7-01"));
        assertThat(checkout.status()).isEqualTo(201);
        String orderId = checkout.json().path("orderId").asText();
        String paymentKey = sandbox().authorize(orderId, "Audit class", 15000, null);

        Reply confirmed = send("POST", "/api/v1/payments/confirm", token, confirmBody(orderId, paymentKey, 15000),
                Map.of("Idempotency-Key", "audit-confirm-" + member, "X-Request-Id", "req-confirm-" + member));
        assertThat(confirmed.status()).isEqualTo(200);

        Reply cancelled = send("POST", "/api/v1/payments/" + orderId + "/cancel", token,
                "{\"cancelReason\":\"one lesson missed\",\"cancelAmount\":5000}",
                Map.of("Idempotency-Key", "audit-cancel-" + member));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("PARTIAL_CANCELED");
        return orderId;
    }

    private static JsonNode ofType(JsonNode events, String type) {
        for (JsonNode event : events) {
            if (type.equals(event.path("type").asText())) {
                return event;
            }
        }
        throw new AssertionError("no " + type + " in " + events);
    }

    @Test
    void each_event_names_its_id_type_revision_time_and_the_member_key_and_trace_of_the_request_behind_it() {
        String token = token("member-audit");
        String orderId = paidAndPartiallyCancelled(token, "member-audit");

        JsonNode events = get("/api/v1/payments/" + orderId + "/events", token).json();
        List<String> types = new ArrayList<>();
        events.forEach(event -> types.add(event.path("type").asText()));
        assertThat(types).containsExactly("PaymentCheckedOut", "PaymentConfirmationRequested", "PaymentApproved",
                "PaymentCancelRequested", "PaymentCancelled");
        Set<String> hashes = new HashSet<>();
        for (JsonNode event : events) {
            assertThat(event.path("eventId").asText()).isNotBlank();
            assertThat(event.path("revision").asText()).isEqualTo("1");
            assertThat(event.path("occurredAt").asText()).endsWith("+09:00");
            JsonNode metaData = event.path("metadata");
            assertThat(metaData.path("memberId").asText()).isEqualTo("member-audit");
            assertThat(metaData.path("chainHash").asText()).matches("[0-9a-f]{64}");
            hashes.add(metaData.path("chainHash").asText());
        }
        assertThat(hashes).hasSize(5);

        JsonNode checkedOut = ofType(events, "PaymentCheckedOut").path("metadata");
        assertThat(checkedOut.path("traceId").asText()).isEqualTo(CHECKOUT_TRACE);
        assertThat(checkedOut.path("requestMethod").asText()).isEqualTo("POST");
        assertThat(checkedOut.path("requestPath").asText()).isEqualTo("/api/v1/payments");
        assertThat(checkedOut.has("idempotencyKey")).isFalse();

        JsonNode requested = ofType(events, "PaymentConfirmationRequested").path("metadata");
        assertThat(requested.path("idempotencyKey").asText()).isEqualTo("audit-confirm-member-audit");
        assertThat(requested.path("traceId").asText()).isEqualTo("req-confirm-member-audit");
        assertThat(requested.path("requestPath").asText()).isEqualTo("/api/v1/payments/confirm");

        // the saga's command goes out after its asynchronous call to Toss; the cause is carried across
        JsonNode approved = ofType(events, "PaymentApproved").path("metadata");
        assertThat(approved.path("traceId").asText()).isEqualTo("req-confirm-member-audit");
        assertThat(approved.path("idempotencyKey").asText()).isEqualTo("audit-confirm-member-audit");
        assertThat(approved.path("requestPath").asText()).isEqualTo("/api/v1/payments/confirm");

        JsonNode cancelRequested = ofType(events, "PaymentCancelRequested").path("metadata");
        JsonNode cancelled = ofType(events, "PaymentCancelled").path("metadata");
        assertThat(cancelRequested.path("idempotencyKey").asText()).isEqualTo("audit-cancel-member-audit");
        assertThat(cancelRequested.path("traceId").asText()).matches("[0-9a-f]{32}")
                .isNotEqualTo(CHECKOUT_TRACE);
        assertThat(cancelled.path("traceId").asText()).isEqualTo(cancelRequested.path("traceId").asText());
        assertThat(cancelled.path("idempotencyKey").asText()).isEqualTo("audit-cancel-member-audit");
    }

    @Test
    void the_chain_of_an_untouched_payment_verifies() {
        String token = token("member-audit-chain");
        String orderId = paidAndPartiallyCancelled(token, "member-audit-chain");
        String admin = token("auditor", "ADMIN");

        Reply chain = get("/api/v1/admin/payments/" + orderId + "/chain", admin);

        assertThat(chain.status()).isEqualTo(200);
        JsonNode verdict = chain.json();
        assertThat(verdict.path("orderId").asText()).isEqualTo(orderId);
        assertThat(verdict.path("events").asInt()).isEqualTo(5);
        assertThat(verdict.path("valid").asBoolean()).isTrue();
        assertThat(verdict.has("firstBrokenSequence")).isTrue();
        assertThat(verdict.path("firstBrokenSequence").isNull()).isTrue();
        JsonNode events = get("/api/v1/payments/" + orderId + "/events", token).json();
        assertThat(verdict.path("headHash").asText()).isEqualTo(events.get(4).path("metadata").path("chainHash").asText());

        Reply contractCheck = get("/api/v1/admin/payments/" + orderId + "/verify", admin);
        assertThat(contractCheck.status()).isEqualTo(200);
        assertThat(contractCheck.json().path("valid").asBoolean()).isTrue();
        assertThat(contractCheck.json().path("events").asInt()).isEqualTo(5);
    }

    @Test
    void one_changed_payload_byte_breaks_the_chain_at_exactly_that_event() {
        String token = token("member-audit-tamper");
        String[] payment = checkoutAndAuthorize(token, 7000, null);
        assertThat(confirm(token, payment[0], payment[1], 7000).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> "DONE".equals(status(payment[0], token)));
        String admin = token("auditor", "ADMIN");
        String chainPath = "/api/v1/admin/payments/" + payment[0] + "/chain";
        assertThat(get(chainPath, admin).json().path("valid").asBoolean()).isTrue();

        byte[] original = jdbc.queryForObject("SELECT payload FROM domain_event_entry"
                + " WHERE aggregate_identifier = ? AND sequence_number = 1", byte[].class, payment[0]);
        byte[] tampered = original.clone();
        int lastDigit = lastDigitAt(tampered);
        tampered[lastDigit] = (byte) (tampered[lastDigit] == '0' ? '1' : '0'); // still valid JSON, one byte changed
        updatePayload(payment[0], tampered);
        try {
            JsonNode verdict = get(chainPath, admin).json();
            assertThat(verdict.path("valid").asBoolean()).isFalse();
            assertThat(verdict.path("firstBrokenSequence").asLong()).isEqualTo(1);
            assertThat(verdict.path("reason").asText()).contains("does not match");

            Reply contractCheck = get("/api/v1/admin/payments/" + payment[0] + "/verify", admin);
            assertThat(contractCheck.status()).isEqualTo(409);
            assertThat(contractCheck.isProblem()).isTrue();
            assertThat(contractCheck.code()).isEqualTo("EVENT_CHAIN_BROKEN");
            assertThat(contractCheck.json().path("firstBrokenSequence").asLong()).isEqualTo(1);
        } finally {
            updatePayload(payment[0], original);
        }
        assertThat(get(chainPath, admin).json().path("valid").asBoolean()).isTrue();
    }

    private void updatePayload(String orderId, byte[] payload) {
        assertThat(jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE aggregate_identifier = ?"
                + " AND sequence_number = 1", payload, orderId)).isEqualTo(1);
    }

    private static int lastDigitAt(byte[] json) {
        for (int i = json.length - 1; i >= 0; i--) {
            if (json[i] >= '0' && json[i] <= '9') {
                return i;
            }
        }
        throw new AssertionError("no digit in the payload");
    }

    @Test
    void only_admins_may_verify_and_an_unknown_order_is_404() {
        String owner = token("member-audit-owner");
        String[] payment = checkoutAndAuthorize(owner, 3000, null);

        Reply byOwner = get("/api/v1/admin/payments/" + payment[0] + "/chain", owner);
        assertThat(byOwner.status()).isEqualTo(403);
        assertThat(byOwner.code()).isEqualTo("FORBIDDEN");
        assertThat(get("/api/v1/admin/payments/" + payment[0] + "/verify", owner).status()).isEqualTo(403);
        assertThat(get("/api/v1/admin/payments/" + payment[0] + "/chain", null).status()).isEqualTo(401);

        Reply unknown = get("/api/v1/admin/payments/ord_no_such_order/chain", token("auditor", "ADMIN"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
        assertThat(unknown.code()).isEqualTo("PAYMENT_NOT_FOUND");
    }

    @Test
    void no_secret_reaches_the_metadata() {
        String token = token("member-audit-secrets");
        String[] payment = checkoutAndAuthorize(token, 4000, null);
        Reply confirmed = send("POST", "/api/v1/payments/confirm", token, confirmBody(payment[0], payment[1], 4000),
                Map.of("Idempotency-Key", "audit-secrets-1", "Cookie", "session=cookie-secret"));
        assertThat(confirmed.status()).isEqualTo(200);

        JsonNode events = get("/api/v1/payments/" + payment[0] + "/events", token).json();
        List<String> stored = jdbc.queryForList("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry"
                + " WHERE aggregate_identifier = ?", String.class, payment[0]);
        assertThat(stored).hasSize(3);
        for (JsonNode event : events) {
            event.path("metadata").fieldNames().forEachRemaining(key -> assertThat(AUDIT_KEYS).contains(key));
        }
        for (String metaData : stored) {
            assertThat(metaData).doesNotContain(token).doesNotContain(payment[1]).doesNotContain("cookie-secret")
                    .doesNotContain(tossSecretKey).doesNotContainIgnoringCase("authorization");
        }
    }
}
