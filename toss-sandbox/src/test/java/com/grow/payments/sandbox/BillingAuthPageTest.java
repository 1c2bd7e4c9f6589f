package com.grow.payments.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BillingAuthPageTest extends BillingTestSupport {

    private static final String SUCCESS = "https://shop.example/billing/success?plan=pro";
    private static final String FAIL = "https://shop.example/billing/fail";

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> fields(String customerKey, String card, String action) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("customerKey", customerKey);
        fields.put("successUrl", SUCCESS);
        fields.put("failUrl", FAIL);
        if (card != null) {
            fields.put("card", card);
        }
        fields.put("action", action);
        return fields;
    }

    private Answer submit(Map<String, String> fields) {
        return send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/billing-auth/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                .build());
    }

    @Test
    void the_billing_auth_page_shows_the_customer_the_test_cards_and_the_two_buttons() {
        String customerKey = customerKey();

        Answer page = sandboxGet("/sandbox/billing-auth?" + form(Map.of("customerKey", customerKey, "successUrl", SUCCESS, "failUrl", FAIL)));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body())
                .contains(customerKey)
                .contains("action=\"/sandbox/billing-auth/authorize\"")
                .contains("value=\"NORMAL\" checked", "value=\"REJECT_CARD_PAYMENT\"", "value=\"INVALID_CARD_EXPIRATION\"")
                .contains("value=\"REGISTER\"", "value=\"CANCEL\"")
                .contains("value=\"" + SUCCESS + "\"")
                .doesNotContain("<script", "<link");
    }

    @Test
    void the_billing_auth_page_refuses_a_malformed_customer_key_or_a_non_http_url() {
        Answer badKey = sandboxGet("/sandbox/billing-auth?" + form(Map.of("customerKey", "x", "successUrl", SUCCESS, "failUrl", FAIL)));
        Answer badChars = sandboxGet("/sandbox/billing-auth?" + form(Map.of("customerKey", "user 1", "successUrl", SUCCESS, "failUrl", FAIL)));
        Answer badUrl = sandboxGet("/sandbox/billing-auth?" + form(Map.of("customerKey", customerKey(), "successUrl", "javascript:alert(1)", "failUrl", FAIL)));

        assertThat(badKey.status()).isEqualTo(400);
        assertThat(badChars.status()).isEqualTo(400);
        assertThat(badUrl.status()).isEqualTo(400);
        assertThat(badUrl.body()).contains("successUrl");
    }

    @Test
    void registering_a_card_redirects_to_the_success_url_with_the_customer_key_and_an_auth_key_that_issues() {
        String customerKey = customerKey();

        Answer answer = submit(fields(customerKey, "NORMAL", "REGISTER"));

        assertThat(answer.status()).isEqualTo(302);
        String location = answer.header("Location");
        assertThat(location).startsWith("https://shop.example/billing/success?plan=pro&customerKey=");
        Map<String, String> query = queryOf(location);
        assertThat(query).containsOnlyKeys("plan", "customerKey", "authKey").containsEntry("customerKey", customerKey);
        Answer issued = issue(query.get("authKey"), customerKey);
        assertThat(issued.status()).isEqualTo(200);
        assertThat(issued.json().path("customerKey").asText()).isEqualTo(customerKey);
    }

    @Test
    void a_card_chosen_in_the_window_decides_how_its_charges_end() {
        String customerKey = customerKey();
        String authKey = queryOf(submit(fields(customerKey, "REJECT_CARD_PAYMENT", "REGISTER")).header("Location")).get("authKey");
        String billingKey = issue(authKey, customerKey).json().path("billingKey").asText();

        Answer charged = charge(billingKey, customerKey, orderId(), 9_900, newKey());

        assertThat(charged.status()).isEqualTo(403);
        assertThat(charged.code()).isEqualTo("REJECT_CARD_PAYMENT");
    }

    @Test
    void canceling_in_the_window_redirects_to_the_fail_url_with_pay_process_canceled_and_grants_nothing() {
        Answer answer = submit(fields(customerKey(), "NORMAL", "CANCEL"));

        assertThat(answer.status()).isEqualTo(302);
        String location = answer.header("Location");
        assertThat(location).startsWith(FAIL + "?code=PAY_PROCESS_CANCELED&message=");
        assertThat(queryOf(location)).containsOnlyKeys("code", "message")
                .containsEntry("message", TossErrors.message("PAY_PROCESS_CANCELED"));
    }

    @Test
    void a_form_post_with_a_malformed_customer_key_gets_an_error_page_not_a_redirect() {
        Answer answer = submit(fields("!", "NORMAL", "REGISTER"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Location")).isNull();
    }

    @Test
    void the_json_shortcut_answers_201_with_an_auth_key_for_the_customer() {
        String customerKey = customerKey();

        Answer answer = sandboxPost("/sandbox/billing/authorize", Map.of("customerKey", customerKey, "card", "INVALID_CARD_EXPIRATION"));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().path("customerKey").asText()).isEqualTo(customerKey);
        String authKey = answer.json().path("authKey").asText();
        String billingKey = issue(authKey, customerKey).json().path("billingKey").asText();
        Answer charged = charge(billingKey, customerKey, orderId(), 1_000, newKey());
        assertThat(charged.status()).isEqualTo(400);
        assertThat(charged.code()).isEqualTo("INVALID_CARD_EXPIRATION");
    }

    @Test
    void the_json_shortcut_and_the_java_api_refuse_a_bad_customer_key_or_an_unknown_card() {
        assertThat(sandboxPost("/sandbox/billing/authorize", Map.of("customerKey", "a")).code()).isEqualTo("INVALID_REQUEST");
        assertThat(sandboxPost("/sandbox/billing/authorize", Map.of("customerKey", "x".repeat(301))).status()).isEqualTo(400);
        assertThat(sandboxPost("/sandbox/billing/authorize", Map.of("customerKey", customerKey(), "card", "MADE_UP")).status())
                .isEqualTo(400);
        assertThat(sandboxPost("/sandbox/billing/authorize", Map.of("customerKey", "ok.user@shop_=-1")).status()).isEqualTo(201);
        assertThatThrownBy(() -> sandbox.authorizeBilling("has space", null))
                .isInstanceOfSatisfying(TossApiException.class, e -> assertThat(e.code()).isEqualTo("INVALID_REQUEST"));
    }
}
