package com.grow.payments.sandbox;

import java.time.Instant;

/**
 * The virtual-account part of a {@link PaymentRecord}: the issued account, its deadline, the payment's
 * {@code secret} and the refund state. Mutable and not thread-safe, like its payment: used under the
 * {@link PaymentStore} lock only.
 */
final class VirtualAccountRecord {

    /** Toss's two account types; the sandbox only issues one-off ("일반") accounts. */
    static final String ONE_OFF = "일반";
    /** Settlement to the merchant happens days later at Toss, never inside the sandbox. */
    static final String SETTLEMENT_INCOMPLETED = "INCOMPLETED";

    private final String accountNumber;
    private final String bankCode;
    private final String customerName;
    private final Instant dueDate;
    private final String secret;
    private boolean expired;
    private String refundStatus = "NONE";
    private SandboxPayment.RefundReceiveAccount refundReceiveAccount;

    VirtualAccountRecord(String bankCode, String customerName, Instant dueDate) {
        this.accountNumber = TossFormats.virtualAccountNumber();
        this.bankCode = bankCode;
        this.customerName = customerName;
        this.dueDate = dueDate;
        this.secret = TossFormats.paymentSecret();
    }

    String secret() {
        return secret;
    }

    boolean expired() {
        return expired;
    }

    /** Whether the deadline has passed at {@code now}; the deadline instant itself still takes a deposit. */
    boolean isPastDue(Instant now) {
        return now.isAfter(dueDate);
    }

    void markExpired() {
        expired = true;
    }

    /** The sandbox pays refunds out at once, so a refund is COMPLETED as soon as it is accepted. */
    void refundedTo(SandboxPayment.RefundReceiveAccount account) {
        refundReceiveAccount = account;
        refundStatus = "COMPLETED";
    }

    SandboxPayment.VirtualAccount snapshot() {
        return new SandboxPayment.VirtualAccount(ONE_OFF, accountNumber, bankCode, customerName, dueDate, expired,
                SETTLEMENT_INCOMPLETED, refundStatus, refundReceiveAccount);
    }
}
