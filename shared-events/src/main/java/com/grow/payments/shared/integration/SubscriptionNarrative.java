package com.grow.payments.shared.integration;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.subscription.SubscriptionChargeFailed;
import com.grow.payments.shared.subscription.SubscriptionChargeRequested;
import com.grow.payments.shared.subscription.SubscriptionCharged;
import com.grow.payments.shared.subscription.SubscriptionPaymentMethodChanged;
import com.grow.payments.shared.subscription.SubscriptionStarted;
import com.grow.payments.shared.subscription.SubscriptionSuspended;
import java.time.Instant;
import java.util.Optional;

/**
 * One subscription as the published language tells it: whose it is, what it buys, and the amount
 * its latest charge asked for.
 */
public record SubscriptionNarrative(String memberId, String planId, String orderName, Money amount)
        implements Narrative<SubscriptionNarrative> {

    static final SubscriptionNarrative EMPTY = new SubscriptionNarrative(null, null, null, null);

    @Override
    public Optional<PaymentsV1.Data> tell(Object event, Instant at) {
        if (event instanceof SubscriptionCharged e) {
            return Optional.of(new PaymentsV1.SubscriptionCharged(e.subscriptionId(), memberId, planId, orderName,
                    e.cycleNo(), e.orderId(), e.paymentKey(), e.amount().amount(), e.amount().currency().name(),
                    e.chargedAt(), e.nextChargeAt()));
        }
        if (event instanceof SubscriptionChargeFailed e) {
            return Optional.of(new PaymentsV1.SubscriptionChargeFailed(e.subscriptionId(), memberId, planId,
                    e.cycleNo(), e.orderId(), amount.amount(), amount.currency().name(), e.failure().code(), e.failure().message(),
                    e.failedAttempts(), e.nextRetryAt() != null, e.nextRetryAt()));
        }
        if (event instanceof SubscriptionSuspended e) {
            return Optional.of(new PaymentsV1.SubscriptionSuspended(e.subscriptionId(), e.memberId(), planId,
                    e.reason(), at));
        }
        if (event instanceof SubscriptionPaymentMethodChanged e) {
            return Optional.of(new PaymentsV1.SubscriptionPaymentMethodChanged(e.subscriptionId(), e.memberId(), planId,
                    e.billingKeyId(), at));
        }
        return Optional.empty();
    }

    @Override
    public SubscriptionNarrative apply(Object event) {
        if (event instanceof SubscriptionStarted e) {
            return new SubscriptionNarrative(e.memberId(), e.planId(), e.orderName(), e.amount());
        }
        if (event instanceof SubscriptionChargeRequested e) {
            return new SubscriptionNarrative(memberId, planId, orderName, e.amount());
        }
        return this;
    }
}
