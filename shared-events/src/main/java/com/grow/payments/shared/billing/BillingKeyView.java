package com.grow.payments.shared.billing;

import java.time.Instant;

/** A billing key as its owner sees it (CONTRACT §4): never the key itself. */
public record BillingKeyView(String billingKeyId, String cardCompany, String cardNumberMasked, Instant createdAt) {
}
