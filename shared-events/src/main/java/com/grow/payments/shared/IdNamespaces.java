package com.grow.payments.shared;

import java.util.List;
import java.util.Locale;

/**
 * The id namespaces the service makes itself, in one place. Order ids in a reserved namespace are
 * the service's own charges (a subscription cycle's order id, say): a caller who could check out
 * such an id could pay, refund and then pass off Toss's record of it as the service's charge, so
 * callers may never choose one (docs/money-rules.md).
 */
public final class IdNamespaces {

    /** One-time payments whose caller left the order id out. Not reserved: the id is the caller's. */
    public static final String ORDER = "ord_";
    /** A subscription cycle's charge: {@code sub_<subscriptionId>_<cycleNo>}. */
    public static final String CYCLE_CHARGE = "sub_";
    /** Billing keys. */
    public static final String BILLING_KEY = "bk_";
    /** Subscriptions; a one-letter prefix, so not reserved as order ids (any {@code shop-1} would be). */
    public static final String SUBSCRIPTION = "s";

    private static final List<String> RESERVED_ORDER_IDS = List.of(CYCLE_CHARGE, BILLING_KEY);

    private IdNamespaces() {
    }

    /** Whether an order id lies in a namespace only the service may use; case does not matter. */
    public static boolean isReservedOrderId(String orderId) {
        if (orderId == null) {
            return false;
        }
        String lower = orderId.toLowerCase(Locale.ROOT);
        return RESERVED_ORDER_IDS.stream().anyMatch(lower::startsWith);
    }
}
