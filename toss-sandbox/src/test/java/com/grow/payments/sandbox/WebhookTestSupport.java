package com.grow.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A sandbox whose webhooks go to a {@link WebhookReceiver}, with Toss's retry schedule compressed so that
 * one "minute" lasts 50 ms, plus helpers for virtual accounts.
 */
abstract class WebhookTestSupport extends SandboxTestSupport {

    static final Duration RETRY_UNIT = Duration.ofMillis(50);

    protected WebhookReceiver receiver;

    @Override
    SandboxConfig.Builder configure(SandboxConfig.Builder builder) {
        return builder.webhookRetryUnit(RETRY_UNIT);
    }

    @BeforeEach
    void startReceiver() {
        receiver = WebhookReceiver.start();
        // Set at runtime, as a service started after the sandbox would.
        sandbox.setWebhookUrl(receiver.url());
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    static Map<String, Object> virtualAccountBody(String orderId, long amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", amount);
        body.put("orderId", orderId);
        body.put("orderName", "GROW 프리미엄 1개월");
        body.put("customerName", "김그로");
        body.put("bank", "20");
        return body;
    }

    Answer issueVirtualAccount(Map<String, Object> body, String... headers) {
        return post("/v1/virtual-accounts", body, headers);
    }

    /** Issues a virtual account (default 168 hours) and returns the answer, checked to be 200. */
    Answer issueVirtualAccount(String orderId, long amount) {
        Answer answer = issueVirtualAccount(virtualAccountBody(orderId, amount), "Idempotency-Key", newKey());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer;
    }

    /** A card payment approved through the window and confirm; returns its paymentKey. */
    String paidCardOrder(String orderId, long amount) {
        String paymentKey = sandbox.authorize(orderId, "item", amount, null);
        assertThat(confirm(paymentKey, orderId, amount, newKey()).status()).isEqualTo(200);
        return paymentKey;
    }

    Answer cancel(String paymentKey, Map<String, Object> body) {
        return post("/v1/payments/" + paymentKey + "/cancel", body, "Idempotency-Key", newKey());
    }
}
