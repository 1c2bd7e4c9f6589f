package com.grow.payments.command.payment;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import com.grow.payments.shared.payment.PaymentDeposited;
import com.grow.payments.shared.payment.PaymentEventStatus;
import com.grow.payments.shared.payment.PaymentStatus;
import com.grow.payments.shared.payment.VirtualAccountIssued;
import java.time.Instant;

/**
 * What a payment knows, as its decisions read it: the decisions ({@link Reconciliation},
 * {@link PaymentCancels}, {@link VirtualAccounts}, {@link Approval}) take this and return the
 * events to apply, and never change it. The cancels and the tax-free part are read only.
 */
record PaymentSnapshot(
        OrderId orderId,
        Money amount,
        PaymentStatus status,
        PaymentKey paymentKey,
        Instant confirmationRequestedAt,
        Instant approvedAt,
        Money balance,
        String compensationReason,
        boolean flagged,
        boolean virtualAccount,
        Instant dueDate,
        Cancellations cancellations,
        TaxFree taxFree) {

    boolean compensating() {
        return compensationReason != null;
    }

    /** Waiting for the buyer's confirmation or Toss's answer to it (or to an account's opening). */
    boolean awaitingToss() {
        return status == PaymentStatus.IN_PROGRESS || status == PaymentStatus.UNKNOWN;
    }

    /**
     * The payment after an account was opened or paid, for a decision that goes on in the same
     * look-up (an account opened and already paid, a paid account with cancels at Toss).
     */
    PaymentSnapshot after(Object event) {
        PaymentStatus next = PaymentEventStatus.after(event, status);
        if (event instanceof VirtualAccountIssued e) {
            return new PaymentSnapshot(orderId, amount, next, e.paymentKey(), confirmationRequestedAt, approvedAt,
                    amount, compensationReason, flagged, virtualAccount, e.dueDate(), cancellations, taxFree);
        }
        if (event instanceof PaymentDeposited e) {
            return new PaymentSnapshot(orderId, amount, next, paymentKey, confirmationRequestedAt, e.depositedAt(),
                    e.amount(), compensationReason, flagged, virtualAccount, dueDate, cancellations, taxFree);
        }
        throw new IllegalArgumentException("no decision goes on after " + event.getClass().getSimpleName());
    }
}
