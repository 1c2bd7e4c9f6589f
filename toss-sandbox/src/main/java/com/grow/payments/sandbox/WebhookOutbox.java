package com.grow.payments.sandbox;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Webhooks waiting to be sent, oldest first. Delivery over HTTP is not built yet; this is where it
 * will take them from. Thread-safe.
 */
final class WebhookOutbox {

    private final List<OutgoingWebhook> pending = new CopyOnWriteArrayList<>();

    void add(OutgoingWebhook webhook) {
        pending.add(webhook);
    }

    List<OutgoingWebhook> pending() {
        return List.copyOf(pending);
    }

    void clear() {
        pending.clear();
    }
}
