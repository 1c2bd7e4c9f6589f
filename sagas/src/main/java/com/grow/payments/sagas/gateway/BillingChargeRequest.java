package com.grow.payments.sagas.gateway;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;

/** Charge a billing key ({@code taxFreeAmount} null: nothing tax-free). The key is a secret: it never appears in toString, logs or events. */
public record BillingChargeRequest(String billingKey, String customerKey, OrderId orderId, String orderName,
                                   Money amount, String idempotencyKey, Money taxFreeAmount) {

    public BillingChargeRequest(String billingKey, String customerKey, OrderId orderId, String orderName,
                                Money amount, String idempotencyKey) {
        this(billingKey, customerKey, orderId, orderName, amount, idempotencyKey, null);
    }

    @Override
    public String toString() {
        return "BillingChargeRequest[billingKey=****, orderId=" + orderId + ", amount=" + amount + "]";
    }
}
