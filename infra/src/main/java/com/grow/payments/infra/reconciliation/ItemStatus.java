package com.grow.payments.infra.reconciliation;

/** What comparing one transaction found. */
public enum ItemStatus {
    /** Toss's and ours agree: keys, order, amount. */
    MATCHED,
    /** Both have it, but the amount (or the payment it belongs to) differs. */
    MISMATCHED,
    /** Toss has it; we have no record of it. */
    MISSING_HERE,
    /** We recorded it; Toss's list of the period does not have it. */
    MISSING_AT_TOSS
}
