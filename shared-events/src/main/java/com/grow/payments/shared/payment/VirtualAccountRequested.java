package com.grow.payments.shared.payment;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.cashreceipt.VirtualAccountCashReceipt;
import org.axonframework.serialization.Revision;

/**
 * A virtual account was asked of Toss for the order; with {@code cashReceipt} (null: none), Toss
 * issues a cash receipt when the deposit comes in.
 */
@Revision("1")
public record VirtualAccountRequested(OrderId orderId, String orderName, Money amount, String bank, String customerName,
                                      Integer validHours, VirtualAccountCashReceipt cashReceipt,
                                      Money taxFreeAmount) implements PaymentEvent {

    /** An account with no cash receipt and nothing tax-free (as events written before either read). */
    public VirtualAccountRequested(OrderId orderId, String orderName, Money amount, String bank, String customerName,
                                   Integer validHours, VirtualAccountCashReceipt cashReceipt) {
        this(orderId, orderName, amount, bank, customerName, validHours, cashReceipt, null);
    }

    /** An account with no cash receipt. */
    public VirtualAccountRequested(OrderId orderId, String orderName, Money amount, String bank, String customerName,
                                   Integer validHours) {
        this(orderId, orderName, amount, bank, customerName, validHours, null);
    }
}
