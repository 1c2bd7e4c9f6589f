package com.grow.payments.shared.payment;

import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import org.axonframework.serialization.Revision;

/** The confirmation came after Toss's window closed; the payment expired. */
@Revision("1")
public record PaymentExpired(OrderId orderId, PaymentKey paymentKey, Failure failure) implements PaymentEvent {
}
