package com.grow.payments.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A webhook Toss sends: recorded in {@link TossSandbox#outgoingWebhooks()} and, when a webhook URL is set,
 * POSTed there by the {@link WebhookSender}. Most events use Toss's envelope {@code {eventType, createdAt, data}};
 * DEPOSIT_CALLBACK alone is flat, {@code {createdAt, secret, status, transactionKey, orderId}}, with no eventType.
 *
 * @param eventType the event; for DEPOSIT_CALLBACK it is only known from the endpoint it was registered for
 * @param data      the event's {@code data} object (for DEPOSIT_CALLBACK, the fields after createdAt), in
 *                  field order; immutable
 */
public record OutgoingWebhook(String eventType, Instant createdAt, Map<String, Object> data) {

    public static final String BILLING_DELETED = "BILLING_DELETED";
    public static final String PAYMENT_STATUS_CHANGED = "PAYMENT_STATUS_CHANGED";
    public static final String DEPOSIT_CALLBACK = "DEPOSIT_CALLBACK";

    public OutgoingWebhook {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(createdAt, "createdAt");
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** {@code BILLING_DELETED} with {@code data{billingKey, reason}}. */
    static OutgoingWebhook billingDeleted(String billingKey, String reason, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("billingKey", billingKey);
        data.put("reason", reason);
        return new OutgoingWebhook(BILLING_DELETED, now, data);
    }

    /** {@code PAYMENT_STATUS_CHANGED} whose data is the Payment object as rendered at {@code now}. */
    static OutgoingWebhook paymentStatusChanged(Map<String, Object> payment, Instant now) {
        return new OutgoingWebhook(PAYMENT_STATUS_CHANGED, now, payment);
    }

    /** {@code DEPOSIT_CALLBACK} for a virtual-account payment in its current status. */
    static OutgoingWebhook depositCallback(SandboxPayment payment, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("secret", payment.secret());
        data.put("status", payment.status().name());
        data.put("transactionKey", payment.lastTransactionKey());
        data.put("orderId", payment.orderId());
        return new OutgoingWebhook(DEPOSIT_CALLBACK, now, data);
    }

    /**
     * The body as Toss sends it; createdAt is Seoul local time with microseconds and no offset. Null values
     * inside {@code data} stay explicit, as in Toss's Payment object.
     */
    public Map<String, Object> envelope() {
        Map<String, Object> envelope = new LinkedHashMap<>();
        if (DEPOSIT_CALLBACK.equals(eventType)) {
            envelope.put("createdAt", TossFormats.webhookTimestamp(createdAt));
            envelope.putAll(data);
            return envelope;
        }
        envelope.put("eventType", eventType);
        envelope.put("createdAt", TossFormats.webhookTimestamp(createdAt));
        envelope.put("data", data);
        return envelope;
    }

    /** The JSON body POSTed to the merchant's webhook URL. */
    public String body() {
        return new String(Json.bytes(envelope()), StandardCharsets.UTF_8);
    }
}
