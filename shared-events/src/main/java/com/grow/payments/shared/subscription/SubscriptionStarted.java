package com.grow.payments.shared.subscription;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.merchant.MerchantBound;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A subscription started: it is charged every cycle from its anchor, at its billing key's merchant. */
@Revision("1")
public record SubscriptionStarted(String subscriptionId, String memberId, String billingKeyId, String customerKey,
                                  String planId, String orderName, Money amount, Cycle cycle, Instant anchorAt,
                                  String merchant, Money taxFreeAmount)
        implements SubscriptionEvent, MerchantBound {

    /** At the default merchant, nothing tax-free (as events written before either existed read). */
    public SubscriptionStarted(String subscriptionId, String memberId, String billingKeyId, String customerKey,
                               String planId, String orderName, Money amount, Cycle cycle, Instant anchorAt) {
        this(subscriptionId, memberId, billingKeyId, customerKey, planId, orderName, amount, cycle, anchorAt, null, null);
    }
}
