package com.grow.payments.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Counters that let tests prove a client's behaviour, above all that an order was approved at most
 * once however many times its confirm was retried. Thread-safe; readable while calls run.
 */
public final class SandboxStats {

    private static final class OrderCounters {
        final LongAdder confirmRequests = new LongAdder();
        final LongAdder approvals = new LongAdder();
        final LongAdder cancelExecutions = new LongAdder();
        final LongAdder billingCharges = new LongAdder();
        final LongAdder cashReceiptsIssued = new LongAdder();
    }

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    // Per secret key and per merchant, endpoint -> count: "the wrong merchant's key made no look-up".
    private final Map<String, Map<String, LongAdder>> byKey = new ConcurrentHashMap<>();
    private final Map<String, Map<String, LongAdder>> byMerchant = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> paths = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> keyPaths = new ConcurrentHashMap<>();
    private final Map<String, OrderCounters> orders = new ConcurrentHashMap<>();
    private final LongAdder approvals = new LongAdder();
    private final LongAdder cancelExecutions = new LongAdder();
    private final LongAdder approvedAmount = new LongAdder();
    private final LongAdder canceledAmount = new LongAdder();
    private final LongAdder billingKeysIssued = new LongAdder();
    private final LongAdder billingKeysDeleted = new LongAdder();

    /** Requests received by an endpoint ("confirm", "cancel", "lookup", "authorize", ...), whatever their fate. */
    public long requests(String endpoint) {
        LongAdder adder = requests.get(endpoint);
        return adder == null ? 0 : adder.sum();
    }

    public Map<String, Long> requestsByEndpoint() {
        Map<String, Long> out = new TreeMap<>();
        requests.forEach((endpoint, adder) -> out.put(endpoint, adder.sum()));
        return out;
    }

    /**
     * Authenticated requests made with this secret key to an endpoint ("lookup", "cancel", "billing",
     * "transactions", ...), whatever their fate (faults, forced test codes and replays included).
     */
    public long requestsByKey(String secretKey, String endpoint) {
        return count(byKey, secretKey, endpoint);
    }

    /** Every endpoint this secret key called, with its count. */
    public Map<String, Long> requestsByKey(String secretKey) {
        return counts(byKey.get(secretKey));
    }

    /** As {@link #requestsByKey(String, String)}, summed over every key of the merchant ({@code mId}). */
    public long requestsByMerchant(String mid, String endpoint) {
        return count(byMerchant, mid, endpoint);
    }

    public Map<String, Long> requestsByMerchant(String mid) {
        return counts(byMerchant.get(mid));
    }

    /**
     * Requests received for one exact path, e.g. {@code "GET /v1/payments/orders/ord_1"}: every
     * request counts, whether a route took it or not, so a test can prove a call was never made.
     */
    public long requests(String method, String path) {
        LongAdder adder = paths.get(method + " " + path);
        return adder == null ? 0 : adder.sum();
    }

    /**
     * Authenticated requests made with this secret key for one exact path, e.g. {@code "GET",
     * "/v1/payments/orders/ord_1"}: proves which merchant's key asked about one order, and that
     * another merchant's never did.
     */
    public long requestsByKey(String secretKey, String method, String path) {
        LongAdder adder = keyPaths.get(secretKey + " " + method + " " + path);
        return adder == null ? 0 : adder.sum();
    }

    public Map<String, Long> requestsByPath() {
        Map<String, Long> out = new TreeMap<>();
        paths.forEach((path, adder) -> out.put(path, adder.sum()));
        return out;
    }

    /** Authenticated confirm requests naming this order, including replays and faulted ones. */
    public long confirmRequests(String orderId) {
        return order(orderId, counters -> counters.confirmRequests);
    }

    /**
     * Authenticated billing charge requests naming this order, counted on arrival at the charge
     * endpoint like {@link #confirmRequests}: replays and faulted ones included.
     */
    public long billingCharges(String orderId) {
        return order(orderId, counters -> counters.billingCharges);
    }

    /** Times the order actually moved to DONE, by confirm or by a billing charge; a correct client never makes this exceed 1. */
    public long approvals(String orderId) {
        return order(orderId, counters -> counters.approvals);
    }

    /** Cancels that actually ran against the order (replays not counted). */
    public long cancelExecutions(String orderId) {
        return order(orderId, counters -> counters.cancelExecutions);
    }

    /**
     * Cash receipts issued for this order, by {@code POST /v1/cash-receipts} (replays not counted) or by a
     * virtual account's deposit; a client that never issues twice keeps this at most 1.
     */
    public long cashReceiptsIssued(String orderId) {
        return order(orderId, counters -> counters.cashReceiptsIssued);
    }

    public long totalApprovals() {
        return approvals.sum();
    }

    public long totalCancelExecutions() {
        return cancelExecutions.sum();
    }

    /** Billing keys handed out by the issue API (replays not counted). */
    public long billingKeysIssued() {
        return billingKeysIssued.sum();
    }

    /** Billing keys deleted, through the delete API or on Toss's side (see TossSandbox#deleteBillingKeyAtToss). */
    public long billingKeysDeleted() {
        return billingKeysDeleted.sum();
    }

