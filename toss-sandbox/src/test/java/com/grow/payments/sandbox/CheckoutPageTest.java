package com.grow.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CheckoutPageTest extends SandboxTestSupport {

    private static final String SUCCESS = "https://shop.example/pay/success?session=abc";
    private static final String FAIL = "https://shop.example/pay/fail";

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private Map<String, String> fields(String orderId, String outcome) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("orderId", orderId);
        fields.put("orderName", "GROW 티셔츠 & 양말");
        fields.put("amount", "12000");
        fields.put("successUrl", SUCCESS);
        fields.put("failUrl", FAIL);
        if (outcome != null) {
            fields.put("outcome", outcome);
        }
        return fields;
    }

    private Answer submit(Map<String, String> fields) {
        return send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/checkout/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                .build());
    }

    private static Map<String, String> queryOf(String location) {
        String query = URI.create(location).getRawQuery();
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            String[] parts = pair.split("=", 2);
            out.put(java.net.URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void the_window_carries_a_tax_free_part_from_the_page_to_the_payment() {
        String orderId = orderId();
        Map<String, String> fields = fields(orderId, "APPROVE");
        fields.put("taxFreeAmount", "2000");

        Answer page = sandboxGet("/sandbox/checkout?" + form(fields));
        Answer redirect = submit(fields);
        fields.put("taxFreeAmount", "12001");
        Answer tooMuch = sandboxGet("/sandbox/checkout?" + form(fields));

        assertThat(page.body()).contains("name=\"taxFreeAmount\" value=\"2000\"");
        String paymentKey = queryOf(redirect.header("Location")).get("paymentKey");
        assertThat(sandbox.paymentByKey(paymentKey)).get().extracting(SandboxPayment::taxFreeAmount).isEqualTo(2_000L);
        assertThat(tooMuch.status()).isEqualTo(400);
    }

    @Test
    void the_checkout_page_shows_the_order_and_the_buyers_choices() {
        String orderId = orderId();

        Answer page = sandboxGet("/sandbox/checkout?" + form(fields(orderId, null)));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body())
                .contains(orderId)
                .contains("GROW 티셔츠 &amp; 양말")
                .contains("12,000원")
                .contains("action=\"/sandbox/checkout/authorize\"")
                .contains("value=\"APPROVE\"", "value=\"REJECT_CARD_PAYMENT\"", "value=\"INVALID_CARD_EXPIRATION\"", "value=\"CANCEL\"")
                .doesNotContain("<script", "http://", "<link");
    }

    @Test
    void the_checkout_page_refuses_missing_or_bad_parameters() {
        Answer noAmount = sandboxGet("/sandbox/checkout?orderId=order-0001&orderName=x&successUrl=" + SUCCESS + "&failUrl=" + FAIL);
        Answer badUrl = sandboxGet("/sandbox/checkout?orderId=order-0001&orderName=x&amount=100&successUrl=javascript:alert(1)&failUrl=" + FAIL);

        assertThat(noAmount.status()).isEqualTo(400);
        assertThat(badUrl.status()).isEqualTo(400);
    }

    @Test
    void approving_in_the_window_redirects_to_the_success_url_with_the_payment_details() {
        String orderId = orderId();

        Answer answer = submit(fields(orderId, "APPROVE"));

        assertThat(answer.status()).isEqualTo(302);
        String location = answer.header("Location");
        assertThat(location).startsWith("https://shop.example/pay/success?session=abc&paymentType=NORMAL&");
        Map<String, String> query = queryOf(location);
        SandboxPayment payment = sandbox.payment(orderId).orElseThrow();
        assertThat(query).containsEntry("paymentType", "NORMAL")
                .containsEntry("orderId", orderId)
                .containsEntry("paymentKey", payment.paymentKey())
                .containsEntry("amount", "12000");
        assertThat(payment.status()).isEqualTo(PaymentStatus.IN_PROGRESS);
        assertThat(payment.orderName()).isEqualTo("GROW 티셔츠 & 양말");
        assertThat(confirm(payment.paymentKey(), orderId, 12_000, newKey()).status()).isEqualTo(200);
    }

    @Test
    void declining_in_the_window_still_redirects_to_success_and_the_decline_shows_at_confirm() {
        String orderId = orderId();

        Answer answer = submit(fields(orderId, "INVALID_CARD_EXPIRATION"));

        assertThat(answer.header("Location")).startsWith("https://shop.example/pay/success?");
        Map<String, String> query = queryOf(answer.header("Location"));
        Answer confirmed = confirm(query.get("paymentKey"), orderId, Long.parseLong(query.get("amount")), newKey());
        assertThat(confirmed.status()).isEqualTo(400);
        assertThat(confirmed.code()).isEqualTo("INVALID_CARD_EXPIRATION");
        assertThat(sandbox.payment(orderId).orElseThrow().status()).isEqualTo(PaymentStatus.ABORTED);
    }

    @Test
    void canceling_in_the_window_redirects_to_the_fail_url_with_pay_process_canceled() {
        String orderId = orderId();

        Answer answer = submit(fields(orderId, "CANCEL"));

        assertThat(answer.status()).isEqualTo(302);
        String location = answer.header("Location");
        assertThat(location).startsWith(FAIL + "?code=PAY_PROCESS_CANCELED&");
        assertThat(queryOf(location)).containsEntry("code", "PAY_PROCESS_CANCELED")
                .containsEntry("orderId", orderId)
                .containsKey("message");
        assertThat(sandbox.payment(orderId)).isEmpty();
    }

    @Test
    void the_json_authorize_creates_a_session_like_the_window() {
        String orderId = orderId();

        Answer answer = sandboxPost("/sandbox/authorize", Map.of("orderId", orderId, "orderName", "item", "amount", 9_900,
                "outcome", "REJECT_CARD_PAYMENT"));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().path("orderId").asText()).isEqualTo(orderId);
        assertThat(answer.json().path("amount").asLong()).isEqualTo(9_900);
        String paymentKey = answer.json().path("paymentKey").asText();
        assertThat(confirm(paymentKey, orderId, 9_900, newKey()).code()).isEqualTo("REJECT_CARD_PAYMENT");
    }

    @Test
    void the_json_authorize_refuses_bad_input() {
        assertThat(sandboxPost("/sandbox/authorize", Map.of("orderId", "bad id", "orderName", "item", "amount", 100)).code())
                .isEqualTo("INVALID_REQUEST");
        assertThat(sandboxPost("/sandbox/authorize", Map.of("orderId", orderId(), "orderName", "item", "amount", 0)).status())
                .isEqualTo(400);
        assertThat(sandboxPost("/sandbox/authorize", Map.of("orderId", orderId(), "orderName", "item", "amount", 100,
                "outcome", "MADE_UP_CODE")).status()).isEqualTo(400);
    }

    @Test
    void the_receipt_url_serves_a_page() {
        String orderId = orderId();
        String paymentKey = sandbox.authorize(orderId, "item", 1_000, null);
        String receiptUrl = confirm(paymentKey, orderId, 1_000, newKey()).json().path("receipt").path("url").asText();

        Answer receipt = send(HttpRequest.newBuilder(URI.create(receiptUrl)).GET().build());

        assertThat(receipt.status()).isEqualTo(200);
        assertThat(receipt.body()).contains(orderId).contains("DONE");
    }

    @Test
    void query_parameters_are_appended_after_an_existing_query_and_before_a_fragment() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("a", "1 2");
        params.put("b", "&");

        assertThat(CheckoutPage.appendQuery("https://x.example/cb", params)).isEqualTo("https://x.example/cb?a=1+2&b=%26");
        assertThat(CheckoutPage.appendQuery("https://x.example/cb?s=1#top", params)).isEqualTo("https://x.example/cb?s=1&a=1+2&b=%26#top");
        assertThat(CheckoutPage.appendQuery("https://x.example/cb?", params)).isEqualTo("https://x.example/cb?a=1+2&b=%26");
    }
}
