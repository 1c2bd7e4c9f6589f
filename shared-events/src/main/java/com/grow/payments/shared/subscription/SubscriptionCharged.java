package com.grow.payments.shared.subscription;

import com.grow.payments.shared.Money;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Toss charged the cycle; the next one is due at nextChargeAt. */
@Revision("1")
public record SubscriptionCharged(String subscriptionId, int cycleNo, String orderId, String paymentKey, Money amount, Instant chargedAt, Instant nextChargeAt) implements SubscriptionEvent {
}
