package com.grow.payments.sandbox;

/** Toss's Payment.status values, spelled exactly as on the wire. */
public enum PaymentStatus {
    READY,
    IN_PROGRESS,
    WAITING_FOR_DEPOSIT,
    DONE,
    CANCELED,
    PARTIAL_CANCELED,
    ABORTED,
    EXPIRED;

    /** States from which a cancel may run: paid ones, and a virtual account not paid yet (it is withdrawn). */
    boolean isCancelable() {
        return this == DONE || this == PARTIAL_CANCELED || this == WAITING_FOR_DEPOSIT;
    }

    /** States that mean money moved at least once. */
    boolean wasApproved() {
        return this == DONE || this == PARTIAL_CANCELED || this == CANCELED;
    }
}
