package com.grow.payments.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The buyer's side of Toss: the payment window (an HTML page with no external assets) and its JSON
 * twin for curl and tests. Authorizing here is what makes a paymentKey exist; confirm comes later
 * from the merchant's server.
 */
final class CheckoutPage {

    static final String APPROVE = "APPROVE";
    static final String BUYER_CANCEL = "CANCEL";

    private final PaymentStore store;

    CheckoutPage(PaymentStore store) {
        this.store = store;
    }

    void register(Router router) {
        router.sandbox("GET", "/sandbox/checkout", "checkout", this::page)
                .sandbox("POST", "/sandbox/checkout/authorize", "checkout", this::submit)
                .sandbox("POST", "/sandbox/authorize", "authorize", this::authorizeJson)
                .sandbox("GET", "/sandbox/receipts/{paymentKey}", "receipt", this::receipt);
    }

    /**
     * Creates an authenticated session (IN_PROGRESS) as the window does once the buyer's card is
     * authenticated. {@code outcome} null or "APPROVE" approves at confirm; a Toss error code
     * (e.g. REJECT_CARD_PAYMENT) is what confirm will answer.
     */
    PaymentRecord authorize(String orderId, String orderName, long amount, String outcome) {
        return authorize(null, orderId, orderName, amount, 0L, outcome);
    }

    /**
     * As {@link #authorize(String, String, long, String)}, for merchant {@code mid} (null: whichever merchant
     * confirms it) with a tax-free part, as the window's {@code taxFreeAmount} parameter sets it.
     */
    PaymentRecord authorize(String mid, String orderId, String orderName, long amount, long taxFreeAmount,
                            String outcome) {
        if (!TossFormats.isValidOrderId(orderId)) {
            throw TossApiException.invalidRequest("orderId 는 영문 대소문자, 숫자, -, _ 로 이루어진 6자 이상 64자 이하여야 합니다.");
        }
        if (orderName == null || orderName.isBlank() || orderName.length() > 100) {
            throw TossApiException.invalidRequest("orderName 은 1자 이상 100자 이하여야 합니다.");
        }
        if (amount <= 0) {
            throw TossApiException.invalidRequest("amount 는 0보다 커야 합니다.");
        }
        if (taxFreeAmount < 0 || taxFreeAmount > amount) {
            throw TossApiException.invalidRequest("taxFreeAmount 는 0 이상 amount 이하여야 합니다.");
        }
        return store.authorize(mid, orderId, orderName, amount, taxFreeAmount, normalizeOutcome(outcome));
    }

    private static String normalizeOutcome(String outcome) {
        if (outcome == null || outcome.isBlank() || APPROVE.equalsIgnoreCase(outcome.trim())) {
            return null;
        }
        String code = outcome.trim();
        if (!TossErrors.isKnown(code)) {
            throw TossApiException.invalidRequest("알 수 없는 outcome 입니다: " + code);
        }
        return code;
    }

    private SandboxResponse page(SandboxRequest request) {
        CheckoutForm form;
        try {
            form = CheckoutForm.read(request::query);
        } catch (TossApiException e) {
            return SandboxResponse.html(400, CheckoutHtml.problem(e.getMessage()));
        }
        return SandboxResponse.html(200, CheckoutHtml.window(form));
    }

    private SandboxResponse submit(SandboxRequest request) {
        Map<String, String> fields = request.form();
        CheckoutForm form;
        try {
            form = CheckoutForm.read(fields::get);
        } catch (TossApiException e) {
            return SandboxResponse.html(400, CheckoutHtml.problem(e.getMessage()));
        }
        String outcome = fields.get("outcome");
        if (BUYER_CANCEL.equalsIgnoreCase(outcome)) {
            return failRedirect(form, "PAY_PROCESS_CANCELED", TossErrors.message("PAY_PROCESS_CANCELED"));
        }
        PaymentRecord record;
        try {
            record = authorize(null, form.orderId(), form.orderName(), form.amount(), form.taxFreeAmount(), outcome);
        } catch (TossApiException e) {
            return failRedirect(form, e.code(), e.getMessage());
        }
        // Declines still land on successUrl: Toss reports a card decline only when the merchant confirms.
        Map<String, String> query = new LinkedHashMap<>();
        query.put("paymentType", "NORMAL");
        query.put("orderId", record.orderId());
        query.put("paymentKey", record.paymentKey());
        query.put("amount", Long.toString(record.totalAmount()));
        return SandboxResponse.redirect(appendQuery(form.successUrl(), query));
    }

