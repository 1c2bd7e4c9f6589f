package com.grow.payments.shared.payment;

import com.grow.payments.shared.OrderId;

/** A fact about one payment; every payment event names the order it belongs to. */
public interface PaymentEvent {

    OrderId orderId();
}
