package com.grow.payments.shared.subscription;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.merchant.MerchantBound;
import org.axonframework.serialization.Revision;

/** A cycle is due: Toss is asked to charge it (at most one charge per cycle: its order id). */
@Revision("1")
public record SubscriptionChargeRequested(String subscriptionId, int cycleNo, String orderId, int attempt,
                                          String memberId, String billingKeyId, String customerKey, String orderName,
                                          Money amount, String merchant, Money taxFreeAmount)
        implements SubscriptionEvent, MerchantBound {

    /** At the default merchant, nothing tax-free (as events written before either existed read). */
    public SubscriptionChargeRequested(String subscriptionId, int cycleNo, String orderId, int attempt,
                                       String memberId, String billingKeyId, String customerKey, String orderName,
                                       Money amount) {
        this(subscriptionId, cycleNo, orderId, attempt, memberId, billingKeyId, customerKey, orderName, amount, null,
                null);
    }
}
