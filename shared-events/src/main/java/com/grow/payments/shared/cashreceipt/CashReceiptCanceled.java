package com.grow.payments.shared.cashreceipt;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.payment.PaymentEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Toss cancelled {@code cancelAmount} of the order's receipt with a cancel of the payment; {@code remaining} stands. */
@Revision("1")
public record CashReceiptCanceled(OrderId orderId, String receiptKey, Money cancelAmount, Money remaining,
                                  Instant canceledAt) implements PaymentEvent {
}
