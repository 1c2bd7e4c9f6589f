package com.grow.payments.shared.payment;

import java.util.Optional;

/**
 * Which status each payment event leaves a payment in, written once: the aggregate's sourcing
 * handlers and {@link PaymentView}'s fold both read it, so the write side and the read side cannot
 * disagree. Every status is decided by the event alone; an event that changes no status (a cancel
 * asked, a flag) has none.
 */
public final class PaymentEventStatus {

    private PaymentEventStatus() {
    }

    /** The status {@code event} puts a payment in, or empty when it leaves the status as it is. */
    public static Optional<PaymentStatus> of(Object event) {
        return Optional.ofNullable(statusSetBy(event));
    }

    /** The status after {@code event} of a payment in {@code current}. */
    public static PaymentStatus after(Object event, PaymentStatus current) {
        PaymentStatus next = statusSetBy(event);
        return next == null ? current : next;
    }

    private static PaymentStatus statusSetBy(Object event) {
        if (event instanceof PaymentCheckedOut) {
            return PaymentStatus.READY;
        }
        if (event instanceof PaymentConfirmationRequested || event instanceof VirtualAccountRequested) {
            return PaymentStatus.IN_PROGRESS;
        }
        if (event instanceof VirtualAccountIssued || event instanceof PaymentDepositReversed) {
            // a deposit error at Toss puts a paid account back to waiting
            return PaymentStatus.WAITING_FOR_DEPOSIT;
        }
        if (event instanceof PaymentApproved || event instanceof PaymentDeposited) {
            return PaymentStatus.DONE;
        }
        if (event instanceof PaymentDeclined) {
            return PaymentStatus.ABORTED;
        }
        if (event instanceof PaymentExpired) {
            return PaymentStatus.EXPIRED;
        }
        if (event instanceof PaymentOutcomeUnknown || event instanceof PaymentCompensationStarted) {
            // a compensation is UNKNOWN until Toss's refund is recorded
            return PaymentStatus.UNKNOWN;
        }
        if (event instanceof PaymentCancelled e) {
            return e.balanceAfter().amount() == 0 ? PaymentStatus.CANCELED : PaymentStatus.PARTIAL_CANCELED;
        }
        if (event instanceof PaymentCompensated) {
            return PaymentStatus.CANCELED;
        }
        return null;
    }
}
