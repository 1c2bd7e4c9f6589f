package com.grow.payments.sagas.gateway;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.cashreceipt.CashReceiptType;
import com.grow.payments.shared.cashreceipt.IdentityNumbers;

/** Issue a cash receipt at the PG. The identity number is personal data: {@link #toString} masks it. */
public record CashReceiptRequest(OrderId orderId, String orderName, Money amount, long taxFreeAmount,
                                 CashReceiptType type, String customerIdentityNumber, String idempotencyKey) {

    @Override
    public String toString() {
        return "CashReceiptRequest[orderId=" + orderId + ", amount=" + amount + ", type=" + type
                + ", customerIdentityNumber=" + IdentityNumbers.mask(customerIdentityNumber) + "]";
    }
}
