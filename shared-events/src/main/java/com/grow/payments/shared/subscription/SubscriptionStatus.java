package com.grow.payments.shared.subscription;

/** ACTIVE charges on time; PAST_DUE retries a failed charge; SUSPENDED waits for the member; CANCELED is over. */
public enum SubscriptionStatus {
    ACTIVE,
    PAST_DUE,
    SUSPENDED,
    CANCELED
}
