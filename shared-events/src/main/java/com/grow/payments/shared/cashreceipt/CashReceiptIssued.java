package com.grow.payments.shared.cashreceipt;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.payment.PaymentEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Toss issued the order's cash receipt (from its answer, or found by the look-up after a lost answer). */
@Revision("1")
public record CashReceiptIssued(OrderId orderId, String receiptKey, CashReceiptType type, Money amount,
                                long taxFreeAmount, CashReceiptStatus issueStatus, String issueNumber,
                                String receiptUrl, Instant issuedAt) implements PaymentEvent {
}
