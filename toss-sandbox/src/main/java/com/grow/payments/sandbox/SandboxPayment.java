package com.grow.payments.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An immutable snapshot of one sandbox payment, for assertions and for rendering Toss's Payment JSON.
 *
 * @param type    NORMAL for a payment-window payment, BILLING for a charge with a billing key
 * @param outcome        what the buyer's window (or the billing card) decided: null to approve, or the Toss error
 *                       code confirm (or the charge) answers with
 * @param card           null for a virtual-account payment
 * @param secret         a virtual-account payment's check value (DEPOSIT_CALLBACK carries the same), else null
 * @param virtualAccount the issued account, or null for a card payment
 * @param mid            the merchant whose payment it is; null for a window session no merchant confirmed yet
 * @param customerKey    the billing customer of a billing charge, else null
 * @param cashReceipts   the transactions of the receipt Toss issued with the payment (issue, then cancels)
 */
public record SandboxPayment(
        String paymentKey,
        PaymentType type,
        String orderId,
        String orderName,
        PaymentStatus status,
        String method,
        long totalAmount,
        long balanceAmount,
        long suppliedAmount,
        long vat,
        long taxFreeAmount,
        Instant requestedAt,
        Instant authenticatedAt,
        Instant approvedAt,
        String lastTransactionKey,
        String outcome,
        Card card,
        List<Cancel> cancels,
        Failure failure,
        String secret,
        VirtualAccount virtualAccount,
        String mid,
        String customerKey,
        List<CashReceipt> cashReceipts) {

    public SandboxPayment {
        cancels = List.copyOf(cancels);
        cashReceipts = List.copyOf(cashReceipts);
    }

    /** The receipt Toss issued with the payment (a virtual account's {@code cashReceipt} on deposit), if any. */
    public Optional<CashReceipt> cashReceipt() {
        return cashReceipts.stream().filter(row -> CashReceipt.CONFIRM.equals(row.transactionType())).findFirst();
    }

    /** Sum of all cancel amounts so far. */
    public long canceledAmount() {
        return cancels.stream().mapToLong(Cancel::cancelAmount).sum();
    }

    public record Card(String issuerCode, String acquirerCode, String number, String approveNo,
                       long amount, String acquireStatus) {
    }

    public record Cancel(String transactionKey, String cancelReason, long cancelAmount, long taxFreeAmount,
                         long refundableAmount, Instant canceledAt, String receiptKey) {
    }

    public record Failure(String code, String message) {
    }

    /**
     * Toss's {@code virtualAccount} object.
     *
     * @param refundReceiveAccount where a refund of the deposit went, or null before any refund
     */
    public record VirtualAccount(String accountType, String accountNumber, String bankCode, String customerName,
                                 Instant dueDate, boolean expired, String settlementStatus, String refundStatus,
                                 RefundReceiveAccount refundReceiveAccount) {
    }

    /** The buyer's bank account a paid virtual account is refunded to. */
    public record RefundReceiveAccount(String bankCode, String accountNumber, String holderName) {
    }
}
