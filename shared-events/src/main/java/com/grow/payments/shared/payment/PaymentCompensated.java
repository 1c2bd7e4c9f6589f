package com.grow.payments.shared.payment;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The payment that could not stand was refunded in full at Toss. */
@Revision("1")
public record PaymentCompensated(OrderId orderId, String reason, String transactionKey, Money refundedAmount, Instant canceledAt) implements PaymentEvent {
}
