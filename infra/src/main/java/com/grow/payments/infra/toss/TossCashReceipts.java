package com.grow.payments.infra.toss;

import com.fasterxml.jackson.databind.JsonNode;
import com.grow.payments.sagas.gateway.CashReceiptOutcome;
import com.grow.payments.shared.cashreceipt.CashReceiptStatus;
import com.grow.payments.shared.cashreceipt.CashReceiptType;
import com.grow.payments.shared.cashreceipt.PgCashReceipt;
import com.grow.payments.shared.payment.Failure;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Toss's cash-receipt answers read into the service's types (docs/toss.md): a CashReceipt row, the
 * day's list, and which errors are final. The identity number in Toss's answer is never read.
 */
final class TossCashReceipts {

    /** Refusals no retry changes; any other code (or a 5xx) leaves the outcome unknown: look it up. */
    static final Set<String> FINAL_REFUSALS = Set.of("INVALID_REQUEST", "NOT_FOUND_CASH_RECEIPT",
            "ALREADY_CANCELED_CASH_RECEIPT", "NOT_CANCELABLE_CASH_RECEIPT", "NOT_CANCELABLE_AMOUNT",
            "INVALID_CASH_RECEIPT_TYPE", "INVALID_IDENTITY_NUMBER", "UNAUTHORIZED_KEY", "FORBIDDEN_REQUEST");

    private TossCashReceipts() {
    }

    static CashReceiptOutcome outcome(int status, JsonNode body) {
        if (status == 200 && body.hasNonNull("receiptKey")) {
            return new CashReceiptOutcome.Done(receipt(body));
        }
        String code = body.path("code").asText("");
        if (status >= 400 && status < 500 && FINAL_REFUSALS.contains(code)) {
            return new CashReceiptOutcome.Refused(new Failure(code, body.path("message").asText(null)));
        }
        return new CashReceiptOutcome.Unknown("HTTP " + status + (code.isEmpty() ? "" : " " + code));
    }

    static PgCashReceipt receipt(JsonNode node) {
        CashReceiptType type;
        try {
            type = CashReceiptType.of(node.path("type").asText());
        } catch (IllegalArgumentException e) {
            type = null;
        }
        return new PgCashReceipt(text(node, "receiptKey"), text(node, "orderId"), type, node.path("amount").asLong(),
                node.path("taxFreeAmount").asLong(), CashReceiptStatus.fromToss(text(node, "issueStatus")),
                text(node, "issueNumber"), text(node, "receiptUrl"),
                "CANCEL".equals(node.path("transactionType").asText()), instant(node, "requestedAt"));
    }

    /** One page of {@code GET /v1/cash-receipts}: its rows, and the cursor of the next page (null when none). */
    record Page(List<PgCashReceipt> receipts, String nextCursor) {
    }

    static Page page(JsonNode body) {
        List<PgCashReceipt> rows = new ArrayList<>();
        body.path("data").forEach(row -> rows.add(receipt(row)));
        String cursor = body.path("hasNext").asBoolean(false) ? text(body, "lastCursor") : null;
        return new Page(rows, cursor);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant instant(JsonNode node, String field) {
        String text = text(node, field);
        try {
            return text == null ? null : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
