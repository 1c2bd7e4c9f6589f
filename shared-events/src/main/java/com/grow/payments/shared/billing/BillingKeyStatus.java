package com.grow.payments.shared.billing;

/** A registered card as its owner sees it: ACTIVE; DELETING while Toss has not confirmed the deletion; DELETED. */
public enum BillingKeyStatus {
    ACTIVE,
    DELETING,
    DELETED
}
