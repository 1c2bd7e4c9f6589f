package com.grow.payments.shared.subscription;

import org.axonframework.serialization.Revision;

/**
 * The member moved the subscription to another of their billing keys: every charge from now on,
 * the overdue cycle's included, is made on {@code billingKeyId}; {@code previousBillingKeyId} is
 * never charged for it again. Names keys by the service's ids only, never Toss's key or the card.
 */
@Revision("1")
public record SubscriptionPaymentMethodChanged(String subscriptionId, String memberId, String billingKeyId,
                                               String customerKey, String previousBillingKeyId)
        implements SubscriptionEvent {
}
