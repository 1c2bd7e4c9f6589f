package com.grow.payments.shared.payment;

import java.util.Arrays;

/**
 * Toss's {@code status} of a payment, as a type: the aggregates decide on these values, never on
 * Toss's strings. A status this version does not know is {@link #UNRECOGNIZED}, which proves
 * nothing: a look-up that finds one leaves the payment as it is (unresolved) to be looked up again.
 */
public enum PgPaymentStatus {
    READY,
    IN_PROGRESS,
    WAITING_FOR_DEPOSIT,
    DONE,
    CANCELED,
    PARTIAL_CANCELED,
    ABORTED,
    EXPIRED,
    UNRECOGNIZED;

    /** Toss's string as a status; anything else, or none, is {@link #UNRECOGNIZED}. */
    public static PgPaymentStatus of(String status) {
        return Arrays.stream(values()).filter(known -> known != UNRECOGNIZED && known.name().equals(status))
                .findFirst().orElse(UNRECOGNIZED);
    }

    /** The PG holds the money: approved, possibly partly or wholly cancelled since. */
    public boolean wasApproved() {
        return this == DONE || this == PARTIAL_CANCELED || this == CANCELED;
    }
}
