package com.grow.payments.shared.payment;

import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import org.axonframework.serialization.Revision;

/** Toss was asked but its answer is not known; a lookup will settle it. */
@Revision("1")
public record PaymentOutcomeUnknown(OrderId orderId, PaymentKey paymentKey, String reason) implements PaymentEvent {
}
