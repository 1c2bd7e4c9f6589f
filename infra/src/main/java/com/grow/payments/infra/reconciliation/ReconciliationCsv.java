package com.grow.payments.infra.reconciliation;

import java.time.ZoneId;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Items as CSV (RFC 4180, UTF-8, CRLF), one row per item, the JSON item's fields in the same order.
 * A cell that a spreadsheet would read as a formula (starting {@code = + - @}) is quoted with a
 * leading apostrophe, so an order id cannot run in finance's spreadsheet.
 */
final class ReconciliationCsv {

    static final String HEADER = "transactionKey,orderId,paymentKey,kind,tossAmount,ourAmount,tossStatus,ourStatus,"
            + "status,action,needsAttention,transactionAt,merchant,note\r\n";
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private ReconciliationCsv() {
    }

    static String row(ReconciliationController.ItemView item) {
        return Stream.of(item.transactionKey(), item.orderId(), item.paymentKey(), item.kind(), item.tossAmount(),
                        item.ourAmount(), item.tossStatus(), item.ourStatus(), item.status(), item.action(),
                        item.needsAttention(),
                        item.transactionAt() == null ? null : item.transactionAt().atZone(SEOUL).toOffsetDateTime(),
                        item.merchant(), item.note())
                .map(value -> cell(value == null ? "" : Objects.toString(value)))
                .collect(Collectors.joining(",", "", "\r\n"));
    }

    static String cell(String value) {
        String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+")
                ? "'" + value : value;
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