    public long approvedAmountTotal() {
        return approvedAmount.sum();
    }

    public long canceledAmountTotal() {
        return canceledAmount.sum();
    }

    void recordRequest(String endpoint) {
        requests.computeIfAbsent(endpoint, e -> new LongAdder()).increment();
    }

    void recordKeyRequest(String secretKey, String mid, String endpoint) {
        byKey.computeIfAbsent(secretKey, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(endpoint, e -> new LongAdder()).increment();
        if (mid != null) {
            byMerchant.computeIfAbsent(mid, m -> new ConcurrentHashMap<>())
                    .computeIfAbsent(endpoint, e -> new LongAdder()).increment();
        }
    }

    void recordKeyPath(String secretKey, String method, String path) {
        keyPaths.computeIfAbsent(secretKey + " " + method + " " + path, p -> new LongAdder()).increment();
    }

    void recordPath(String method, String path) {
        paths.computeIfAbsent(method + " " + path, p -> new LongAdder()).increment();
    }

    void recordConfirmRequest(String orderId) {
        counters(orderId).confirmRequests.increment();
    }

    void recordBillingCharge(String orderId) {
        counters(orderId).billingCharges.increment();
    }

    void recordCashReceiptIssued(String orderId) {
        counters(orderId).cashReceiptsIssued.increment();
    }

    void recordBillingKeyIssued() {
        billingKeysIssued.increment();
    }

    void recordBillingKeyDeleted() {
        billingKeysDeleted.increment();
    }

    void recordApproval(String orderId, long amount) {
        counters(orderId).approvals.increment();
        approvals.increment();
        approvedAmount.add(amount);
    }

    void recordCancel(String orderId, long amount) {
        counters(orderId).cancelExecutions.increment();
        cancelExecutions.increment();
        canceledAmount.add(amount);
    }

    void reset() {
        requests.clear();
        byKey.clear();
        byMerchant.clear();
        paths.clear();
        keyPaths.clear();
        orders.clear();
        approvals.reset();
        cancelExecutions.reset();
        approvedAmount.reset();
        canceledAmount.reset();
        billingKeysIssued.reset();
        billingKeysDeleted.reset();
    }

    Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("requests", requestsByEndpoint());
        Map<String, Object> merchants = new TreeMap<>();
        byMerchant.forEach((mid, endpoints) -> merchants.put(mid, counts(endpoints)));
        out.put("requestsByMerchant", merchants);
        Map<String, Object> keys = new TreeMap<>();
        byKey.forEach((key, endpoints) -> keys.put(mask(key), counts(endpoints)));
        out.put("requestsByKey", keys);
        out.put("requestsByPath", requestsByPath());
        out.put("totalApprovals", totalApprovals());
        out.put("totalCancelExecutions", totalCancelExecutions());
        out.put("approvedAmountTotal", approvedAmountTotal());
        out.put("canceledAmountTotal", canceledAmountTotal());
        out.put("billingKeysIssued", billingKeysIssued());
        out.put("billingKeysDeleted", billingKeysDeleted());
        Map<String, Object> perOrder = new TreeMap<>();
        orders.forEach((orderId, counters) -> {
            Map<String, Long> row = new LinkedHashMap<>();
            row.put("confirmRequests", counters.confirmRequests.sum());
            row.put("approvals", counters.approvals.sum());
            row.put("cancelExecutions", counters.cancelExecutions.sum());
            row.put("billingCharges", counters.billingCharges.sum());
            row.put("cashReceiptsIssued", counters.cashReceiptsIssued.sum());
            perOrder.put(orderId, row);
        });
        out.put("orders", perOrder);
        return out;
    }

    /** A secret key as it may be shown: its prefix and last four characters, never the whole key. */
    static String mask(String secretKey) {
        int underscore = secretKey.lastIndexOf('_');
        String prefix = underscore >= 0 && underscore < secretKey.length() - 4 ? secretKey.substring(0, underscore + 1) : "";
        String tail = secretKey.length() > 8 ? secretKey.substring(secretKey.length() - 4) : "";
        return prefix + "****" + tail;
    }

    private static long count(Map<String, Map<String, LongAdder>> table, String owner, String endpoint) {
        Map<String, LongAdder> endpoints = owner == null ? null : table.get(owner);
        LongAdder adder = endpoints == null ? null : endpoints.get(endpoint);
        return adder == null ? 0 : adder.sum();
    }

    private static Map<String, Long> counts(Map<String, LongAdder> endpoints) {
        Map<String, Long> out = new TreeMap<>();
        if (endpoints != null) {
            endpoints.forEach((endpoint, adder) -> out.put(endpoint, adder.sum()));
        }
        return out;
    }

    private OrderCounters counters(String orderId) {
        return orders.computeIfAbsent(orderId, id -> new OrderCounters());
    }

    private long order(String orderId, Function<OrderCounters, LongAdder> counter) {
        OrderCounters counters = orders.get(orderId);
        return counters == null ? 0 : counter.apply(counters).sum();
    }
}
