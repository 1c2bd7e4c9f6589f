package com.grow.payments.sandbox;

/**
 * One attempt to deliver a webhook to the merchant's URL, as {@link TossSandbox#webhookDeliveries()} records it.
 *
 * @param transmissionId   {@code tosspayments-webhook-transmission-id}, the same on every retry of one transmission
 * @param eventType        e.g. DEPOSIT_CALLBACK (which the body itself does not name)
 * @param attempt          {@code tosspayments-webhook-transmission-retried-count}: 0 first, then 1..7
 * @param transmissionTime {@code tosspayments-webhook-transmission-time} as sent (ISO-8601, +09:00)
 * @param httpStatus       the receiver's answer, or null when no answer came
 * @param error            why no answer came (refused connection, timeout), or null
 * @param webhook          what was sent
 */
public record WebhookDelivery(String transmissionId, String eventType, int attempt, String transmissionTime,
                              Integer httpStatus, String error, OutgoingWebhook webhook) {

    /** Toss counts only HTTP 200 as delivered; anything else is retried. */
    public boolean delivered() {
        return httpStatus != null && httpStatus == 200;
    }
}
