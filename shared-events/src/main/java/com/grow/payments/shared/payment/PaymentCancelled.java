package com.grow.payments.shared.payment;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Toss refunded all or part of the payment; the balance is what is left; {@code taxFreeAmount}: its tax-free part (null: none). */
@Revision("1")
public record PaymentCancelled(OrderId orderId, String cancelId, String transactionKey, Money cancelAmount,
                               String cancelReason, Instant canceledAt, Money balanceAfter, Money taxFreeAmount)
        implements PaymentEvent {

    /** Nothing of it tax-free (as events written before tax-free amounts read). */
    public PaymentCancelled(OrderId orderId, String cancelId, String transactionKey, Money cancelAmount,
                            String cancelReason, Instant canceledAt, Money balanceAfter) {
        this(orderId, cancelId, transactionKey, cancelAmount, cancelReason, canceledAt, balanceAfter, null);
    }
}
