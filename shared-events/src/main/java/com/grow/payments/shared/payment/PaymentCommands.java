package com.grow.payments.shared.payment;

import com.grow.payments.shared.Caller;
import com.grow.payments.shared.MemberId;
import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands to the Payment aggregate, which is keyed by its order id. */
public final class PaymentCommands {

    private PaymentCommands() {
    }

    /** Store the expected amount before the buyer's payment window opens. */
    public record CheckOutPayment(
            @TargetAggregateIdentifier OrderId orderId,
            MemberId memberId,
            String orderName,
            Money amount,
            Instant requestedAt) {
    }

    /** The buyer's success redirect arrived: ask Toss to approve it. */
    public record ConfirmPayment(
            @TargetAggregateIdentifier OrderId orderId,
            Caller caller,
            PaymentKey paymentKey,
            Money amount) {
    }

    /** Toss approved the payment. */
    public record RecordPaymentApproval(
            @TargetAggregateIdentifier OrderId orderId,
            PaymentKey paymentKey,
            Money approvedAmount,
            String method,
            CardSummary card,
            String receiptUrl,
            String transactionKey,
            Instant approvedAt) {
    }

    /** Toss declined the payment with a final answer. */
    public record RecordPaymentDecline(
            @TargetAggregateIdentifier OrderId orderId,
            PaymentKey paymentKey,
            Failure failure) {
    }

    /** The buyer's window closed before the confirmation: Toss expired the session. */
    public record RecordPaymentExpiry(
            @TargetAggregateIdentifier OrderId orderId,
            PaymentKey paymentKey,
            Failure failure) {
    }

    /** Toss's answer is not known (timeout, 5xx, provider error): to be reconciled by lookup. */
    public record RecordPaymentOutcomeUnknown(
            @TargetAggregateIdentifier OrderId orderId,
            PaymentKey paymentKey,
            String reason) {
    }
}
