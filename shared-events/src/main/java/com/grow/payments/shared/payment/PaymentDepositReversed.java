package com.grow.payments.shared.payment;

import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import org.axonframework.serialization.Revision;

/** Toss reversed a deposit (deposit error): the account waits for a deposit again. */
@Revision("1")
public record PaymentDepositReversed(OrderId orderId, PaymentKey paymentKey, String reason) implements PaymentEvent {
}
