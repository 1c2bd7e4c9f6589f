package com.grow.payments.shared.cashreceipt;

import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.payment.PaymentEvent;
import org.axonframework.serialization.Revision;

/** Toss's answer to the issue was lost: Toss's look-up settles it, the receipt is never issued again. */
@Revision("1")
public record CashReceiptOutcomeUnknown(OrderId orderId, String reason) implements PaymentEvent {
}
