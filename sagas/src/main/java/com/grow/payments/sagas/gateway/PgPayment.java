package com.grow.payments.sagas.gateway;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import com.grow.payments.shared.payment.CardSummary;
import java.time.Instant;

/** The PG's record of a payment, as much of it as the service keeps. */
public record PgPayment(
        PaymentKey paymentKey,
        OrderId orderId,
        String status,
        Money totalAmount,
        String method,
        CardSummary card,
        String receiptUrl,
        String lastTransactionKey,
        Instant approvedAt) {
}