    private SandboxResponse authorizeJson(SandboxRequest request) {
        try {
            JsonNode body = request.json();
            String orderId = Json.requiredText(body, "orderId");
            String orderName = Json.requiredText(body, "orderName");
            long amount = Json.requiredPositiveLong(body, "amount");
            String outcome = Json.optionalText(body, "outcome");
            long taxFree = Json.optionalLong(body, "taxFreeAmount").orElse(0L);
            PaymentRecord record = authorize(Json.optionalText(body, "mId"), orderId, orderName, amount, taxFree,
                    outcome);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("paymentKey", record.paymentKey());
            answer.put("orderId", record.orderId());
            answer.put("amount", record.totalAmount());
            return SandboxResponse.json(201, answer);
        } catch (TossApiException e) {
            return e.toResponse();
        }
    }

    private SandboxResponse receipt(SandboxRequest request) {
        return store.snapshotByPaymentKey(request.pathParam("paymentKey"))
                .map(payment -> SandboxResponse.html(200, CheckoutHtml.receipt(payment)))
                .orElseGet(() -> SandboxResponse.html(404, CheckoutHtml.problem("존재하지 않는 결제 정보 입니다.")));
    }

    private static SandboxResponse failRedirect(CheckoutForm form, String code, String message) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("code", code);
        query.put("message", message);
        query.put("orderId", form.orderId());
        return SandboxResponse.redirect(appendQuery(form.failUrl(), query));
    }

    /** Adds parameters to a URL that may already carry a query or a fragment. */
    static String appendQuery(String url, Map<String, String> params) {
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        StringBuilder out = new StringBuilder(base);
        char separator = base.contains("?") ? '&' : '?';
        if (base.endsWith("?") || base.endsWith("&")) {
            separator = 0;
        }
        for (Map.Entry<String, String> param : params.entrySet()) {
            if (separator != 0) {
                out.append(separator);
            }
            out.append(URLEncoder.encode(param.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return out.append(fragment).toString();
    }

    /** The window's inputs, validated the same way for the page and for its form post. */
    record CheckoutForm(String orderId, String orderName, long amount, long taxFreeAmount, String successUrl,
                        String failUrl) {

        interface Source {
            String get(String name);
        }

        static CheckoutForm read(Source source) {
            String orderId = source.get("orderId");
            if (!TossFormats.isValidOrderId(orderId)) {
                throw TossApiException.invalidRequest("orderId 는 영문 대소문자, 숫자, -, _ 로 이루어진 6자 이상 64자 이하여야 합니다.");
            }
            String orderName = source.get("orderName");
            if (orderName == null || orderName.isBlank()) {
                throw TossApiException.invalidRequest("orderName 이 필요합니다.");
            }
            long amount;
            try {
                amount = Long.parseLong(String.valueOf(source.get("amount")));
            } catch (NumberFormatException e) {
                throw TossApiException.invalidRequest("amount 는 정수여야 합니다.");
            }
            if (amount <= 0) {
                throw TossApiException.invalidRequest("amount 는 0보다 커야 합니다.");
            }
            long taxFree;
            try {
                String text = source.get("taxFreeAmount");
                taxFree = text == null || text.isBlank() ? 0L : Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw TossApiException.invalidRequest("taxFreeAmount 는 정수여야 합니다.");
            }
            if (taxFree < 0 || taxFree > amount) {
                throw TossApiException.invalidRequest("taxFreeAmount 는 0 이상 amount 이하여야 합니다.");
            }
            return new CheckoutForm(orderId, orderName, amount, taxFree, httpUrl(source.get("successUrl"), "successUrl"),
                    httpUrl(source.get("failUrl"), "failUrl"));
        }

        /** The value if it is an absolute http(s) URL, else INVALID_REQUEST naming the parameter. */
        static String httpUrl(String value, String name) {
            try {
                URI uri = value == null ? null : URI.create(value);
                if (uri != null && uri.getHost() != null
                        && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                    return value;
                }
            } catch (IllegalArgumentException malformed) {
                // reported below
            }
            throw TossApiException.invalidRequest(name + " 은 http(s) 절대 URL 이어야 합니다.");
        }
    }
}
