package com.grow.payments.shared.payment;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import org.axonframework.serialization.Revision;

/** The buyer authenticated at Toss; the service asked Toss to approve. */
@Revision("1")
public record PaymentConfirmationRequested(OrderId orderId, PaymentKey paymentKey, Money amount) implements PaymentEvent {
}
