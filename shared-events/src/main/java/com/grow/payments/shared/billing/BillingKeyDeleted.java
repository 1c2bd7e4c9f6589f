package com.grow.payments.shared.billing;


import org.axonframework.serialization.Revision;

/** The billing key is gone at Toss and its stored value destroyed; subscriptions on it stop. */
@Revision("1")
public record BillingKeyDeleted(String billingKeyId, String memberId, String reason) {
}
