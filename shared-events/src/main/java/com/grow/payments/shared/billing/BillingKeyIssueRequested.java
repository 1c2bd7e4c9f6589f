package com.grow.payments.shared.billing;


import org.axonframework.serialization.Revision;

/** A card was registered in Toss's billing window; Toss is asked for its billing key, at the billing merchant. */
@Revision("1")
public record BillingKeyIssueRequested(String billingKeyId, String memberId, String authKey, String customerKey,
                                       String merchant) implements com.grow.payments.shared.merchant.MerchantBound {

    /** At the default merchant (as events written before merchants existed read). */
    public BillingKeyIssueRequested(String billingKeyId, String memberId, String authKey, String customerKey) {
        this(billingKeyId, memberId, authKey, customerKey, null);
    }
}
