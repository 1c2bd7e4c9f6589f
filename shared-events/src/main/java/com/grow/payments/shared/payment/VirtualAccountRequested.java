package com.grow.payments.shared.payment;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import org.axonframework.serialization.Revision;

/** A virtual account was asked of Toss for the order. */
@Revision("1")
public record VirtualAccountRequested(OrderId orderId, String orderName, Money amount, String bank, String customerName, Integer validHours) implements PaymentEvent {
}
