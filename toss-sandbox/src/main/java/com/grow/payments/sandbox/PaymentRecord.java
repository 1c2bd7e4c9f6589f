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
    private final VirtualAccountRecord virtualAccount;

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

    /** Any card payment; {@code taxFreeAmount} must be between 0 and {@code totalAmount}. */
    PaymentRecord(String paymentKey, PaymentType type, String orderId, String orderName, long totalAmount,
                  long taxFreeAmount, Instant authenticatedAt, String outcome, CardProfile card) {
        this(paymentKey, type, orderId, orderName, totalAmount, taxFreeAmount, authenticatedAt, outcome, card, null);
    }

    /** A virtual account just issued: WAITING_FOR_DEPOSIT until the buyer pays into it. */
    PaymentRecord(String paymentKey, String orderId, String orderName, long totalAmount, long taxFreeAmount,
                  Instant issuedAt, VirtualAccountRecord virtualAccount) {
        this(paymentKey, PaymentType.NORMAL, orderId, orderName, totalAmount, taxFreeAmount, issuedAt, null, null,
                virtualAccount);
        this.status = PaymentStatus.WAITING_FOR_DEPOSIT;
        this.lastTransactionKey = TossFormats.transactionKey();
    }

    private PaymentRecord(String paymentKey, PaymentType type, String orderId, String orderName, long totalAmount,
                          long taxFreeAmount, Instant authenticatedAt, String outcome, CardProfile card,
                          VirtualAccountRecord virtualAccount) {
        this.virtualAccount = virtualAccount;
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

    /** The virtual account, or null for a card payment. */
    VirtualAccountRecord virtualAccount() {
        return virtualAccount;
    }

    /** A virtual account the buyer has paid into: refunding it needs the buyer's bank account. */
    boolean isPaidVirtualAccount() {
        return virtualAccount != null && (status == PaymentStatus.DONE || status == PaymentStatus.PARTIAL_CANCELED);
    }

    /**
     * Applies the deadlines lazily: the 10-minute confirm window of a card session, and a virtual account's
     * due date, after which the account is {@code expired} and the payment moves to {@code expiredAccountStatus}
     * (EXPIRED, or WAITING_FOR_DEPOSIT to keep it). Returns true if this call changed the payment.
     */
    boolean expireIfDue(Instant now, PaymentStatus expiredAccountStatus) {
        if (virtualAccount != null) {
            if (status != PaymentStatus.WAITING_FOR_DEPOSIT || virtualAccount.expired()
                    || !virtualAccount.isPastDue(now)) {
                return false;
            }
            virtualAccount.markExpired();
            status = expiredAccountStatus;
            return true;
        }
        if (status != PaymentStatus.IN_PROGRESS || !now.isAfter(authenticatedAt.plus(CONFIRM_WINDOW))) {
            return false;
        }
        status = PaymentStatus.EXPIRED;
        failure = new SandboxPayment.Failure("NOT_FOUND_PAYMENT_SESSION", TossErrors.message("NOT_FOUND_PAYMENT_SESSION"));
        return true;
    }

    /** Whether the buyer can still pay into this virtual account. */
    boolean awaitsDeposit() {
        return virtualAccount != null && status == PaymentStatus.WAITING_FOR_DEPOSIT && !virtualAccount.expired();
    }

    /** The buyer paid the exact amount in: the payment is approved now. */
    void deposit(Instant now) {
        status = PaymentStatus.DONE;
        approvedAt = now;
        lastTransactionKey = TossFormats.transactionKey();
    }

    /** Toss's deposit error (입금 오류): the bank reverses the deposit and the buyer must pay again. */
    void reverseDeposit() {
        status = PaymentStatus.WAITING_FOR_DEPOSIT;
        approvedAt = null;
        lastTransactionKey = TossFormats.transactionKey();
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
        SandboxPayment.Card cardView = card == null ? null
                : new SandboxPayment.Card(card.issuerCode(), card.acquirerCode(), card.number(), approveNo, totalAmount,
                        acquireStatus);
        return new SandboxPayment(paymentKey, type, orderId, orderName, status,
                virtualAccount == null ? "카드" : "가상계좌", totalAmount, balanceAmount,
                balanceAmount - taxFree - vat, vat, taxFree, requestedAt, authenticatedAt, approvedAt,
                lastTransactionKey, outcome, cardView, cancels, failure,
                virtualAccount == null ? null : virtualAccount.secret(),
                virtualAccount == null ? null : virtualAccount.snapshot());
    }
}
