package com.grow.payments.shared.subscription;

/** A fact about one subscription. */
public interface SubscriptionEvent {

    String subscriptionId();
}
