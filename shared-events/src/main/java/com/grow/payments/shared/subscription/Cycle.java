package com.grow.payments.shared.subscription;

/** How often a subscription is charged. */
public enum Cycle {
    DAILY,
    WEEKLY,
    MONTHLY
}
