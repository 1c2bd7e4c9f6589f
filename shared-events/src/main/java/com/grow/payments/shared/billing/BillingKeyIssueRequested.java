package com.grow.payments.shared.billing;

import com.grow.payments.shared.merchant.MerchantBound;


import org.axonframework.serialization.Revision;

/**
 * A card was registered in Toss's billing window; Toss is asked for its billing key, at the billing
 * merchant ({@code merchant}; null in events written before merchants existed: the default one).
 * Revision 2 no longer carries the window's authKey: it waits sealed outside the event store until
 * Toss has answered, then is deleted (docs/security.md). Stored revision-1 events were redacted by
 * the V14 migration.
 */
@Revision("2")
public record BillingKeyIssueRequested(String billingKeyId, String memberId, String customerKey, String merchant)
        implements MerchantBound {

    /** At the default merchant (as events written before merchants existed read). */
    public BillingKeyIssueRequested(String billingKeyId, String memberId, String customerKey) {
        this(billingKeyId, memberId, customerKey, null);
    }
}
