package com.grow.payments.shared.subscription;

import org.axonframework.serialization.Revision;

/** No more charges until the member resumes the subscription. */
@Revision("1")
public record SubscriptionSuspended(String subscriptionId, String memberId, String reason) implements SubscriptionEvent {
}
