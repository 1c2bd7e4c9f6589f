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

    /** After authentication the merchant has this long to confirm (docs/toss.md). */
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
    /** The merchant whose payment this is; null for a window session no merchant has confirmed yet. */
    private String mid;
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
    private String customerKey;
    // Approvals and cancels not yet in the store's transaction list; the store drains them on every change.
    private final List<SandboxTransaction> unlisted = new ArrayList<>();
    private CashReceiptRecord.Request cashReceiptRequest;
    private CashReceiptRecord cashReceipt;

    /** A payment-window session (NORMAL, IN_PROGRESS until confirm); {@code mid} null binds it at confirm. */
    PaymentRecord(String mid, String paymentKey, String orderId, String orderName, long totalAmount,
                  long taxFreeAmount, Instant authenticatedAt, String outcome) {
        this(mid, paymentKey, PaymentType.NORMAL, orderId, orderName, totalAmount, taxFreeAmount, authenticatedAt,
                outcome, CardProfile.windowTestCard());
    }

    /** Any card payment; {@code taxFreeAmount} must be between 0 and {@code totalAmount}. */
    PaymentRecord(String mid, String paymentKey, PaymentType type, String orderId, String orderName, long totalAmount,
                  long taxFreeAmount, Instant authenticatedAt, String outcome, CardProfile card) {
        this(mid, paymentKey, type, orderId, orderName, totalAmount, taxFreeAmount, authenticatedAt, outcome, card,
                null);
    }

    /** A virtual account just issued: WAITING_FOR_DEPOSIT until the buyer pays into it. */
    PaymentRecord(String mid, String paymentKey, String orderId, String orderName, long totalAmount,
                  long taxFreeAmount, Instant issuedAt, VirtualAccountRecord virtualAccount) {
        this(mid, paymentKey, PaymentType.NORMAL, orderId, orderName, totalAmount, taxFreeAmount, issuedAt, null,
                null, virtualAccount);
        this.status = PaymentStatus.WAITING_FOR_DEPOSIT;
        this.lastTransactionKey = TossFormats.transactionKey();
    }

    private PaymentRecord(String mid, String paymentKey, PaymentType type, String orderId, String orderName,
                          long totalAmount, long taxFreeAmount, Instant authenticatedAt, String outcome,
                          CardProfile card, VirtualAccountRecord virtualAccount) {
        this.mid = mid;
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

    /** The billing customer of a billing charge, else null. */
    void customerKey(String customerKey) {
        this.customerKey = customerKey;
    }

    /** A virtual account's {@code cashReceipt} from its issue: Toss issues the receipt on deposit. */
    void requestCashReceipt(CashReceiptRecord.Request request) {
        this.cashReceiptRequest = request;
    }

    CashReceiptRecord.Request cashReceiptRequest() {
        return cashReceiptRequest;
    }

    /** The receipt Toss issued with this payment (on deposit), or null. */
    CashReceiptRecord cashReceipt() {
        return cashReceipt;
    }

    void cashReceipt(CashReceiptRecord receipt) {
        this.cashReceipt = receipt;
    }

    String orderName() {
        return orderName;
    }

    String method() {
        return virtualAccount == null ? "카드" : "가상계좌";
    }

    /** The tax-free part still refundable: the original minus what cancels took back. */
    long refundableTaxFree() {
        long canceledTaxFree = cancels.stream().mapToLong(SandboxPayment.Cancel::taxFreeAmount).sum();
        return Math.min(balanceAmount, Math.max(0L, taxFreeAmount - canceledTaxFree));
    }

    /** Transactions made since the last call, oldest first (for the store's transaction list). */
    List<SandboxTransaction> drainTransactions() {
        List<SandboxTransaction> out = List.copyOf(unlisted);
        unlisted.clear();
        return out;
    }

    private void transaction(SandboxTransaction.Kind kind, String transactionKey, long amount, long taxFree,
                             Instant at) {
        unlisted.add(new SandboxTransaction(0, kind, mid, transactionKey, paymentKey, orderId, method(), customerKey,
                amount, taxFree, status, at));
    }

    /** The merchant, or null for a window session not yet confirmed. */
    String mid() {
        return mid;
    }

    /**
     * Whether a caller of merchant {@code caller} may see this payment: its own merchant's, or a session no
     * merchant has confirmed yet. A null caller (the sandbox's own Java API and admin calls) sees everything.
     */
    boolean visibleTo(String caller) {
        return caller == null || mid == null || mid.equals(caller);
    }

    /** The buyer's window does not know the merchant; the first merchant to confirm the session owns it. */
    void bindTo(String caller) {
        if (mid == null) {
            mid = caller;
        }
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
        transaction(SandboxTransaction.Kind.APPROVAL, lastTransactionKey, totalAmount, taxFreeAmount, now);
    }

    /** Toss's deposit error (입금 오류): the bank reverses the deposit and the buyer must pay again. */
    void reverseDeposit(Instant now) {
        status = PaymentStatus.WAITING_FOR_DEPOSIT;
        approvedAt = null;
        lastTransactionKey = TossFormats.transactionKey();
        transaction(SandboxTransaction.Kind.DEPOSIT_REVERSAL, lastTransactionKey, totalAmount, taxFreeAmount, now);
    }

    void approve(Instant now) {
        status = PaymentStatus.DONE;
        approvedAt = now;
        approveNo = TossFormats.approveNo();
        lastTransactionKey = TossFormats.transactionKey();
        transaction(SandboxTransaction.Kind.APPROVAL, lastTransactionKey, totalAmount, taxFreeAmount, now);
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
        // Withdrawing a virtual account nobody paid into moves no money: it is no transaction.
        if (approvedAt != null) {
            transaction(SandboxTransaction.Kind.CANCEL, transactionKey, amount, taxFreeAmount, now);
        }
    }

    SandboxPayment snapshot() {
        // Tax-free and VAT follow what is still charged, so they shrink with each cancel as Toss's do.
        long taxFree = refundableTaxFree();
        long vat = Math.round((balanceAmount - taxFree) / 11.0);
        SandboxPayment.Card cardView = card == null ? null
                : new SandboxPayment.Card(card.issuerCode(), card.acquirerCode(), card.number(), approveNo, totalAmount,
                        acquireStatus);
        return new SandboxPayment(paymentKey, type, orderId, orderName, status,
                virtualAccount == null ? "카드" : "가상계좌", totalAmount, balanceAmount,
                balanceAmount - taxFree - vat, vat, taxFree, requestedAt, authenticatedAt, approvedAt,
                lastTransactionKey, outcome, cardView, cancels, failure,
                virtualAccount == null ? null : virtualAccount.secret(),
                virtualAccount == null ? null : virtualAccount.snapshot(),
                mid, customerKey, cashReceipt == null ? List.of() : cashReceipt.rows());
    }
}
