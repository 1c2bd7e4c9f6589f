package com.grow.payments.shared.payment;

import com.grow.payments.shared.OrderId;
import org.axonframework.serialization.Revision;

/** An operator looked at a flagged payment and cleared the flag, saying why; {@code resolvedBy} is their member id. */
@Revision("1")
public record PaymentAttentionResolved(OrderId orderId, String note, String resolvedBy) implements PaymentEvent {
}
