package com.grow.payments.shared.payment;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Toss refunded all or part of the payment; the balance is what is left. */
@Revision("1")
public record PaymentCancelled(OrderId orderId, String cancelId, String transactionKey, Money cancelAmount, String cancelReason, Instant canceledAt, Money balanceAfter) implements PaymentEvent {
}
