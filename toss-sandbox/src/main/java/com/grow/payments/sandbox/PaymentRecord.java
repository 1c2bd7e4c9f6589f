package com.grow.payments.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The mutable state of one payment. Not thread-safe on its own: every read and write happens
 * under the {@link PaymentStore} lock.
 */
final class PaymentRecord {

    /** After authentication the merchant has this long to confirm (TOSS.md section 9). */
    static final Duration CONFIRM_WINDOW = Duration.ofMinutes(10);

    private static final String NO_APPROVAL = "00000000";

    /** The card a payment is made with, as Toss reports it (issuer/acquirer codes, masked number). */
    record CardProfile(String issuerCode, String acquirerCode, String number, String company) {

        /** A KB (국민, code 11) test card with a fresh masked number, as the payment window uses. */
        static CardProfile windowTestCard() {
            return new CardProfile("11", "11", "4330" + TossFormats.approveNo().substring(0, 4) + "****" + "123*", "국민");
        }
    }

    private final String paymentKey;
    private final PaymentType type;
    private final String orderId;
    private final String orderName;
    private final long totalAmount;
    private final long taxFreeAmount;
    private final Instant requestedAt;
    private final Instant authenticatedAt;
    private final String outcome;
    private final CardProfile card;

    private PaymentStatus status = PaymentStatus.IN_PROGRESS;
    private long balanceAmount;
    private Instant approvedAt;
    private String approveNo = NO_APPROVAL;
    private String acquireStatus = "READY";
    private String lastTransactionKey;
    private SandboxPayment.Failure failure;
    private final List<SandboxPayment.Cancel> cancels = new ArrayList<>();

    /** A payment-window session (NORMAL, IN_PROGRESS until confirm). */
    PaymentRecord(String paymentKey, String orderId, String orderName, long totalAmount, Instant authenticatedAt,
                  String outcome) {
        this(paymentKey, PaymentType.NORMAL, orderId, orderName, totalAmount, 0L, authenticatedAt, outcome,
                CardProfile.windowTestCard());
    }

    /** Any payment; {@code taxFreeAmount} must be between 0 and {@code totalAmount}. */
    PaymentRecord(String paymentKey, PaymentType type, String orderId, String orderName, long totalAmount,
                  long taxFreeAmount, Instant authenticatedAt, String outcome, CardProfile card) {
        this.paymentKey = paymentKey;
        this.type = type;
        this.orderId = orderId;
        this.orderName = orderName;
        this.totalAmount = totalAmount;
        this.taxFreeAmount = taxFreeAmount;
        this.balanceAmount = totalAmount;
        this.requestedAt = authenticatedAt;
        this.authenticatedAt = authenticatedAt;
        this.outcome = outcome;
        this.card = card;
    }

    String paymentKey() {
        return paymentKey;
    }

    String orderId() {
        return orderId;
    }

    long totalAmount() {
        return totalAmount;
    }

    long balanceAmount() {
        return balanceAmount;
    }

    PaymentStatus status() {
        return status;
    }

    /** The Toss error code the buyer's window chose, or null when the card approves. */
    String outcome() {
        return outcome;
    }

    /** Applies the 10-minute rule lazily: returns true if this call moved the payment to EXPIRED. */
    boolean expireIfDue(Instant now) {
        if (status != PaymentStatus.IN_PROGRESS || !now.isAfter(authenticatedAt.plus(CONFIRM_WINDOW))) {
            return false;
        }
        status = PaymentStatus.EXPIRED;
        failure = new SandboxPayment.Failure("NOT_FOUND_PAYMENT_SESSION", TossErrors.message("NOT_FOUND_PAYMENT_SESSION"));
        return true;
    }

    void approve(Instant now) {
        status = PaymentStatus.DONE;
        approvedAt = now;
        approveNo = TossFormats.approveNo();
        lastTransactionKey = TossFormats.transactionKey();
    }

    void abort(String code, String message) {
        status = PaymentStatus.ABORTED;
        failure = new SandboxPayment.Failure(code, message);
        lastTransactionKey = TossFormats.transactionKey();
    }

    void cancel(String reason, long amount, long taxFreeAmount, Instant now) {
        balanceAmount -= amount;
        String transactionKey = TossFormats.transactionKey();
        cancels.add(new SandboxPayment.Cancel(transactionKey, reason, amount, taxFreeAmount, balanceAmount, now,
                TossFormats.receiptKey()));
        lastTransactionKey = transactionKey;
        status = balanceAmount == 0 ? PaymentStatus.CANCELED : PaymentStatus.PARTIAL_CANCELED;
        if (status == PaymentStatus.CANCELED) {
            acquireStatus = "CANCELED";
        }
    }

    SandboxPayment snapshot() {
        // Tax-free and VAT follow what is still charged, so they shrink with each cancel as Toss's do.
        long canceledTaxFree = cancels.stream().mapToLong(SandboxPayment.Cancel::taxFreeAmount).sum();
        long taxFree = Math.min(balanceAmount, Math.max(0L, taxFreeAmount - canceledTaxFree));
        long vat = Math.round((balanceAmount - taxFree) / 11.0);
        return new SandboxPayment(paymentKey, type, orderId, orderName, status, "카드", totalAmount, balanceAmount,
                balanceAmount - taxFree - vat, vat, taxFree, requestedAt, authenticatedAt, approvedAt,
                lastTransactionKey, outcome,
                new SandboxPayment.Card(card.issuerCode(), card.acquirerCode(), card.number(), approveNo, totalAmount,
                        acquireStatus),
                cancels, failure);
    }
}
