package com.grow.payments.shared.payment;

import com.grow.payments.shared.MemberId;
import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.merchant.MerchantBound;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A checkout stored the member, the order name and the amount Toss must approve, the merchant whose key
 * every call about it uses (null: the default one) and the part of the amount free of VAT (null: none).
 */
@Revision("1")
public record PaymentCheckedOut(OrderId orderId, MemberId memberId, String orderName, Money amount, Instant requestedAt,
                                String merchant, Money taxFreeAmount)
        implements PaymentEvent, MerchantBound {

    /** A checkout at the default merchant with nothing tax-free (as events written before either existed read). */
    public PaymentCheckedOut(OrderId orderId, MemberId memberId, String orderName, Money amount, Instant requestedAt) {
        this(orderId, memberId, orderName, amount, requestedAt, null, null);
    }
}
