package com.grow.payments.shared.cashreceipt;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a cash receipt (현금영수증) is for, written as Toss writes it: 소득공제 (income deduction) or 지출증빙 (expense proof). */
public enum CashReceiptType {
    INCOME_DEDUCTION("소득공제"),
    EXPENSE_PROOF("지출증빙");

    private final String label;

    CashReceiptType(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** Toss's label (or the constant's name); anything else is not a receipt type. */
    @JsonCreator
    public static CashReceiptType of(String text) {
        for (CashReceiptType type : values()) {
            if (type.label.equals(text) || type.name().equals(text)) {
                return type;
            }
        }
        throw new IllegalArgumentException("not a cash receipt type: " + text);
    }
}
