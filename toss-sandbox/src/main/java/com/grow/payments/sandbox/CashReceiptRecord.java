package com.grow.payments.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * One cash receipt and its transactions (the issue, then any cancels). Mutable and not thread-safe: used
 * under the {@link PaymentStore} lock only, like payments.
 */
final class CashReceiptRecord {

    /** Toss's two receipt types: for the buyer's income deduction, or as a business's proof of expense. */
    static final String INCOME_DEDUCTION = "소득공제";
    static final String PROOF_OF_EXPENSE = "지출증빙";

    /** What a receipt is issued for: {@code type} and the buyer's identity number (phone, resident or business number). */
    record Request(String type, String identityNumber) {

        static Request of(String type, String identityNumber, String identityField) {
            if (!INCOME_DEDUCTION.equals(type) && !PROOF_OF_EXPENSE.equals(type)) {
                throw TossApiException.invalidRequest("type 은 소득공제 또는 지출증빙 이어야 합니다.");
            }
            if (identityNumber == null || !identityNumber.matches("\\d{8,30}")) {
                throw TossApiException.invalidRequest(identityField + " 는 - 없이 숫자 8~30자여야 합니다.");
            }
            return new Request(type, identityNumber);
        }

        @Override
        public String toString() {
            return "Request[type=" + type + ", identityNumber=" + mask(identityNumber) + "]";
        }
    }

    private final CashReceipt issue;
    private final List<CashReceipt> rows = new ArrayList<>();

    CashReceiptRecord(CashReceipt issue) {
        this.issue = issue;
        rows.add(issue);
    }

    String receiptKey() {
        return issue.receiptKey();
    }

    String mid() {
        return issue.mid();
    }

    CashReceipt issue() {
        return rows.get(0);
    }

    List<CashReceipt> rows() {
        return List.copyOf(rows);
    }

    /** What can still be cancelled: the issued amount minus every cancel so far. */
    long remaining() {
        return issue.amount() - canceled(CashReceipt::amount);
    }

    long remainingTaxFree() {
        return issue.taxFreeAmount() - canceled(CashReceipt::taxFreeAmount);
    }

    void add(CashReceipt cancel) {
        rows.add(cancel);
    }

    /** Moves an IN_PROGRESS issue to COMPLETED or FAILED; returns the row as it now stands. */
    CashReceipt settle(String status) {
        CashReceipt settled = rows.get(0).withIssueStatus(status);
        rows.set(0, settled);
        return settled;
    }

    private long canceled(ToLongFunction<CashReceipt> field) {
        return rows.stream().filter(row -> CashReceipt.CANCEL.equals(row.transactionType())).mapToLong(field).sum();
    }

    /** All but the last four digits hidden: identity numbers are personal data. */
    static String mask(String identityNumber) {
        if (identityNumber == null) {
            return null;
        }
        int shown = Math.min(4, identityNumber.length() / 2);
        return "*".repeat(identityNumber.length() - shown) + identityNumber.substring(identityNumber.length() - shown);
    }
}
