package com.grow.payments.shared.payment;

import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Toss opened a virtual account; only a hash of its webhook secret is kept. */
@Revision("1")
public record VirtualAccountIssued(OrderId orderId, PaymentKey paymentKey, String bank, String accountNumber, Instant dueDate, String secretHash) implements PaymentEvent {
}
