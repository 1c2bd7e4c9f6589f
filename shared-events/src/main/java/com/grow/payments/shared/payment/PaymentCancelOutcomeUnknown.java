package com.grow.payments.shared.payment;

import com.grow.payments.shared.OrderId;
import org.axonframework.serialization.Revision;

/** Toss's answer to a cancel is not known; a lookup will settle it. */
@Revision("1")
public record PaymentCancelOutcomeUnknown(OrderId orderId, String cancelId, String reason) implements PaymentEvent {
}
