package com.grow.payments.shared.subscription;

import org.axonframework.serialization.Revision;

/** No further charges; the period already paid stays paid. */
@Revision("1")
public record SubscriptionCanceled(String subscriptionId, String memberId, String reason) implements SubscriptionEvent {
}
