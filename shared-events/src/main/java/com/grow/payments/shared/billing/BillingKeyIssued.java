package com.grow.payments.shared.billing;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Toss issued a billing key; the key itself is only in the vault, encrypted. */
@Revision("1")
public record BillingKeyIssued(String billingKeyId, String memberId, String customerKey, String cardCompany, String cardNumberMasked, Instant issuedAt) {
}
