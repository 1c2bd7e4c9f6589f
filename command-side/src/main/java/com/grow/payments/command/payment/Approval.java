package com.grow.payments.command.payment;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.payment.CardSummary;
import com.grow.payments.shared.payment.FailureCode;
import com.grow.payments.shared.payment.PaymentApproved;
import com.grow.payments.shared.payment.PaymentCompensationStarted;
import com.grow.payments.shared.payment.PaymentStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * Toss says it approved: the approval is recorded, or — if this payment cannot stand (declined or
 * expired meanwhile, or approved for another amount) — refunded in full by a compensation. An
 * approval already recorded, refunded or being refunded changes nothing.
 */
final class Approval {

    private Approval() {
    }

    /** What Toss approved, as Toss reports it. */
    record Approved(Money amount, String method, CardSummary card, String receiptUrl, String transactionKey,
                    Instant at) {
    }

    static Optional<Object> of(PaymentSnapshot p, Approved approved) {
        PaymentStatus status = p.status();
        if (status == PaymentStatus.DONE || status == PaymentStatus.PARTIAL_CANCELED
                || status == PaymentStatus.CANCELED || p.compensating()) {
            return Optional.empty();
        }
        if (status == PaymentStatus.ABORTED || status == PaymentStatus.EXPIRED) {
            return Optional.of(compensation(p, approved, status == PaymentStatus.ABORTED
                    ? FailureCode.APPROVED_AFTER_ABORTED : FailureCode.APPROVED_AFTER_EXPIRED));
        }
        if (!p.amount().sameAs(approved.amount())) {
            return Optional.of(compensation(p, approved, FailureCode.AMOUNT_MISMATCH));
        }
        return Optional.of(new PaymentApproved(p.orderId(), p.paymentKey(), approved.amount(), approved.method(),
                approved.card(), approved.receiptUrl(), approved.transactionKey(), approved.at()));
    }

    private static PaymentCompensationStarted compensation(PaymentSnapshot p, Approved approved, FailureCode why) {
        return new PaymentCompensationStarted(p.orderId(), p.paymentKey(), approved.amount(), why.name());
    }
}
