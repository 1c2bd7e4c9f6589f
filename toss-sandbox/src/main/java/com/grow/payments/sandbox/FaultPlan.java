package com.grow.payments.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Faults waiting for the next matching Toss API calls, plus a global latency. Thread-safe.
 * <p>
 * Injected faults form one FIFO queue; a call takes the oldest entry aimed at its endpoint or at
 * {@link #ANY}. This keeps "the next N confirms fail, then the next cancel times out" in the order
 * the test wrote it.
 */
public final class FaultPlan {

    public static final String CONFIRM = "confirm";
    public static final String CANCEL = "cancel";
    public static final String LOOKUP = "lookup";
    /** Billing charges, {@code POST /v1/billing/{billingKey}}. */
    public static final String BILLING = "billing";
    /** {@code POST /v1/billing/authorizations/issue}. */
    public static final String BILLING_ISSUE = "billing-issue";
    /** {@code DELETE /v1/billing/{billingKey}}. */
    public static final String BILLING_DELETE = "billing-delete";
    /** {@code POST /v1/virtual-accounts}. */
    public static final String VIRTUAL_ACCOUNT = "virtual-account";
    /** {@code POST /v1/cash-receipts}. */
    public static final String CASH_RECEIPT = "cash-receipt";
    /** {@code POST /v1/cash-receipts/{receiptKey}/cancel}. */
    public static final String CASH_RECEIPT_CANCEL = "cash-receipt-cancel";
    /** {@code GET /v1/cash-receipts}. */
    public static final String CASH_RECEIPT_LOOKUP = "cash-receipt-lookup";
    /** {@code GET /v1/transactions}. */
    public static final String TRANSACTIONS = "transactions";
    /** {@code GET /v1/settlements}. */
    public static final String SETTLEMENTS = "settlements";
    public static final String ANY = "any";

    /** How long TIMEOUT and LOST_ANSWER hold the connection when no hold is given. */
    public static final Duration DEFAULT_HOLD = Duration.ofSeconds(30);

    /** One fault as applied to one call. */
    public record Fault(String endpoint, FaultKind kind, Duration hold) {
    }

    private static final class Slot {
        final Fault fault;
        int remaining;

        Slot(Fault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private final Set<String> endpoints;
    private final LinkedList<Slot> queue = new LinkedList<>();
    private volatile Duration latency = Duration.ZERO;

    /** @param endpoints the Toss API endpoint names faults may target (a typo should fail loudly) */
    FaultPlan(Set<String> endpoints) {
        this.endpoints = Set.copyOf(endpoints);
    }

    /** The next {@code count} calls to {@code endpoint} get {@code kind}; silent kinds hold for {@link #DEFAULT_HOLD}. */
    public FaultPlan inject(String endpoint, FaultKind kind, int count) {
        return inject(endpoint, kind, count, DEFAULT_HOLD);
    }

    /** As {@link #inject(String, FaultKind, int)}, with the hold used by TIMEOUT and LOST_ANSWER. */
    public synchronized FaultPlan inject(String endpoint, FaultKind kind, int count, Duration hold) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(hold, "hold");
        if (endpoint == null || !(ANY.equals(endpoint) || endpoints.contains(endpoint))) {
            throw new IllegalArgumentException("unknown endpoint '" + endpoint + "'; expected one of "
                    + endpoints + " or " + ANY);
        }
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        if (hold.isNegative()) {
            throw new IllegalArgumentException("hold must not be negative: " + hold);
        }
        queue.add(new Slot(new Fault(endpoint, kind, hold), count));
        return this;
    }

    /** Delay added before every Toss API answer; zero turns it off. */
    public FaultPlan latency(Duration latency) {
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative: " + latency);
        }
        this.latency = latency;
        return this;
    }

    public Duration latency() {
        return latency;
    }

    /** Faults still waiting for calls to this endpoint (entries aimed at "any" count too). */
    public synchronized int pending(String endpoint) {
        int total = 0;
        for (Slot slot : queue) {
            if (applies(slot, endpoint)) {
                total += slot.remaining;
            }
        }
        return total;
    }

    /** Drops every waiting fault; latency is kept. */
    public synchronized void clearFaults() {
        queue.clear();
    }

    /** Drops every waiting fault and sets latency back to zero. */
    public synchronized void clear() {
        queue.clear();
        latency = Duration.ZERO;
    }

    /** Consumes the fault for one call, if any is waiting for its endpoint. */
    synchronized Optional<Fault> take(String endpoint) {
        Iterator<Slot> it = queue.iterator();
        while (it.hasNext()) {
            Slot slot = it.next();
            if (applies(slot, endpoint)) {
                if (--slot.remaining == 0) {
                    it.remove();
                }
                return Optional.of(slot.fault);
            }
        }
        return Optional.empty();
    }

    synchronized List<Map<String, Object>> describe() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Slot slot : queue) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("endpoint", slot.fault.endpoint());
            row.put("kind", slot.fault.kind().name());
            row.put("remaining", slot.remaining);
            row.put("holdMillis", slot.fault.hold().toMillis());
            out.add(row);
        }
        return out;
    }

    private static boolean applies(Slot slot, String endpoint) {
        return ANY.equals(slot.fault.endpoint()) || slot.fault.endpoint().equals(endpoint);
    }
}
