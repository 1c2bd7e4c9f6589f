package com.grow.payments.shared.subscription;

import org.axonframework.serialization.Revision;

/** Toss's answer to the charge is not known; looked up by order id, never retried blind. */
@Revision("1")
public record SubscriptionChargeOutcomeUnknown(String subscriptionId, int cycleNo, String orderId, String reason) implements SubscriptionEvent {
}
