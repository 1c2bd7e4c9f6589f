package com.grow.payments.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A webhook Toss would send, kept until delivery exists (for now they are only recorded, see
 * {@link TossSandbox#outgoingWebhooks()}). The body is Toss's envelope {@code {eventType, createdAt, data}}.
 *
 * @param data the event's {@code data} object, in field order; immutable
 */
public record OutgoingWebhook(String eventType, Instant createdAt, Map<String, Object> data) {

    public static final String BILLING_DELETED = "BILLING_DELETED";

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

    /** The envelope as Toss sends it; createdAt is Seoul local time with microseconds and no offset. */
    public Map<String, Object> envelope() {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventType", eventType);
        envelope.put("createdAt", TossFormats.webhookTimestamp(createdAt));
        envelope.put("data", data);
        return envelope;
    }

    /** The JSON body to POST to the merchant's webhook URL. */
    public String body() {
        return new String(Json.bytes(envelope()), StandardCharsets.UTF_8);
    }
}
