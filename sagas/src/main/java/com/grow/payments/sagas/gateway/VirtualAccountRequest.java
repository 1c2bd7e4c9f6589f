package com.grow.payments.sagas.gateway;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.cashreceipt.CashReceiptType;
import com.grow.payments.shared.cashreceipt.IdentityNumbers;

/**
 * Open a virtual account at the PG; validHours null means the PG's default (7 days). With a
 * cash-receipt type and registration number, the PG issues a cash receipt on deposit; the number
 * is personal data, masked by {@link #toString}. {@code taxFreeAmount} null: nothing tax-free.
 */
public record VirtualAccountRequest(OrderId orderId, String orderName, Money amount, String customerName, String bank,
                                    Integer validHours, String idempotencyKey, CashReceiptType cashReceiptType,
                                    String registrationNumber, Money taxFreeAmount) {

    public VirtualAccountRequest(OrderId orderId, String orderName, Money amount, String customerName, String bank,
                                 Integer validHours, String idempotencyKey, CashReceiptType cashReceiptType,
                                 String registrationNumber) {
        this(orderId, orderName, amount, customerName, bank, validHours, idempotencyKey, cashReceiptType,
                registrationNumber, null);
    }

    public VirtualAccountRequest(OrderId orderId, String orderName, Money amount, String customerName, String bank,
                                 Integer validHours, String idempotencyKey) {
        this(orderId, orderName, amount, customerName, bank, validHours, idempotencyKey, null, null, null);
    }

    @Override
    public String toString() {
        return "VirtualAccountRequest[orderId=" + orderId + ", amount=" + amount + ", bank=" + bank
                + ", validHours=" + validHours + ", cashReceiptType=" + cashReceiptType + ", registrationNumber="
                + IdentityNumbers.mask(registrationNumber) + ", taxFreeAmount=" + taxFreeAmount + "]";
    }
}
