package com.grow.payments.sandbox;

import java.time.Instant;

/**
 * One transaction of a cash receipt (현금영수증) as Toss lists it: the issue ({@code CONFIRM}) or a cancel
 * ({@code CANCEL}, for the cancelled amount), under the receipt's {@code receiptKey}.
 *
 * @param sequence               the cursor of {@code GET /v1/cash-receipts}
 * @param customerIdentityNumber masked: the sandbox never hands the identity number back whole
 * @param issueStatus            IN_PROGRESS, COMPLETED or FAILED
 */
public record CashReceipt(long sequence, String mid, String receiptKey, String orderId, String orderName,
                          String type, String issueNumber, String issueStatus, String transactionType, long amount,
                          long taxFreeAmount, String customerIdentityNumber, Instant requestedAt) {

    public static final String CONFIRM = "CONFIRM";
    public static final String CANCEL = "CANCEL";
    public static final String IN_PROGRESS = "IN_PROGRESS";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";

    CashReceipt withIssueStatus(String status) {
        return new CashReceipt(sequence, mid, receiptKey, orderId, orderName, type, issueNumber, status,
                transactionType, amount, taxFreeAmount, customerIdentityNumber, requestedAt);
    }
}
