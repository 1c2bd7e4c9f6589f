package com.grow.payments.shared.payment;

import com.grow.payments.shared.Caller;
import com.grow.payments.shared.MemberId;
import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import com.grow.payments.shared.cashreceipt.VirtualAccountCashReceipt;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
            Instant requestedAt,
            String merchant,
            Money taxFreeAmount) {

        public CheckOutPayment(OrderId orderId, MemberId memberId, String orderName, Money amount, Instant requestedAt) {
            this(orderId, memberId, orderName, amount, requestedAt, null, null);
        }
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

    /**
     * Refund all or part of an approved payment. {@code cancelId} identifies this cancel step, so
     * a retried request is recognised; a null amount cancels the whole balance. Owners may cancel
     * within {@code ownerWindow} of the approval; admins any time.
     */
    public record CancelPayment(
            @TargetAggregateIdentifier OrderId orderId,
            Caller caller,
            String cancelId,
            String cancelReason,
            Money cancelAmount,
            RefundAccount refundAccount,
            Instant requestedAt,
            Duration ownerWindow) {
    }

    /**
     * Toss cancelled (part of) the payment.
     *
     * @param atToss every cancel Toss lists on the payment after this one, so that cancels made at
     *               its console and not yet recorded here are recorded too, before this one
     */
    public record RecordCancellation(
            @TargetAggregateIdentifier OrderId orderId,
            String cancelId,
            PgPayment.PgCancel cancel,
            Money balanceAfter,
            List<PgPayment.PgCancel> atToss) {

        public RecordCancellation {
            atToss = atToss == null ? List.of(cancel) : List.copyOf(atToss);
        }

        /** Toss's answer named only this cancel. */
        public RecordCancellation(OrderId orderId, String cancelId, PgPayment.PgCancel cancel, Money balanceAfter) {
            this(orderId, cancelId, cancel, balanceAfter, List.of(cancel));
        }
    }

    /** Toss refused the cancel with a final answer; nothing was refunded. */
    public record RecordCancelRefusal(
            @TargetAggregateIdentifier OrderId orderId,
            String cancelId,
            Failure failure) {
    }

    /** Toss's answer to the cancel is not known: the janitor will look it up. */
    public record RecordCancelOutcomeUnknown(
            @TargetAggregateIdentifier OrderId orderId,
            String cancelId,
            String reason) {
    }

    /**
     * What a look-up at the PG found ({@code pg} null when the PG has no such order). The
     * aggregate decides what, if anything, it changes, and answers with a {@link ReconciliationVerdict}.
     */
    public record ReconcilePayment(
            @TargetAggregateIdentifier OrderId orderId,
            PgPayment pg,
            Instant checkedAt) {
    }

    /** The compensating refund went through at the PG. */
    public record RecordCompensation(
            @TargetAggregateIdentifier OrderId orderId,
            PgPayment.PgCancel refund) {
    }

    /** The janitor gave up: an operator must look at this payment. */
    public record FlagPaymentForOperator(
            @TargetAggregateIdentifier OrderId orderId,
            String reason) {
    }

    /** An operator clears a payment's flag for an operator, with a note; the operator is kept in the event. */
    public record ResolvePaymentAttention(
            @TargetAggregateIdentifier OrderId orderId,
            String note,
            MemberId operator) {
    }

    /** Open a virtual account for the order: the buyer pays by bank transfer before its due date. */
    public record IssueVirtualAccount(
            @TargetAggregateIdentifier OrderId orderId,
            MemberId memberId,
            String orderName,
            Money amount,
            String bank,
            String customerName,
            Integer validHours,
            Instant requestedAt,
            VirtualAccountCashReceipt cashReceipt,
            String merchant,
            Money taxFreeAmount) {

        /** An account with a cash receipt or none, at the default merchant, nothing tax-free. */
        public IssueVirtualAccount(OrderId orderId, MemberId memberId, String orderName, Money amount, String bank,
                                   String customerName, Integer validHours, Instant requestedAt,
                                   VirtualAccountCashReceipt cashReceipt) {
            this(orderId, memberId, orderName, amount, bank, customerName, validHours, requestedAt, cashReceipt, null,
                    null);
        }

        /** An account with no cash receipt. */
        public IssueVirtualAccount(OrderId orderId, MemberId memberId, String orderName, Money amount, String bank,
                                   String customerName, Integer validHours, Instant requestedAt) {
            this(orderId, memberId, orderName, amount, bank, customerName, validHours, requestedAt, null, null, null);
        }
    }

    /** Toss opened the account; its webhook secret is kept only as a hash. */
    public record RecordVirtualAccountIssued(
            @TargetAggregateIdentifier OrderId orderId,
            PgPayment issued) {
    }

    /** Toss refused to open the account. */
    public record RecordVirtualAccountRefused(
            @TargetAggregateIdentifier OrderId orderId,
            Failure failure) {
    }
}
