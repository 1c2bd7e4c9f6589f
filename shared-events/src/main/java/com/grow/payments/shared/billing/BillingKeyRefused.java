package com.grow.payments.shared.billing;

import com.grow.payments.shared.payment.Failure;
import org.axonframework.serialization.Revision;

/** Toss refused to issue a billing key. */
@Revision("1")
public record BillingKeyRefused(String billingKeyId, String memberId, Failure failure) {
}
