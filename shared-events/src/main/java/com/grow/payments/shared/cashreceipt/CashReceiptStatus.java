package com.grow.payments.shared.cashreceipt;

/**
 * Where a receipt stands. IN_PROGRESS, COMPLETED and FAILED are Toss's {@code issueStatus} (parsed
 * at the Toss adapter); REQUESTED (asked, no answer yet), UNKNOWN (the answer was lost, a look-up
 * settles it) and ON_DEPOSIT (asked with a virtual account: Toss issues it when the money comes in)
 * are the service's own.
 */
public enum CashReceiptStatus {
    REQUESTED, UNKNOWN, ON_DEPOSIT, IN_PROGRESS, COMPLETED, FAILED;

    /** Toss's issueStatus; anything new is taken as still in progress (a look-up tells later). */
    public static CashReceiptStatus fromToss(String issueStatus) {
        if ("COMPLETED".equals(issueStatus)) {
            return COMPLETED;
        }
        return "FAILED".equals(issueStatus) ? FAILED : IN_PROGRESS;
    }
}
