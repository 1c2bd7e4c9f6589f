package com.grow.payments.shared.payment;

import com.grow.payments.shared.OrderId;
import org.axonframework.serialization.Revision;

/** Toss refused the cancel; nothing was refunded. */
@Revision("1")
public record PaymentCancelRefused(OrderId orderId, String cancelId, Failure failure) implements PaymentEvent {
}
