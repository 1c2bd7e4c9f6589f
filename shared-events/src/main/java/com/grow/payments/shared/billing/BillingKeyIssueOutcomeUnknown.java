package com.grow.payments.shared.billing;

import org.axonframework.serialization.Revision;

/**
 * Toss was asked for the billing key and its answer never came (a timeout, a 5xx): a live key may
 * exist at Toss, so this is not a refusal. The key needs an operator; its authKey is spent.
 */
@Revision("1")
public record BillingKeyIssueOutcomeUnknown(String billingKeyId, String memberId, String reason) {
}
