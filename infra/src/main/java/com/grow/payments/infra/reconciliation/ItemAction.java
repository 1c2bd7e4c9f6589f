package com.grow.payments.infra.reconciliation;

/** What a run does about an item. */
public enum ItemAction {
    /** Nothing to do. */
    NONE,
    /** The payment is looked up at Toss and settled by the janitor's rules. */
    LOOKUP,
    /** Nothing here can settle it: an operator must look ({@code needsAttention}). */
    FLAG
}
