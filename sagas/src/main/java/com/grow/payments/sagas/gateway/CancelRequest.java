package com.grow.payments.sagas.gateway;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import com.grow.payments.shared.payment.RefundAccount;

/**
 * Refund at the PG: {@code amount} null means the whole balance; {@code taxFreeAmount} is the
 * tax-free part of the refund (null or zero: none). The idempotency key names the
 * business step (this cancel, this compensation) and is the same on every retry of it.
 */
public record CancelRequest(OrderId orderId, PaymentKey paymentKey, String reason, Money amount,
                            RefundAccount refundAccount, String idempotencyKey, Money taxFreeAmount) {

    public CancelRequest(OrderId orderId, PaymentKey paymentKey, String reason, Money amount,
                         RefundAccount refundAccount, String idempotencyKey) {
        this(orderId, paymentKey, reason, amount, refundAccount, idempotencyKey, null);
    }
}
