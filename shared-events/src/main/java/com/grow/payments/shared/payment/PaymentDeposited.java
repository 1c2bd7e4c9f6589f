package com.grow.payments.shared.payment;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The buyer's deposit arrived (as Toss's own record says). */
@Revision("1")
public record PaymentDeposited(OrderId orderId, PaymentKey paymentKey, String transactionKey, Money amount, Instant depositedAt) implements PaymentEvent {
}
