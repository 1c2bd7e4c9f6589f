package com.grow.payments.shared.billing;


import org.axonframework.serialization.Revision;

/** A card was registered in Toss's billing window; Toss is asked for its billing key. */
@Revision("1")
public record BillingKeyIssueRequested(String billingKeyId, String memberId, String authKey, String customerKey) {
}
