package com.grow.payments.sagas.gateway;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;

/** Open a virtual account at the PG; validHours null means the PG's default (7 days); {@code taxFreeAmount} null: nothing tax-free. */
public record VirtualAccountRequest(OrderId orderId, String orderName, Money amount, String customerName, String bank,
                                    Integer validHours, String idempotencyKey, Money taxFreeAmount) {

    public VirtualAccountRequest(OrderId orderId, String orderName, Money amount, String customerName, String bank,
                                 Integer validHours, String idempotencyKey) {
        this(orderId, orderName, amount, customerName, bank, validHours, idempotencyKey, null);
    }
}
