package com.grow.payments.shared.payment;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import org.axonframework.serialization.Revision;

/** A virtual account was asked of Toss for the order. */
@Revision("1")
public record VirtualAccountRequested(OrderId orderId, String orderName, Money amount, String bank, String customerName,
                                      Integer validHours, Money taxFreeAmount) implements PaymentEvent {

    /** Nothing tax-free (as events written before tax-free amounts read). */
    public VirtualAccountRequested(OrderId orderId, String orderName, Money amount, String bank, String customerName,
                                   Integer validHours) {
        this(orderId, orderName, amount, bank, customerName, validHours, null);
    }
}
