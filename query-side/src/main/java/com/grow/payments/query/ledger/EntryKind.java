package com.grow.payments.query.ledger;

/** Which money fact a journal entry records; one kind per posting rule in {@link Postings}. */
public enum EntryKind {
    /** Toss approved a card (or easy-pay) payment. */
    APPROVAL,
    /** Toss refunded all or part of a payment (a cancel, ours or made at Toss). */
    CANCEL,
    /** Toss approved a payment that cannot stand: what it took is owed back. */
    COMPENSATION_STARTED,
    /** The compensating refund went through at Toss. */
    COMPENSATION_REFUND,
    /** A buyer's transfer into a virtual account arrived. */
    DEPOSIT,
    /** Toss reversed a deposit (deposit error): the reversing entry of that deposit. */
    DEPOSIT_REVERSAL,
    /** A subscription's cycle was charged on its billing key. */
    SUBSCRIPTION_CHARGE,
    /** Toss paid a transaction out (or took a refund back), keeping its fee: the receivable is cleared. */
    SETTLEMENT
}
