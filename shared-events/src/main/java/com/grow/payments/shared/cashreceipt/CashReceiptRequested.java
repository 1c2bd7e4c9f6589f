package com.grow.payments.shared.cashreceipt;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.payment.PaymentEvent;
import org.axonframework.serialization.Revision;

/**
 * A cash receipt was asked of Toss for the paid amount. The identity number is in the vault,
 * encrypted under the order id; the event holds it masked only. {@code requestDate} (Seoul,
 * yyyy-MM-dd) is the day Toss's look-up lists the issue under; {@code attempt} names the step.
 */
@Revision("1")
public record CashReceiptRequested(OrderId orderId, CashReceiptType type, String identityNumberMasked, Money amount,
                                   String orderName, String requestDate, int attempt) implements PaymentEvent {
}
