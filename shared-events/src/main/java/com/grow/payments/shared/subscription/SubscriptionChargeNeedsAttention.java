package com.grow.payments.shared.subscription;

import org.axonframework.serialization.Revision;

/**
 * Toss holds a record under the cycle's order id that does not prove the cycle paid (another
 * type, another amount, cancelled): the cycle is not recorded as paid, and no further charge is
 * made until an operator has looked.
 */
@Revision("1")
public record SubscriptionChargeNeedsAttention(String subscriptionId, int cycleNo, String orderId, String reason)
        implements SubscriptionEvent {
}
