package com.grow.payments.shared.billing;


import org.axonframework.serialization.Revision;

/** The member removed the card; Toss is asked to delete the key. */
@Revision("1")
public record BillingKeyDeletionRequested(String billingKeyId, String memberId) {
}
