package com.grow.payments.sagas.gateway;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;

/**
 * Ask the PG to approve an authenticated payment. The idempotency key is the same on every retry
 * of this step, so a retry replays at the PG instead of charging again.
 */
public record ConfirmRequest(OrderId orderId, PaymentKey paymentKey, Money amount, String idempotencyKey) {
}
