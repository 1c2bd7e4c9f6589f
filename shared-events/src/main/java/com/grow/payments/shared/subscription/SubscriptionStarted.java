package com.grow.payments.shared.subscription;

import com.grow.payments.shared.Money;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A subscription started: it is charged every cycle from its anchor. */
@Revision("1")
public record SubscriptionStarted(String subscriptionId, String memberId, String billingKeyId, String customerKey, String planId, String orderName, Money amount, Cycle cycle, Instant anchorAt) implements SubscriptionEvent {
}
