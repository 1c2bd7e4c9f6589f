package com.grow.payments.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Renders cash receipts with Toss's field names: the CashReceipt object, and the Payment's short {@code cashReceipt}. */
final class CashReceiptJson {

    /** The business number the sandbox's merchants issue receipts under (10 digits, as on a real receipt). */
    static final String BUSINESS_NUMBER = "1234567890";

    private final String baseUrl;

    CashReceiptJson(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    ObjectNode render(CashReceipt row) {
        ObjectNode n = Json.object();
        n.put("mId", row.mid());
        n.put("receiptKey", row.receiptKey());
        n.put("issueNumber", row.issueNumber());
        n.put("issueStatus", row.issueStatus());
        n.put("amount", row.amount());
        n.put("taxFreeAmount", row.taxFreeAmount());
        n.put("orderId", row.orderId());
        n.put("orderName", row.orderName());
        n.put("type", row.type());
        n.put("transactionType", row.transactionType());
        n.put("businessNumber", BUSINESS_NUMBER);
        n.put("customerIdentityNumber", row.customerIdentityNumber());
        n.set("failure", CashReceipt.FAILED.equals(row.issueStatus())
                ? Json.object().put("code", "FAILED_CASH_RECEIPT").put("message", "현금영수증 발급에 실패했습니다.")
                : null);
        n.put("requestedAt", TossFormats.timestamp(row.requestedAt()));
        n.put("receiptUrl", receiptUrl(row));
        return n;
    }

    /** The Payment's {@code cashReceipt}: the issue, for what is still not cancelled of it. */
    ObjectNode summary(CashReceipt issue, long remaining, long remainingTaxFree) {
        return Json.object()
                .put("type", issue.type())
                .put("receiptKey", issue.receiptKey())
                .put("issueNumber", issue.issueNumber())
                .put("receiptUrl", receiptUrl(issue))
                .put("amount", remaining)
                .put("taxFreeAmount", remainingTaxFree);
    }

    private String receiptUrl(CashReceipt row) {
        return baseUrl + "/sandbox/cash-receipts/" + row.receiptKey();
    }
}
