package com.grow.payments.shared.payment;

import com.grow.payments.shared.MemberId;
import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A checkout stored the member, the order name and the amount Toss must approve. */
@Revision("1")
public record PaymentCheckedOut(OrderId orderId, MemberId memberId, String orderName, Money amount, Instant requestedAt) implements PaymentEvent {
}
