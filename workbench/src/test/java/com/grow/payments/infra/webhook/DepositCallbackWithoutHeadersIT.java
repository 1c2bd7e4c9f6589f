package com.grow.payments.infra.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.grow.payments.infra.IntegrationTest;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A DEPOSIT_CALLBACK may come without Toss's transmission headers: its secret is its proof, so a
 * matching one is accepted (once), and a wrong one is refused as with the headers.
 */
class DepositCallbackWithoutHeadersIT extends IntegrationTest {

    private String openAccount(String token) {
        Reply opened = post("/api/v1/virtual-accounts", token, "{\"orderName\":\"Weaving class\",\"amount\":16000,"
                + "\"bank\":\"20\",\"customerName\":\"김그로\",\"validHours\":24}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        return opened.json().path("orderId").asText();
    }

    private Reply headerless(String body) {
        return send(request(baseUrl(), "/api/v1/webhooks/toss", null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void a_deposit_callback_with_the_right_secret_and_no_headers_is_accepted_once() {
        String token = token("member-headerless");
        String orderId = openAccount(token);
        String secret = atToss(orderId).path("secret").asText();
        sandbox().deposit(orderId);
        String body = depositCallback(orderId, secret, "DONE");

        assertThat(headerless(body).status()).isEqualTo(200);
        assertThat(headerless(body).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).until(() -> "DONE".equals(status(orderId, token)));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM webhook_receipt WHERE order_id = ?", Long.class, orderId))
                .isEqualTo(1);
    }

    @Test
    void a_deposit_callback_with_a_wrong_secret_and_no_headers_is_401_and_changes_nothing() {
        String token = token("member-headerless-forged");
        String orderId = openAccount(token);
        sandbox().deposit(orderId);

        Reply forged = headerless(depositCallback(orderId, "not-the-secret", "DONE"));

        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.isProblem()).isTrue();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> "WAITING_FOR_DEPOSIT".equals(status(orderId, token)));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM webhook_receipt WHERE order_id = ?", Long.class, orderId))
                .isZero();
    }

    @Test
    void other_webhooks_still_need_the_transmission_headers() {
        String token = token("member-headerless-other");
        String orderId = openAccount(token);

        assertThat(headerless(statusChanged(orderId, "DONE")).status()).isEqualTo(401);
    }
}
