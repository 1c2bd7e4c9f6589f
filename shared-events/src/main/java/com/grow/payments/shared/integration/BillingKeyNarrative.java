package com.grow.payments.shared.integration;

import com.grow.payments.shared.billing.BillingKeyDeleted;
import java.time.Instant;
import java.util.Optional;

/** A billing key's events say all there is to tell; the key itself is never told. */
public enum BillingKeyNarrative implements Narrative<BillingKeyNarrative> {
    INSTANCE;

    @Override
    public Optional<PaymentsV1.Data> tell(Object event, Instant at) {
        if (event instanceof BillingKeyDeleted e) {
            return Optional.of(new PaymentsV1.BillingKeyDeleted(e.billingKeyId(), e.memberId(), e.reason(), at));
        }
        return Optional.empty();
    }

    @Override
    public BillingKeyNarrative apply(Object event) {
        return this;
    }
}
