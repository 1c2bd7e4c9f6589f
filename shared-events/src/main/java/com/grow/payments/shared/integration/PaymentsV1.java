package com.grow.payments.shared.integration;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The published language, version 1 (docs/events.md): the {@code data} of each event the service
 * publishes on {@code grow.payments.v1}. These records are a public contract of their own, apart
 * from the domain events: an aggregate may change its events, these stay as they are. A field is
 * never removed or renamed in version 1; new optional fields may appear, so consumers ignore
 * fields they do not know. Amounts are whole won; times are ISO-8601 with an offset.
 */
public final class PaymentsV1 {

    /** The version of these records, named by each event's {@code dataschema}. */
    public static final int VERSION = 1;

    /** CloudEvents {@code type} prefix: the type is this plus the record's name. */
    public static final String TYPE_PREFIX = "grow.payments.";

    private PaymentsV1() {
    }

    /** The data of one published event. */
    public sealed interface Data permits PaymentApproved, PaymentCanceled, PaymentFailed, VirtualAccountIssued,
            VirtualAccountDeposited, VirtualAccountDepositReversed, VirtualAccountExpired, SubscriptionCharged,
            SubscriptionChargeFailed, SubscriptionSuspended, BillingKeyDeleted, SubscriptionPaymentMethodChanged,
            CashReceiptIssued, CashReceiptCanceled {

        /** The Kafka key and CloudEvents subject: the order, subscription or billing key it is about. */
        String subject();

        /** The CloudEvents {@code type}, e.g. {@code grow.payments.PaymentApproved}. */
        default String type() {
            return TYPE_PREFIX + getClass().getSimpleName();
        }
    }

    /** Toss approved a card or easy-pay payment: the member paid {@code amount}. */
    public record PaymentApproved(String orderId, String memberId, String orderName, String paymentKey,
                                  String method, long amount, String currency, String status,
                                  Instant approvedAt, String receiptUrl) implements Data {
        public String subject() {
            return orderId;
        }
    }

    /**
     * Money went back to the member: {@code cancelAmount} refunded, {@code balanceAmount} left
     * ({@code status} CANCELED when nothing is left, else PARTIAL_CANCELED). An unpaid virtual
     * account that is cancelled refunds nothing: its cancelAmount is 0.
     */
    public record PaymentCanceled(String orderId, String memberId, String orderName, String paymentKey,
                                  long cancelAmount, long totalAmount, long balanceAmount, String currency,
                                  String status, String cancelReason, Instant canceledAt,
                                  String transactionKey) implements Data {
        public String subject() {
            return orderId;
        }
    }

    /**
     * The payment did not go through: declined (ABORTED), too late (EXPIRED), or approved by Toss
     * but refunded in full because it could not stand (CANCELED, with {@code refundedAmount}).
     * The member was not charged in the end.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record PaymentFailed(String orderId, String memberId, String orderName, String paymentKey,
                                long amount, String currency, String status, String code, String message,
                                long refundedAmount, Instant failedAt) implements Data {
        public String subject() {
            return orderId;
        }
    }

    /** Toss opened a virtual account: the member is to deposit {@code amount} by {@code dueDate}. */
    public record VirtualAccountIssued(String orderId, String memberId, String orderName, String paymentKey,
                                       long amount, String currency, String status, String bank,
                                       String accountNumber, Instant dueDate) implements Data {
        public String subject() {
            return orderId;
        }
    }

    /** The member deposited into the virtual account: the payment is paid (DONE). */
    public record VirtualAccountDeposited(String orderId, String memberId, String orderName, String paymentKey,
                                          long amount, String currency, String status,
                                          Instant depositedAt) implements Data {
        public String subject() {
            return orderId;
        }
    }

    /**
     * Toss reversed a deposit (a deposit error at the bank): {@code amount} is no longer paid and
     * the account waits for a deposit again. Not in v1's first list; added because a
     * consumer that credited the deposit must be told to take it back.
     */
    public record VirtualAccountDepositReversed(String orderId, String memberId, String orderName,
                                                String paymentKey, long amount, String currency, String status,
                                                String reason, Instant reversedAt) implements Data {
        public String subject() {
            return orderId;
        }
    }

    /** The due date passed with no deposit: the account is closed and nothing was paid. */
    public record VirtualAccountExpired(String orderId, String memberId, String orderName, String paymentKey,
                                        long amount, String currency, String status, Instant dueDate,
                                        Instant expiredAt) implements Data {
        public String subject() {
            return orderId;
        }
    }

    /** A subscription cycle was charged on the member's billing key. */
    public record SubscriptionCharged(String subscriptionId, String memberId, String planId, String orderName,
                                      int cycleNo, String orderId, String paymentKey, long amount,
                                      String currency, Instant chargedAt, Instant nextChargeAt) implements Data {
        public String subject() {
            return subscriptionId;
        }
    }

    /**
     * A cycle's charge was declined. {@code nextRetryAt} says when it is tried again; null (with
     * {@code willRetry} false) when no retry follows and a SubscriptionSuspended comes next.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SubscriptionChargeFailed(String subscriptionId, String memberId, String planId, int cycleNo,
                                           String orderId, long amount, String currency, String code,
                                           String message, int failedAttempts, boolean willRetry,
                                           Instant nextRetryAt) implements Data {
        public String subject() {
            return subscriptionId;
        }
    }

    /** No more charges until the member resumes: declines ran out, the card refused hard, or the key went. */
    public record SubscriptionSuspended(String subscriptionId, String memberId, String planId, String reason,
                                        Instant suspendedAt) implements Data {
        public String subject() {
            return subscriptionId;
        }
    }

    /** The member's billing key is deleted; subscriptions on it are suspended. The key itself is never published. */
    public record BillingKeyDeleted(String billingKeyId, String memberId, String reason,
                                    Instant deletedAt) implements Data {
        public String subject() {
            return billingKeyId;
        }
    }

    /**
     * The member moved the subscription to another of their cards: from now on it is charged on
     * {@code billingKeyId} only. No card data: the key is named by the service's id.
     */
    public record SubscriptionPaymentMethodChanged(String subscriptionId, String memberId, String planId,
                                                   String billingKeyId, Instant changedAt) implements Data {
        public String subject() {
            return subscriptionId;
        }
    }

    /**
     * Toss issued the order's cash receipt (현금영수증) for {@code amount}. The identity number it
     * was issued to is never published, not even masked.
     */
    public record CashReceiptIssued(String orderId, String memberId, String receiptKey, String receiptType, long amount,
                                    long taxFreeAmount, String currency, String issueStatus, String issueNumber,
                                    String receiptUrl, Instant issuedAt) implements Data {
        public String subject() {
            return orderId;
        }
    }

    /** A cancel of the payment cancelled {@code cancelAmount} of its cash receipt; {@code remainingAmount} stands. */
    public record CashReceiptCanceled(String orderId, String memberId, String receiptKey, long cancelAmount,
                                      long remainingAmount, String currency, Instant canceledAt) implements Data {
        public String subject() {
            return orderId;
        }
    }
}
