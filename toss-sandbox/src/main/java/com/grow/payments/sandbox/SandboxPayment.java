package com.grow.payments.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * An immutable snapshot of one sandbox payment, for assertions and for rendering Toss's Payment JSON.
 *
 * @param outcome what the buyer's window decided: null to approve, or the Toss error code confirm will answer
 */
public record SandboxPayment(
        String paymentKey,
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
        Failure failure) {

    public SandboxPayment {
        cancels = List.copyOf(cancels);
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
}
