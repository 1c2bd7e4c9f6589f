package com.grow.payments.shared.payment;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import org.axonframework.serialization.Revision;

/** Toss approved a payment that cannot stand; it is being refunded in full. */
@Revision("1")
public record PaymentCompensationStarted(OrderId orderId, PaymentKey paymentKey, Money approvedAmount, String reason) implements PaymentEvent {
}
