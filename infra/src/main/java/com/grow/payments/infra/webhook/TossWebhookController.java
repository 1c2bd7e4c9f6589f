package com.grow.payments.infra.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.grow.payments.command.web.AggregateEvents;
import com.grow.payments.infra.janitor.HintedLookups;
import com.grow.payments.infra.toss.SecretHashes;
import com.grow.payments.sagas.billing.BillingKeyVault;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.billing.BillingCommands.RecordBillingKeyDeleted;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import com.grow.payments.shared.payment.VirtualAccountIssued;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Toss's webhooks (docs/toss.md). Anyone can post here, and Toss itself posts late, twice and out of
 * order, so a webhook is a hint, never the truth: once verified (a virtual account's secret, a
 * signature where Toss signs) and deduplicated, it only asks for a look-up at Toss (at most one per
 * order per interval, on a pool of its own: {@link HintedLookups}), and the payment changes by what
 * Toss's API says. Answers at once.
 */
@RestController
public class TossWebhookController {

    static final String TRANSMISSION_ID = "tosspayments-webhook-transmission-id";
    static final String TRANSMISSION_TIME = "tosspayments-webhook-transmission-time";
    static final String SIGNATURE = "tosspayments-webhook-signature";

    private final ObjectMapper json = new ObjectMapper();
    private final JdbcClient jdbc;
    private final AggregateEvents payments;
    private final HintedLookups lookups;
    private final WebhookSignatures signatures;
    private final MeterRegistry metrics;
    private final BillingKeyVault vault;
    private final CommandGateway commands;
    private final Clock clock;
    private final Duration tolerance;

    public TossWebhookController(JdbcClient jdbc, AggregateEvents payments, HintedLookups lookups,
                                 WebhookSignatures signatures, MeterRegistry metrics, BillingKeyVault vault,
                                 CommandGateway commands, Clock clock,
                                 @Value("${payments.webhook.tolerance:10m}") Duration tolerance) {
        this.jdbc = jdbc;
        this.payments = payments;
        this.lookups = lookups;
        this.signatures = signatures;
        this.metrics = metrics;
        this.vault = vault;
        this.commands = commands;
        this.clock = clock;
        this.tolerance = tolerance;
        // every refusal reason exists from the start at zero, so a spike's increase() sees its first one
        for (String reason : List.of("no_transmission_id", "stale_or_missing_time", "bad_signature",
                "secret_mismatch", "malformed")) {
            metrics.counter("webhook_rejected", "reason", reason);
        }
    }

    @PostMapping("/api/v1/webhooks/toss")
    public ResponseEntity<Void> receive(@RequestBody String body,
                                        @RequestHeader(name = TRANSMISSION_ID, required = false) String transmissionId,
                                        @RequestHeader(name = TRANSMISSION_TIME, required = false) String transmissionTime,
                                        @RequestHeader(name = SIGNATURE, required = false) String signature) {
        JsonNode webhook = parse(body);
        String type = webhook.hasNonNull("eventType") ? webhook.path("eventType").asText() : "DEPOSIT_CALLBACK";
        if (transmissionId == null || transmissionId.isBlank()) {
            if (type.equals("DEPOSIT_CALLBACK")) {
                return headerlessDeposit(webhook, body);
            }
            return reject("no_transmission_id");
        }
        if (transmissionId.length() > 100) {
            return reject("no_transmission_id");
        }
        if (!recent(transmissionTime)) {
            return reject("stale_or_missing_time");
        }
        if (type.equals("payout.changed") || type.equals("seller.changed")) {
            if (!signatures.valid(body, transmissionTime, signature)) {
                return reject("bad_signature");
            }
            return accepted(type, "ignored");
        }
        if (type.equals("BILLING_DELETED")) {
            return billingKeyDeleted(webhook.path("data"), transmissionId, body);
        }
        String orderId = type.equals("DEPOSIT_CALLBACK") ? webhook.path("orderId").asText(null)
                : webhook.path("data").path("orderId").asText(null);
        if (!type.equals("DEPOSIT_CALLBACK") && !type.equals("PAYMENT_STATUS_CHANGED")) {
            // BILLING_DELETED, CANCEL_STATUS_CHANGED, METHOD_UPDATED, ...: acknowledged so Toss stops retrying
            return accepted(type, "not_handled");
        }
        List<Object> events = OrderId.isValid(orderId) ? payments.events(orderId) : List.of();
        if (events.isEmpty()) {
            return accepted(type, "unknown_order");
        }
        if (type.equals("DEPOSIT_CALLBACK") && !secretMatchesIfKnown(webhook.path("secret").asText(null), events)) {
            return reject("secret_mismatch");
        }
        if (!firstReceipt(transmissionId, body, type, orderId)) {
            return accepted(type, "duplicate");
        }
        lookups.request(new OrderId(orderId));
        return accepted(type, "look_up_scheduled");
    }

