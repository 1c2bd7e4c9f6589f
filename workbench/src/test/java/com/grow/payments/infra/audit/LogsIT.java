package com.grow.payments.infra.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.grow.payments.infra.IntegrationTest;
import com.grow.payments.sagas.billing.BillingKeyVault;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The log as an operator reads it: one JSON object per line, each line of a request's work
 * naming its trace, member and order, and never a secret — not Toss's secret key, not a billing
 * key, not a virtual account's webhook secret, not a bearer token — through a full flow.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogsIT extends IntegrationTest {

    @Autowired
    BillingKeyVault vault;

    @Value("${payments.security.jwt.hmac-secret}")
    String jwtSecret;

    @Test
    void a_full_flow_logs_json_with_trace_member_and_order_and_never_a_secret(CapturedOutput output) throws IOException {
        String member = "member-logs-" + UUID.randomUUID();
        String token = token(member);
        // a card payment with an unknown outcome and its janitor look-up, a cancel, a decline
        String[] payment = checkoutAndAuthorize(token, 12_000, null);
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        Reply confirmed = send(request(baseUrl(), "/api/v1/payments/confirm", token)
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(confirmBody(payment[0], payment[1], 12_000))));
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(post("/api/v1/payments/" + payment[0] + "/cancel", token, "{\"cancelReason\":\"changed\"}").status())
                .isEqualTo(200);
        String[] declined = checkoutAndAuthorize(token, 3_000, "REJECT_CARD_PAYMENT");
        confirm(token, declined[0], declined[1], 3_000);
        // a billing key, and a virtual account whose deposit callback carries its secret
        String customerKey = UUID.randomUUID().toString();
        Reply issued = post("/api/v1/billing-keys", token, "{\"authKey\":\"" + sandbox().authorizeBilling(customerKey, null)
                + "\",\"customerKey\":\"" + customerKey + "\"}");
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String billingKey = vault.reveal(issued.json().path("billingKeyId").asText()).orElseThrow();
        Reply account = post("/api/v1/virtual-accounts", token,
                "{\"orderName\":\"Ceramics\",\"amount\":9000,\"bank\":\"20\",\"customerName\":\"김그로\"}");
        assertThat(account.status()).isEqualTo(201);
        String accountOrder = account.json().path("orderId").asText();
        String secret = atToss(accountOrder).path("secret").asText();
        assertThat(secret).isNotBlank();
        Reply forged = send(request(baseUrl(), "/api/v1/webhooks/toss", null).header("Content-Type", "application/json")
                .header("tosspayments-webhook-transmission-id", "whtrans_" + UUID.randomUUID())
                .header("tosspayments-webhook-transmission-time", java.time.OffsetDateTime.now().toString())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"createdAt\":\"2026-01-01T00:00:00.000000\","
                        + "\"secret\":\"" + secret + "\",\"status\":\"DONE\",\"orderId\":\"" + accountOrder + "\"}")));
        assertThat(forged.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> output.getOut().contains(payment[0]));

        String log = output.getOut() + output.getErr();
        for (String secretValue : List.of(tossSecretKey, billingKey, secret, token, jwtSecret, customerKey)) {
            assertThat(log).as("a secret in the log").doesNotContain(secretValue);
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.getOut().split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            assertThat(line).as("every log line is a JSON object").startsWith("{");
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).anySatisfy(line -> {
            assertThat(line.path("orderId").asText()).isEqualTo(payment[0]);
            assertThat(line.path("memberId").asText()).isEqualTo(member);
            assertThat(line.path("traceId").asText()).isEqualTo(traceId);
        });
        assertThat(lines).allSatisfy(line -> assertThat(line.has("@timestamp") && line.has("level")).isTrue());
    }
}
