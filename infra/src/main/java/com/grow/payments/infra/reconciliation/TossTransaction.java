package com.grow.payments.infra.reconciliation;

import com.grow.payments.shared.payment.PaymentStatus;
import java.time.Instant;

/**
 * One row of Toss's transaction list: an approval or a cancel, as Toss recorded it.
 *
 * @param amount     what moved, always positive (a cancel's too)
 * @param status     the payment's status right after it, parsed; null when Toss sent one we do not know
 * @param tossStatus the status as Toss wrote it, shown in reports
 */
public record TossTransaction(String mid, String transactionKey, String paymentKey, String orderId, String method,
                              long amount, PaymentStatus status, String tossStatus, Instant transactionAt) {

    /** Money going back to the buyer: a cancel, or a deposit Toss reversed (the account waits again). */
    public ItemKind kind() {
        return status == PaymentStatus.CANCELED || status == PaymentStatus.PARTIAL_CANCELED
                || status == PaymentStatus.WAITING_FOR_DEPOSIT ? ItemKind.CANCEL : ItemKind.APPROVAL;
    }
}
