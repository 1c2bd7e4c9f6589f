package com.grow.payments.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every cash receipt the sandbox issued, by receipt key. Not thread-safe on its own: used under the
 * {@link PaymentStore} lock, so a payment's cancel and its receipt's cancel happen in one step.
 */
final class CashReceiptBook {

    private final Map<String, CashReceiptRecord> byKey = new LinkedHashMap<>();
    private long sequence;

    CashReceiptRecord issue(String mid, String orderId, String orderName, CashReceiptRecord.Request request,
                            long amount, long taxFreeAmount, String issueStatus, Instant now) {
        String receiptKey;
        do {
            receiptKey = TossFormats.cashReceiptKey();
        } while (byKey.containsKey(receiptKey));
        CashReceipt row = new CashReceipt(++sequence, mid, receiptKey, orderId, orderName, request.type(),
                TossFormats.issueNumber(), issueStatus, CashReceipt.CONFIRM, amount, taxFreeAmount,
                CashReceiptRecord.mask(request.identityNumber()), now);
        CashReceiptRecord record = new CashReceiptRecord(row);
        byKey.put(receiptKey, record);
        return record;
    }

    /** Records a cancel of {@code amount} (of which {@code taxFreeAmount} tax-free); the caller checked both. */
    CashReceipt cancel(CashReceiptRecord record, long amount, long taxFreeAmount, Instant now) {
        CashReceipt issue = record.issue();
        CashReceipt row = new CashReceipt(++sequence, issue.mid(), issue.receiptKey(), issue.orderId(),
                issue.orderName(), issue.type(), TossFormats.issueNumber(), CashReceipt.COMPLETED, CashReceipt.CANCEL,
                amount, taxFreeAmount, issue.customerIdentityNumber(), now);
        record.add(row);
        return row;
    }

    /** The receipt if merchant {@code mid} may see it (null sees all), else null. */
    CashReceiptRecord find(String mid, String receiptKey) {
        CashReceiptRecord record = receiptKey == null ? null : byKey.get(receiptKey);
        return record == null || (mid != null && !mid.equals(record.mid())) ? null : record;
    }

    /** The merchant's receipt transactions requested on {@code date} (Seoul) after {@code cursor}, in order. */
    List<CashReceipt> rows(String mid, LocalDate date, long cursor) {
        List<CashReceipt> out = new ArrayList<>();
        for (CashReceiptRecord record : byKey.values()) {
            for (CashReceipt row : record.rows()) {
                if ((mid == null || mid.equals(row.mid())) && row.sequence() > cursor
                        && row.requestedAt().atZone(TossFormats.SEOUL).toLocalDate().equals(date)) {
                    out.add(row);
                }
            }
        }
        out.sort(Comparator.comparingLong(CashReceipt::sequence));
        return out;
    }

    /** Every receipt issued for the order (for tests: "issued once"). */
    List<CashReceiptRecord> byOrder(String orderId) {
        return byKey.values().stream().filter(record -> record.issue().orderId().equals(orderId)).toList();
    }

    void clear() {
        byKey.clear();
    }
}
