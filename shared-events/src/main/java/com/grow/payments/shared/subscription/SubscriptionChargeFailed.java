package com.grow.payments.shared.subscription;

import com.grow.payments.shared.payment.Failure;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Toss declined the cycle; retried at nextRetryAt, or none when suspended. */
@Revision("1")
public record SubscriptionChargeFailed(String subscriptionId, int cycleNo, String orderId, Failure failure, int failedAttempts, Instant nextRetryAt) implements SubscriptionEvent {
}
