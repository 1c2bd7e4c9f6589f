package com.grow.payments.shared.cashreceipt;

import java.time.Instant;

/**
 * Toss's record of one cash-receipt transaction (an issue, or a cancel when {@code cancel}), as
 * much as the service keeps: never the identity number, which Toss answers masked anyway.
 */
public record PgCashReceipt(String receiptKey, String orderId, CashReceiptType type, long amount, long taxFreeAmount,
                            CashReceiptStatus issueStatus, String issueNumber, String receiptUrl, boolean cancel,
                            Instant requestedAt) {
}
