package com.grow.payments.infra.reconciliation;

import java.time.Instant;

/**
 * One money movement we recorded for an order, as Toss should list it.
 *
 * @param transactionKey Toss's key, when our event carries it (a subscription charge's does not)
 * @param at             when it happened at Toss, as our event says
 */
public record OurTransaction(String orderId, String paymentKey, String transactionKey, ItemKind kind, long amount,
                             Instant at) {

    /** The key an item about it is stored under: its transaction key, else its payment's. */
    public String itemKey() {
        return transactionKey != null ? transactionKey : "payment:" + paymentKey;
    }
}
