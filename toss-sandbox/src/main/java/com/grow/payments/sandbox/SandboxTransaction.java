package com.grow.payments.sandbox;

import java.time.Instant;

/**
 * One row of Toss's transaction list ({@code GET /v1/transactions}): every approval and every cancel of a
 * payment is its own transaction, sharing the payment's {@code paymentKey} under a distinct
 * {@code transactionKey}.
 *
 * @param sequence    the order the sandbox recorded it in: the list is sorted by it, so paging is stable
 * @param amount      what moved: the approved amount, or the cancelled one (positive in both cases)
 * @param status      the payment's status right after this transaction (DONE, PARTIAL_CANCELED, CANCELED, or
 *                    WAITING_FOR_DEPOSIT for a virtual account's deposit error)
 * @param customerKey the billing customer for a billing charge, else null
 */
public record SandboxTransaction(long sequence, Kind kind, String mid, String transactionKey, String paymentKey,
                                 String orderId, String method, String customerKey, long amount,
                                 long taxFreeAmount, PaymentStatus status, Instant transactionAt) {

    /** What the transaction did. */
    public enum Kind {
        APPROVAL,
        CANCEL,
        /** A virtual account's deposit taken back by the bank (입금 오류): the approval no longer stands. */
        DEPOSIT_REVERSAL
    }

    SandboxTransaction withSequence(long next) {
        return new SandboxTransaction(next, kind, mid, transactionKey, paymentKey, orderId, method, customerKey,
                amount, taxFreeAmount, status, transactionAt);
    }
}
