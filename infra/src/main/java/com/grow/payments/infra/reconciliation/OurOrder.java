package com.grow.payments.infra.reconciliation;

import java.util.List;
import java.util.Optional;

/**
 * What we recorded of one order, from its events: whether we know it at all, what was checked out,
 * where its money stands and each money movement.
 *
 * @param expectedAmount the checked-out amount, when the order began with a checkout here
 * @param status         where its money stands (DONE, PARTIAL_CANCELED, ...); READY before any
 */
public record OurOrder(String orderId, boolean known, Long expectedAmount, String status,
                       List<OurTransaction> transactions) {

    public static OurOrder unknown(String orderId) {
        return new OurOrder(orderId, false, null, null, List.of());
    }

    public Optional<OurTransaction> byTransactionKey(String transactionKey) {
        return transactions.stream().filter(tx -> transactionKey.equals(tx.transactionKey())).findFirst();
    }

    /** Our movement of this kind on this payment whose own key is not Toss's (or that has none). */
    public Optional<OurTransaction> sameMovement(ItemKind kind, String paymentKey, long amount) {
        return transactions.stream()
                .filter(tx -> tx.kind() == kind && paymentKey != null && paymentKey.equals(tx.paymentKey()))
                // a payment has one approval; a cancel without a key of its own must be the same amount
                .filter(tx -> kind == ItemKind.APPROVAL || tx.transactionKey() == null && tx.amount() == amount)
                .findFirst();
    }
}
