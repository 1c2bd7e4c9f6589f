package com.grow.payments.sandbox;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every webhook Toss would have sent, oldest first, each also handed to the {@link WebhookSender} (which
 * delivers it when a webhook URL is set). Thread-safe; {@link #add} never blocks, so it may be called
 * under the store lock, which keeps webhooks in the order of the changes they report.
 */
final class WebhookOutbox {

    private final List<OutgoingWebhook> recorded = new CopyOnWriteArrayList<>();
    private final WebhookSender sender;

    WebhookOutbox(WebhookSender sender) {
        this.sender = sender;
    }

    void add(OutgoingWebhook webhook) {
        recorded.add(webhook);
        sender.submit(webhook);
    }

    List<OutgoingWebhook> recorded() {
        return List.copyOf(recorded);
    }

    void clear() {
        recorded.clear();
    }
}
