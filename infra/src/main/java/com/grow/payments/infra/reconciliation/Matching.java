package com.grow.payments.infra.reconciliation;

import java.util.Objects;
import java.util.Optional;

/**
 * Compares one of Toss's transactions with what we recorded of its order, and says what to do. Pure:
 * no Toss, no database.
 *
 * <ul>
 *   <li>our movement with Toss's transaction key (or, for an approval, our approval of the same
 *   payment): {@code MATCHED} when payment key, order and amount agree, else {@code MISMATCHED};</li>
 *   <li>none, but we know the order: {@code MISSING_HERE}, or {@code MISMATCHED} when Toss approved
 *   another amount than was checked out; either way it is looked up at Toss;</li>
 *   <li>an order we never saw: {@code MISSING_HERE} for an operator, since there is nothing here to
 *   settle.</li>
 * </ul>
 * A mismatch also asks for an operator: a look-up settles the payment by the usual rules, but a
 * disagreement about an amount is for a person to explain.
 */
public final class Matching {

    /** The verdict on one transaction, ready to store as an item. */
    public record Verdict(ItemStatus status, Long ourAmount, String ourStatus, ItemAction action,
                          boolean needsAttention, String note) {
    }

    private Matching() {
    }

    public static Verdict compare(TossTransaction toss, OurOrder ours) {
        Optional<OurTransaction> same = ours.byTransactionKey(toss.transactionKey())
                .or(() -> ours.sameMovement(toss.kind(), toss.paymentKey(), toss.amount()));
        if (same.isPresent()) {
            OurTransaction tx = same.get();
            boolean agrees = tx.amount() == toss.amount() && tx.kind() == toss.kind()
                    && Objects.equals(tx.paymentKey(), toss.paymentKey()) && Objects.equals(tx.orderId(), toss.orderId());
            return agrees
                    ? new Verdict(ItemStatus.MATCHED, tx.amount(), ours.status(), ItemAction.NONE, false, null)
                    : new Verdict(ItemStatus.MISMATCHED, tx.amount(), ours.status(), ItemAction.LOOKUP, true,
                            "amount or payment differs from ours");
        }
        if (!ours.known()) {
            return new Verdict(ItemStatus.MISSING_HERE, null, null, ItemAction.FLAG, true, "no such order here");
        }
        if (toss.kind() == ItemKind.APPROVAL && ours.expectedAmount() != null
                && ours.expectedAmount() != toss.amount()) {
            return new Verdict(ItemStatus.MISMATCHED, ours.expectedAmount(), ours.status(), ItemAction.LOOKUP, true,
                    "Toss approved another amount than was checked out");
        }
        return new Verdict(ItemStatus.MISSING_HERE, null, ours.status(), ItemAction.LOOKUP, false, null);
    }

    /** One of ours that Toss's list of the period does not hold. */
    public static Verdict missingAtToss(OurTransaction ours, String ourStatus) {
        return new Verdict(ItemStatus.MISSING_AT_TOSS, ours.amount(), ourStatus, ItemAction.FLAG, true,
                "recorded here, not in Toss's list");
    }
}
