package com.grow.payments.shared.billing;

import org.axonframework.serialization.Revision;

/**
 * The stored billing key did not decrypt when a charge needed it (altered, copied from another id,
 * or sealed under a crypto key no longer configured). Nothing is charged on it until an operator acts.
 */
@Revision("1")
public record BillingKeyUnreadable(String billingKeyId, String memberId) {
}
