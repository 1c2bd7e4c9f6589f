package com.grow.payments.shared.payment;

import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import org.axonframework.serialization.Revision;

/** Toss declined the payment with a final answer; the payment is aborted. */
@Revision("1")
public record PaymentDeclined(OrderId orderId, PaymentKey paymentKey, Failure failure) implements PaymentEvent {
}
