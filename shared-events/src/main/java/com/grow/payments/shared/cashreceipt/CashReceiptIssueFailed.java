package com.grow.payments.shared.cashreceipt;

import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.payment.Failure;
import com.grow.payments.shared.payment.PaymentEvent;
import org.axonframework.serialization.Revision;

/** No receipt stands: Toss refused it, or has no record of it after a lost answer. The member may ask again. */
@Revision("1")
public record CashReceiptIssueFailed(OrderId orderId, Failure failure) implements PaymentEvent {
}
