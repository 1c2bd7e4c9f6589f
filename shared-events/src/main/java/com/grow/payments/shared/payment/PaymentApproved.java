package com.grow.payments.shared.payment;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Toss approved the payment. */
@Revision("1")
public record PaymentApproved(OrderId orderId, PaymentKey paymentKey, Money approvedAmount, String method, CardSummary card, String receiptUrl, String transactionKey, Instant approvedAt) implements PaymentEvent {
}
