package com.grow.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Billing helpers over real HTTP: register a card, issue a key, charge and delete it. */
abstract class BillingTestSupport extends SandboxTestSupport {

    static String customerKey() {
        return "cust-" + UUID.randomUUID();
    }

    Answer issue(String authKey, String customerKey, String... headers) {
        return post("/v1/billing/authorizations/issue", Map.of("authKey", authKey, "customerKey", customerKey), headers);
    }

    /** A fresh billing key for the customer, whose charges answer {@code card} (null approves). */
    String billingKey(String customerKey, String card) {
        Answer issued = issue(sandbox.authorizeBilling(customerKey, card), customerKey);
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        return issued.json().path("billingKey").asText();
    }

    static Map<String, Object> chargeBody(String customerKey, String orderId, long amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerKey", customerKey);
        body.put("amount", amount);
        body.put("orderId", orderId);
        body.put("orderName", "GROW 월간 구독");
        body.put("customerEmail", "buyer@example.com");
        body.put("customerName", "김그로");
        return body;
    }

    Answer charge(String billingKey, String customerKey, String orderId, long amount, String idempotencyKey) {
        return post("/v1/billing/" + billingKey, chargeBody(customerKey, orderId, amount), "Idempotency-Key", idempotencyKey);
    }

    Answer deleteBillingKey(String billingKey, String... headers) {
        return send(tossRequest("/v1/billing/" + billingKey, headers).DELETE().build());
    }

    static Map<String, String> queryOf(String location) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            out.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return out;
    }
}
