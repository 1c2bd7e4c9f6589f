package com.grow.payments.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The buyer's side of automatic payments: the billing-auth window that SDK {@code requestBillingAuth}
 * opens (an HTML page) and its JSON twin. Registering a card here is what makes an authKey exist; the
 * merchant's server then exchanges it for a billing key.
 */
final class BillingAuthPage {

    /** The card that approves every charge. */
    static final String NORMAL_CARD = "NORMAL";
    static final String REGISTER = "REGISTER";
    static final String BUYER_CANCEL = "CANCEL";

    private final PaymentStore store;
    private final BillingRegistry registry;

    BillingAuthPage(PaymentStore store, BillingRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    void register(Router router) {
        router.sandbox("GET", "/sandbox/billing-auth", "billing-auth", this::page)
                .sandbox("POST", "/sandbox/billing-auth/authorize", "billing-auth", this::submit)
                .sandbox("POST", "/sandbox/billing/authorize", "billing-authorize", this::authorizeJson);
    }

    /**
     * Registers a test card for the customer, as the window does, and returns the authKey.
     * {@code cardOutcome} null or "NORMAL" approves every charge; a Toss error code (e.g.
     * REJECT_CARD_PAYMENT) is what every charge with this card answers.
     */
    String authorize(String customerKey, String cardOutcome) {
        BillingApi.requireCustomerKey(customerKey);
        String outcome = normalizeCard(cardOutcome);
        return store.atomically(() -> registry.grant(customerKey, outcome, store.now()));
    }

    private static String normalizeCard(String card) {
        if (card == null || card.isBlank() || NORMAL_CARD.equalsIgnoreCase(card.trim())
                || CheckoutPage.APPROVE.equalsIgnoreCase(card.trim())) {
            return null;
        }
        String code = card.trim();
        if (!TossErrors.isKnown(code)) {
            throw TossApiException.invalidRequest("알 수 없는 테스트 카드입니다: " + code);
        }
        return code;
    }

    private SandboxResponse page(SandboxRequest request) {
        try {
            return SandboxResponse.html(200, BillingAuthHtml.window(AuthForm.read(request::query)));
        } catch (TossApiException e) {
            return SandboxResponse.html(400, CheckoutHtml.problem(e.getMessage()));
        }
    }

    private SandboxResponse submit(SandboxRequest request) {
        Map<String, String> fields = request.form();
        AuthForm form;
        try {
            form = AuthForm.read(fields::get);
        } catch (TossApiException e) {
            return SandboxResponse.html(400, CheckoutHtml.problem(e.getMessage()));
        }
        if (BUYER_CANCEL.equalsIgnoreCase(fields.get("action"))) {
            return failRedirect(form, "PAY_PROCESS_CANCELED", TossErrors.message("PAY_PROCESS_CANCELED"));
        }
        String authKey;
        try {
            authKey = authorize(form.customerKey(), fields.get("card"));
        } catch (TossApiException e) {
            return failRedirect(form, e.code(), e.getMessage());
        }
        // As after requestBillingAuth: successUrl gets customerKey and authKey, nothing else.
        Map<String, String> query = new LinkedHashMap<>();
        query.put("customerKey", form.customerKey());
        query.put("authKey", authKey);
        return SandboxResponse.redirect(CheckoutPage.appendQuery(form.successUrl(), query));
    }

    private SandboxResponse authorizeJson(SandboxRequest request) {
        JsonNode body = request.json();
        String customerKey = Json.requiredText(body, "customerKey");
        String authKey = authorize(customerKey, Json.optionalText(body, "card"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("authKey", authKey);
        answer.put("customerKey", customerKey);
        return SandboxResponse.json(201, answer);
    }

    private static SandboxResponse failRedirect(AuthForm form, String code, String message) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("code", code);
        query.put("message", message);
        return SandboxResponse.redirect(CheckoutPage.appendQuery(form.failUrl(), query));
    }

    /** The window's inputs, validated the same way for the page and for its form post. */
    record AuthForm(String customerKey, String successUrl, String failUrl) {

        static AuthForm read(CheckoutPage.CheckoutForm.Source source) {
            String customerKey = BillingApi.requireCustomerKey(source.get("customerKey"));
            return new AuthForm(customerKey,
                    CheckoutPage.CheckoutForm.httpUrl(source.get("successUrl"), "successUrl"),
                    CheckoutPage.CheckoutForm.httpUrl(source.get("failUrl"), "failUrl"));
        }
    }
}
