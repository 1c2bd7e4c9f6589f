package com.grow.payments.shared.payment;

import com.grow.payments.shared.OrderId;
import org.axonframework.serialization.Revision;

/** The janitor could not settle the payment; an operator must. */
@Revision("1")
public record PaymentNeedsAttention(OrderId orderId, String reason) implements PaymentEvent {
}