    /**
     * Whether Toss sends its transmission headers with a DEPOSIT_CALLBACK is not settled, and the
     * callback carries its own proof: the account's secret. Without the headers it is accepted when
     * the secret matches the one recorded for the account (known, not merely not contradicted), and
     * deduplicated by its body. A replayed genuine callback can only ask for one more look-up.
     */
    private ResponseEntity<Void> headerlessDeposit(JsonNode webhook, String body) {
        String orderId = webhook.path("orderId").asText(null);
        List<Object> events = OrderId.isValid(orderId) ? payments.events(orderId) : List.of();
        if (events.isEmpty()) {
            return accepted("DEPOSIT_CALLBACK", "unknown_order");
        }
        Optional<String> expected = secretHash(events);
        if (expected.isEmpty() || !SecretHashes.matches(webhook.path("secret").asText(null), expected.get())) {
            return reject("secret_mismatch");
        }
        if (!firstReceipt("deposit", body, "DEPOSIT_CALLBACK", orderId)) {
            return accepted("DEPOSIT_CALLBACK", "duplicate");
        }
        lookups.request(new OrderId(orderId));
        return accepted("DEPOSIT_CALLBACK", "look_up_scheduled");
    }

    /**
     * Toss deleted a billing key on its side (the card company revoked it). The key itself is the
     * proof: only Toss and we hold it. Ours is marked deleted, its ciphertext destroyed, and the
     * subscriptions on it are suspended.
     */
    private ResponseEntity<Void> billingKeyDeleted(JsonNode data, String transmissionId, String body) {
        Optional<String> billingKeyId = vault.findIdByKey(data.path("billingKey").asText(null));
        if (billingKeyId.isEmpty()) {
            return accepted("BILLING_DELETED", "unknown_billing_key");
        }
        if (!firstReceipt(transmissionId, body, "BILLING_DELETED", null)) {
            return accepted("BILLING_DELETED", "duplicate");
        }
        commands.sendAndWait(new RecordBillingKeyDeleted(billingKeyId.get(),
                "deleted at Toss: " + data.path("reason").asText("no reason given")));
        vault.destroy(billingKeyId.get());
        return accepted("BILLING_DELETED", "key_deleted");
    }

    private JsonNode parse(String body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new IOException("not a JSON object");
            }
            return node;
        } catch (IOException e) {
            metrics.counter("webhook_rejected", "reason", "malformed").increment();
            throw new PaymentRejection(ErrorCode.MALFORMED_REQUEST, "the webhook body is not a JSON object");
        }
    }

    /** Toss re-sends a retry with a new transmission time, so only times far off are refused. */
    private boolean recent(String transmissionTime) {
        if (transmissionTime == null) {
            return false;
        }
        try {
            Instant at = OffsetDateTime.parse(transmissionTime).toInstant();
            return Duration.between(at, clock.instant()).abs().compareTo(tolerance) <= 0;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * Toss sends a DEPOSIT_CALLBACK as it opens the account, before the account (and the hash of
     * its secret) is recorded here: nothing can contradict it yet, and it only asks for a look-up.
     * Once the hash is known, a secret that does not match it is a forgery.
     */
    private static boolean secretMatchesIfKnown(String secret, List<Object> events) {
        Optional<String> expected = secretHash(events);
        return expected.isEmpty() || SecretHashes.matches(secret, expected.get());
    }

    private static Optional<String> secretHash(List<Object> events) {
        return events.stream().filter(VirtualAccountIssued.class::isInstance)
                .map(event -> ((VirtualAccountIssued) event).secretHash()).reduce((first, last) -> last);
    }

    private boolean firstReceipt(String transmissionId, String body, String type, String orderId) {
        String key = transmissionId + ":" + SecretHashes.of(body).substring(0, 32);
        return jdbc.sql("""
                        INSERT INTO webhook_receipt (receipt_key, event_type, order_id, received_at)
                        VALUES (?, ?, ?, ?) ON CONFLICT (receipt_key) DO NOTHING""")
                .params(key, type, orderId, Timestamp.from(clock.instant()))
                .update() == 1;
    }

    private ResponseEntity<Void> accepted(String type, String result) {
        metrics.counter("webhook_received", "type", bounded(type), "result", result).increment();
        return ResponseEntity.ok().build();
    }

    private ResponseEntity<Void> reject(String reason) {
        metrics.counter("webhook_rejected", "reason", reason).increment();
        throw new PaymentRejection(ErrorCode.UNAUTHORIZED, "the webhook failed verification");
    }

    /** Only Toss's documented types become label values; anything else is "other". */
    private static String bounded(String type) {
        return switch (type) {
            case "DEPOSIT_CALLBACK", "PAYMENT_STATUS_CHANGED", "CANCEL_STATUS_CHANGED", "BILLING_DELETED",
                 "METHOD_UPDATED", "CUSTOMER_STATUS_CHANGED", "payout.changed", "seller.changed" -> type;
            default -> "other";
        };
    }
}
