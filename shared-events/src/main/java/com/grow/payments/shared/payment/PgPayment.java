package com.grow.payments.shared.payment;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import java.time.Instant;
import java.util.List;

/**
 * The PG's record of a payment, as much of it as the service keeps: what a lookup or an answer says.
 * {@code method} is Toss's word for the method, as the events record it; {@code paymentMethod} is
 * that word as a type, read at the adapter, which is what code decides on.
 */
public record PgPayment(
        PaymentKey paymentKey,
        OrderId orderId,
        String status,
        Money totalAmount,
        Money balanceAmount,
        String method,
        CardSummary card,
        String receiptUrl,
        String lastTransactionKey,
        Instant approvedAt,
        List<PgCancel> cancels,
        Failure failure,
        PgVirtualAccount virtualAccount,
        String secretHash,
        PgPaymentType type,
        PgPaymentMethod paymentMethod) {

    public PgPayment {
        cancels = cancels == null ? List.of() : List.copyOf(cancels);
        type = type == null ? PgPaymentType.UNRECOGNIZED : type;
        paymentMethod = paymentMethod == null ? PgPaymentMethod.UNRECOGNIZED : paymentMethod;
    }

    /** A record of the given type, its method taken from Toss's word for it. */
    public PgPayment(PaymentKey paymentKey, OrderId orderId, String status, Money totalAmount, Money balanceAmount,
                     String method, CardSummary card, String receiptUrl, String lastTransactionKey, Instant approvedAt,
                     List<PgCancel> cancels, Failure failure, PgVirtualAccount virtualAccount, String secretHash,
                     PgPaymentType type) {
        this(paymentKey, orderId, status, totalAmount, balanceAmount, method, card, receiptUrl, lastTransactionKey,
                approvedAt, cancels, failure, virtualAccount, secretHash, type, PgPaymentMethod.of(method));
    }

    /** A one-time payment ({@code NORMAL}), with or without a virtual account. */
    public PgPayment(PaymentKey paymentKey, OrderId orderId, String status, Money totalAmount, Money balanceAmount,
                     String method, CardSummary card, String receiptUrl, String lastTransactionKey, Instant approvedAt,
                     List<PgCancel> cancels, Failure failure, PgVirtualAccount virtualAccount, String secretHash) {
        this(paymentKey, orderId, status, totalAmount, balanceAmount, method, card, receiptUrl, lastTransactionKey,
                approvedAt, cancels, failure, virtualAccount, secretHash, PgPaymentType.NORMAL);
    }

    /** A one-time card payment ({@code NORMAL}): no virtual account, no secret. */
    public PgPayment(PaymentKey paymentKey, OrderId orderId, String status, Money totalAmount, Money balanceAmount,
                     String method, CardSummary card, String receiptUrl, String lastTransactionKey, Instant approvedAt,
                     List<PgCancel> cancels, Failure failure) {
        this(paymentKey, orderId, status, totalAmount, balanceAmount, method, card, receiptUrl, lastTransactionKey,
                approvedAt, cancels, failure, null, null, PgPaymentType.NORMAL);
    }

    /** The account a buyer deposits into; Toss's {@code secret} is kept only as {@link #secretHash}. */
    public record PgVirtualAccount(String bank, String accountNumber, Instant dueDate) {
    }

    /** One cancel as the PG recorded it. */
    public record PgCancel(String transactionKey, Money cancelAmount, String cancelReason, Instant canceledAt,
                           Money taxFreeAmount) {

        /** A cancel with nothing tax-free in it (or the PG did not say). */
        public PgCancel(String transactionKey, Money cancelAmount, String cancelReason, Instant canceledAt) {
            this(transactionKey, cancelAmount, cancelReason, canceledAt, null);
        }
    }

    /** The same record as another kind of payment. */
    public PgPayment ofType(PgPaymentType other) {
        return new PgPayment(paymentKey, orderId, status, totalAmount, balanceAmount, method, card, receiptUrl,
                lastTransactionKey, approvedAt, cancels, failure, virtualAccount, secretHash, other, paymentMethod);
    }

    /** Toss's status as a type ({@link PgPaymentStatus#UNRECOGNIZED} when this version does not know it). */
    public PgPaymentStatus state() {
        return PgPaymentStatus.of(status);
    }

    /** Approved and nothing of it cancelled. */
    public boolean isDone() {
        return state() == PgPaymentStatus.DONE;
    }

    /** The PG holds the money: approved, possibly partly or wholly cancelled since. */
    public boolean wasApproved() {
        return state().wasApproved();
    }
}
