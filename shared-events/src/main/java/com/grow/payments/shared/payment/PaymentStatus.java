package com.grow.payments.shared.payment;

/** Toss's payment statuses, plus {@link #UNKNOWN}: Toss was asked and its answer is not known yet. */
public enum PaymentStatus {
    READY,
    IN_PROGRESS,
    WAITING_FOR_DEPOSIT,
    DONE,
    CANCELED,
    PARTIAL_CANCELED,
    ABORTED,
    EXPIRED,
    UNKNOWN;

    /** No further movement can come from the buyer's confirmation any more. */
    public boolean isSettled() {
        return this != READY && this != IN_PROGRESS;
    }
}
