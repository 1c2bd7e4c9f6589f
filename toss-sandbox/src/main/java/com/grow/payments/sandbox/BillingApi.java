package com.grow.payments.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Toss's automatic payments (자동결제, docs/toss.md): issue a billing key from an authKey, charge it,
 * delete it. A charge is a Payment of type BILLING in the same store as card payments, so the lookups
 * and cancel work on it unchanged.
 * <p>
 * Choices where Toss's behaviour is not documented: an unknown or deleted billing key answers
 * {@link TossErrors#UNKNOWN_BILLING_KEY}; an order that already took money answers ALREADY_PROCESSED_PAYMENT
 * (one order, one charge), while an order whose charges were all declined may be charged again; the
 * delete answer is a minimal {@code {billingKey, customerKey, deletedAt}}.
 */
final class BillingApi {

    /** The reason in Toss's official BILLING_DELETED sample for a deletion through the API. */
    static final String DELETED_BY_API = "삭제 API 요청";
    /** The reason recorded when the sandbox plays a deletion on Toss's side. */
    static final String DELETED_AT_TOSS = "카드사 요청에 의한 삭제";

    private static final int MAX_ORDER_NAME = 100;

    private final PaymentStore store;
    private final BillingRegistry registry;
    private final SandboxStats stats;
    private final PaymentJson json;
    private final WebhookOutbox outbox;

    BillingApi(PaymentStore store, BillingRegistry registry, SandboxStats stats, PaymentJson json,
               WebhookOutbox outbox) {
        this.store = store;
        this.registry = registry;
        this.stats = stats;
        this.json = json;
        this.outbox = outbox;
    }

    void register(Router router) {
        router.toss("POST", "/v1/billing/authorizations/issue", FaultPlan.BILLING_ISSUE, this::issue)
                .toss("POST", "/v1/billing/{billingKey}", FaultPlan.BILLING, this::charge, this::countCharge)
                .toss("DELETE", "/v1/billing/{billingKey}", FaultPlan.BILLING_DELETE, this::delete);
    }

    /** Plays Toss deleting a key on its own (e.g. the card company revoked it): same effect as the API, plus BILLING_DELETED. */
    void deleteAtToss(String billingKey, String reason) {
        store.atomically(() -> remove(null, billingKey, reason));
    }

    private SandboxResponse issue(SandboxRequest request) {
        JsonNode body = request.json();
        String authKey = Json.requiredText(body, "authKey");
        String customerKey = requireCustomerKey(Json.requiredText(body, "customerKey"));
        BillingRegistry.BillingKey issued = store.atomically(() -> registry.issue(authKey, customerKey, request.mid()));
        stats.recordBillingKeyIssued();
        return SandboxResponse.json(200, render(issued));
    }

    /** Counted on arrival, before faults or replays, like confirm. */
    private void countCharge(SandboxRequest request) {
        JsonNode body = request.jsonOrNull();
        JsonNode orderId = body == null ? null : body.get("orderId");
        if (orderId != null && orderId.isTextual()) {
            stats.recordBillingCharge(orderId.textValue());
        }
    }

    private record Charge(String mid, String billingKey, String customerKey, String orderId, String orderName,
                          long amount, long taxFreeAmount) {
    }

    private SandboxResponse charge(SandboxRequest request) {
        JsonNode body = request.json();
        String customerKey = Json.requiredText(body, "customerKey");
        String orderId = Json.requiredText(body, "orderId");
        if (!TossFormats.isValidOrderId(orderId)) {
            throw TossApiException.invalidRequest("orderId 는 영문 대소문자, 숫자, -, _ 로 이루어진 6자 이상 64자 이하여야 합니다.");
        }
        String orderName = Json.requiredText(body, "orderName");
        if (orderName.length() > MAX_ORDER_NAME) {
            throw TossApiException.invalidRequest("orderName 은 최대 100자입니다.");
        }
        long amount = Json.requiredPositiveLong(body, "amount");
        long taxFree = Json.optionalLong(body, "taxFreeAmount").orElse(0L);
        if (taxFree < 0 || taxFree > amount) {
            throw TossApiException.invalidRequest("taxFreeAmount 는 0 이상 amount 이하여야 합니다.");
        }
        // Accepted for their type only: they end up on Toss's receipt, not in the Payment object.
        Json.optionalText(body, "customerEmail");
        Json.optionalText(body, "customerName");
        Charge charge = new Charge(request.mid(), request.pathParam("billingKey"), customerKey, orderId, orderName,
                amount, taxFree);
        return store.atomically(() -> approve(charge));
    }

    private SandboxResponse approve(Charge charge) {
        BillingRegistry.BillingKey key = registry.active(charge.billingKey(), charge.mid());
        if (!key.customerKey().equals(charge.customerKey())) {
            throw new TossApiException("NOT_MATCHES_CUSTOMER_KEY");
        }
        if (store.orderPaid(key.mid(), charge.orderId())) {
            throw new TossApiException("ALREADY_PROCESSED_PAYMENT");
        }
        PaymentRecord payment = store.addBillingCharge(key.mid(), key.customerKey(), charge.orderId(),
                charge.orderName(), charge.amount(), charge.taxFreeAmount(), key.card(), key.cardOutcome());
        if (key.cardOutcome() != null) {
            // The decline is final for this attempt; the order stays open for another charge.
            TossApiException error = new TossApiException(key.cardOutcome());
            payment.abort(error.code(), error.getMessage());
            store.changed(payment);
            throw error;
        }
        payment.approve(store.now());
        stats.recordApproval(charge.orderId(), charge.amount());
        store.changed(payment);
        return SandboxResponse.json(200, json.render(payment.snapshot()));
    }

    private SandboxResponse delete(SandboxRequest request) {
        String billingKey = request.pathParam("billingKey");
        Map<String, Object> deleted = store.atomically(() -> remove(request.mid(), billingKey, DELETED_BY_API));
        return SandboxResponse.json(200, deleted);
    }

    /** Call with the lock held. Toss's own BILLING_DELETED sample is for an API deletion, so both paths send it. */
    private Map<String, Object> remove(String mid, String billingKey, String reason) {
        BillingRegistry.BillingKey key = registry.delete(billingKey, mid);
        Instant now = store.now();
        stats.recordBillingKeyDeleted();
        outbox.add(OutgoingWebhook.billingDeleted(key.billingKey(), reason, now));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("billingKey", key.billingKey());
        answer.put("customerKey", key.customerKey());
        answer.put("deletedAt", TossFormats.timestamp(now));
        return answer;
    }

    /** Toss's Billing object. */
    private ObjectNode render(BillingRegistry.BillingKey key) {
        ObjectNode n = Json.object();
        n.put("mId", key.mid());
        n.put("customerKey", key.customerKey());
        n.put("authenticatedAt", TossFormats.timestamp(key.authenticatedAt()));
        n.put("method", "카드");
        n.put("billingKey", key.billingKey());
        n.put("cardCompany", key.card().company());
        n.put("cardNumber", key.card().number());
        n.set("card", Json.object()
                .put("issuerCode", key.card().issuerCode())
                .put("acquirerCode", key.card().acquirerCode())
                .put("number", key.card().number())
                .put("cardType", "신용")
                .put("ownerType", "개인"));
        return n;
    }

    static String requireCustomerKey(String customerKey) {
        if (!TossFormats.isValidCustomerKey(customerKey)) {
            throw TossApiException.invalidRequest(
                    "customerKey 는 영문 대소문자, 숫자, 특수문자 -, _, =, ., @ 로 이루어진 2자 이상 300자 이하여야 합니다.");
        }
        return customerKey;
    }
}
