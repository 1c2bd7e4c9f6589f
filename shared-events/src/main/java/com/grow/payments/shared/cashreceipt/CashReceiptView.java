package com.grow.payments.shared.cashreceipt;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.grow.payments.shared.payment.Failure;
import com.grow.payments.shared.payment.VirtualAccountRequested;

/**
 * A payment's cash receipt as callers see it: what stands ({@code amount} after cancels), the
 * identity number masked only. {@code issueStatus}: REQUESTED or UNKNOWN until Toss's answer (or
 * its look-up) is in, then Toss's IN_PROGRESS, COMPLETED or FAILED.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CashReceiptView(String receiptKey, CashReceiptType type, long amount, long taxFreeAmount,
                              CashReceiptStatus issueStatus, String issueNumber, String receiptUrl,
                              String customerIdentityNumber, long canceledAmount, Failure failure) {

    /** The receipt after one more event; {@code before} when the event does not change it. */
    public static CashReceiptView after(CashReceiptView before, Object event) {
        if (event instanceof VirtualAccountRequested e && e.cashReceipt() != null) {
            return new CashReceiptView(null, e.cashReceipt().type(), e.amount().amount(), 0,
                    CashReceiptStatus.ON_DEPOSIT, null, null, e.cashReceipt().registrationNumberMasked(), 0, null);
        }
        if (event instanceof CashReceiptRequested e) {
            return new CashReceiptView(null, e.type(), e.amount().amount(), 0, CashReceiptStatus.REQUESTED, null, null,
                    e.identityNumberMasked(), 0, null);
        }
        if (before == null) {
            return null;
        }
        if (event instanceof CashReceiptOutcomeUnknown) {
            return before.with(CashReceiptStatus.UNKNOWN, null);
        }
        if (event instanceof CashReceiptIssueFailed e) {
            return before.with(CashReceiptStatus.FAILED, e.failure());
        }
        if (event instanceof CashReceiptIssued e) {
            return new CashReceiptView(e.receiptKey(), e.type() == null ? before.type : e.type(), e.amount().amount(),
                    e.taxFreeAmount(), e.issueStatus(), e.issueNumber(), e.receiptUrl(), before.customerIdentityNumber,
                    0, null);
        }
        if (event instanceof CashReceiptCanceled e) {
            return new CashReceiptView(receiptKeyOf(before), before.type, e.remaining().amount(), before.taxFreeAmount,
                    before.issueStatus, before.issueNumber, before.receiptUrl, before.customerIdentityNumber,
                    before.canceledAmount + e.cancelAmount().amount(), null);
        }
        return before;
    }

    /** Whether the event is only about the receipt (the payment's own view is left as it is). */
    public static boolean isAbout(Object event) {
        return event instanceof CashReceiptRequested || event instanceof CashReceiptOutcomeUnknown
                || event instanceof CashReceiptIssueFailed || event instanceof CashReceiptIssued
                || event instanceof CashReceiptCanceled;
    }

    /** Settled: Toss answered (or its look-up did), so an answer can be given. */
    public boolean settled() {
        return issueStatus != CashReceiptStatus.REQUESTED;
    }

    private static String receiptKeyOf(CashReceiptView view) {
        return view.receiptKey;
    }

    private CashReceiptView with(CashReceiptStatus status, Failure nextFailure) {
        return new CashReceiptView(receiptKey, type, amount, taxFreeAmount, status, issueNumber, receiptUrl,
                customerIdentityNumber, canceledAmount, nextFailure);
    }
}
