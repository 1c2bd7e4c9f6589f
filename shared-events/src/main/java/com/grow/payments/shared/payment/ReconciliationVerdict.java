package com.grow.payments.shared.payment;

/** What a look-up at the PG did to a payment. */
public enum ReconciliationVerdict {
    /** Nothing left open: the payment is settled (now or already). */
    SETTLED,
    /** The PG cannot tell yet: look again later. */
    UNRESOLVED,
    /** The PG still holds money that a compensation must refund: send the refund again. */
    RETRY_COMPENSATION
}
