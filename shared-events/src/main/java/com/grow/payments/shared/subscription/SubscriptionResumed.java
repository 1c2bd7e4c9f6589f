package com.grow.payments.shared.subscription;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The member resumed the subscription; the overdue cycle is charged now. */
@Revision("1")
public record SubscriptionResumed(String subscriptionId, String memberId, Instant dueAt) implements SubscriptionEvent {
}
