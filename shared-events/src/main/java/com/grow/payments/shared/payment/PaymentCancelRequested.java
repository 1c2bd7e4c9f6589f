package com.grow.payments.shared.payment;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import org.axonframework.serialization.Revision;

/** A refund of all or part of the payment was asked of Toss; {@code taxFreeAmount} is its tax-free part (null: none). */
@Revision("1")
public record PaymentCancelRequested(OrderId orderId, PaymentKey paymentKey, String cancelId, String cancelReason,
                                     Money cancelAmount, RefundAccount refundAccount, Money taxFreeAmount)
        implements PaymentEvent {

    /** Nothing of it tax-free (as events written before tax-free amounts read). */
    public PaymentCancelRequested(OrderId orderId, PaymentKey paymentKey, String cancelId, String cancelReason,
                                  Money cancelAmount, RefundAccount refundAccount) {
        this(orderId, paymentKey, cancelId, cancelReason, cancelAmount, refundAccount, null);
    }
}
