package com.grow.payments.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a merchant reconciles against (거래·정산 대사), built from what the sandbox holds:
 * <ul>
 *   <li>{@code GET /v1/transactions?startDate=&endDate=&startingAfter=&limit=}: a JSON array, one row per
 *   approval and per cancel, by the time it happened (Seoul, both ends inclusive); paging passes the last row's
 *   {@code transactionKey} as {@code startingAfter}, and a key the merchant never had is 400
 *   INVALID_TRANSACTION_KEY. {@code limit} is 100 by default, at most 10,000.</li>
 *   <li>{@code GET /v1/settlements?startDate=&endDate=&dateType=soldDate|paidOutDate&page=&size=}: a JSON array,
 *   one row per transaction with its fees, VAT on them and what is paid out, under {@link SettlementTerms}.
 *   Cancels are negative rows carrying {@code cancel}.</li>
 * </ul>
 * Both answer only the calling key's merchant.
 */
final class ReconciliationApi {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 10_000;

    private final PaymentStore store;
    private final SettlementTerms terms;

    ReconciliationApi(PaymentStore store, SettlementTerms terms) {
        this.store = store;
        this.terms = terms;
    }

    void register(Router router) {
        router.toss("GET", "/v1/transactions", FaultPlan.TRANSACTIONS, this::transactions)
                .toss("GET", "/v1/settlements", FaultPlan.SETTLEMENTS, this::settlements);
    }

    private SandboxResponse transactions(SandboxRequest request) {
        LocalDateTime start = dateTime(request.query("startDate"), "startDate");
        LocalDateTime end = dateTime(request.query("endDate"), "endDate");
        int limit = (int) CashReceiptApi.number(request.query("limit"), "limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
        String startingAfter = request.query("startingAfter");
        List<SandboxTransaction> rows = store.atomically(() -> {
            long after = 0;
            if (startingAfter != null && !startingAfter.isBlank()) {
                SandboxTransaction last = store.transaction(startingAfter);
                if (last == null || !last.mid().equals(request.mid())) {
                    throw new TossApiException("INVALID_TRANSACTION_KEY");
                }
                after = last.sequence();
            }
            long from = after;
            return store.transactions(request.mid()).stream()
                    .filter(tx -> tx.sequence() > from && within(tx, start, end))
                    .limit(limit)
                    .toList();
        });
        ArrayNode out = Json.MAPPER.createArrayNode();
        rows.forEach(tx -> out.add(transaction(tx)));
        return SandboxResponse.json(200, out);
    }

    private static boolean within(SandboxTransaction tx, LocalDateTime start, LocalDateTime end) {
        LocalDateTime at = LocalDateTime.ofInstant(tx.transactionAt(), TossFormats.SEOUL).withNano(0);
        return !at.isBefore(start) && !at.isAfter(end);
    }

    private static ObjectNode transaction(SandboxTransaction tx) {
        return Json.object()
                .put("mId", tx.mid())
                .put("transactionKey", tx.transactionKey())
                .put("paymentKey", tx.paymentKey())
                .put("orderId", tx.orderId())
                .put("currency", "KRW")
                .put("method", tx.method())
                .put("customerKey", tx.customerKey())
                .put("useEscrow", false)
                .put("amount", tx.amount())
                .put("status", tx.status().name())
                .put("transactionAt", TossFormats.timestamp(tx.transactionAt()));
    }

    private SandboxResponse settlements(SandboxRequest request) {
        LocalDate start = date(request.query("startDate"), "startDate");
        LocalDate end = date(request.query("endDate"), "endDate");
        String dateType = request.query("dateType");
        boolean byPayout;
        if (dateType == null || dateType.isBlank() || "soldDate".equals(dateType)) {
            byPayout = false;
        } else if ("paidOutDate".equals(dateType)) {
            byPayout = true;
        } else {
            throw TossApiException.invalidRequest("dateType 은 soldDate 또는 paidOutDate 여야 합니다.");
        }
        long page = CashReceiptApi.number(request.query("page"), "page", 1, Integer.MAX_VALUE, 1);
        long size = CashReceiptApi.number(request.query("size"), "size", 1, MAX_LIMIT, DEFAULT_LIMIT);
        List<SandboxTransaction> all = store.atomically(() -> store.transactions(request.mid()));
        Map<String, SandboxTransaction> approvals = new HashMap<>();
        all.stream().filter(tx -> tx.kind() == SandboxTransaction.Kind.APPROVAL)
                .forEach(tx -> approvals.putIfAbsent(tx.paymentKey(), tx));
        ArrayNode out = Json.MAPPER.createArrayNode();
        all.stream()
                .filter(tx -> {
                    LocalDate day = byPayout ? paidOutDate(tx) : soldDate(tx);
                    return !day.isBefore(start) && !day.isAfter(end);
                })
                .skip((page - 1) * size)
                .limit(size)
                .forEach(tx -> out.add(settlement(tx, approvals.get(tx.paymentKey()))));
        return SandboxResponse.json(200, out);
    }

    private ObjectNode settlement(SandboxTransaction tx, SandboxTransaction approval) {
        boolean credit = tx.kind() == SandboxTransaction.Kind.APPROVAL;
        long amount = credit ? tx.amount() : -tx.amount();
        long fee = terms.fee(tx);
        long vat = SettlementTerms.vatOn(fee);
        ObjectNode n = Json.object()
                .put("mId", tx.mid())
                .put("paymentKey", tx.paymentKey())
                .put("transactionKey", tx.transactionKey())
                .put("orderId", tx.orderId())
                .put("currency", "KRW")
                .put("method", tx.method())
                .put("amount", amount)
                .put("interestFee", 0L);
        ArrayNode fees = Json.MAPPER.createArrayNode();
        fees.add(Json.object().put("type", "BASE").put("fee", fee + vat));
        n.set("fees", fees);
        n.put("supplyAmount", fee)
                .put("vat", vat)
                .put("payOutAmount", amount - fee - vat)
                .put("approvedAt", TossFormats.timestamp(approval == null ? tx.transactionAt() : approval.transactionAt()))
                .put("soldDate", soldDate(tx).toString())
                .put("paidOutDate", paidOutDate(tx).toString());
        n.set("cancel", tx.kind() == SandboxTransaction.Kind.CANCEL
                ? Json.object().put("cancelAmount", tx.amount()).put("taxFreeAmount", tx.taxFreeAmount())
                        .put("canceledAt", TossFormats.timestamp(tx.transactionAt()))
                : null);
        return n;
    }

    private static LocalDate soldDate(SandboxTransaction tx) {
        return tx.transactionAt().atZone(TossFormats.SEOUL).toLocalDate();
    }

    private LocalDate paidOutDate(SandboxTransaction tx) {
        return soldDate(tx).plusDays(terms.payoutDelayDays());
    }

    /** {@code 2022-01-01T00:00:00} in Seoul time; an offset, if given, is honoured. */
    private static LocalDateTime dateTime(String text, String name) {
        if (text == null || text.isBlank()) {
            throw TossApiException.invalidRequest(name + " 값이 필요합니다. (yyyy-MM-dd'T'HH:mm:ss)");
        }
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.ofInstant(OffsetDateTime.parse(text).toInstant(), TossFormats.SEOUL);
            } catch (DateTimeParseException e) {
                throw TossApiException.invalidRequest(name + " 는 yyyy-MM-dd'T'HH:mm:ss 형식이어야 합니다.");
            }
        }
    }

    private static LocalDate date(String text, String name) {
        if (text == null || text.isBlank()) {
            throw TossApiException.invalidRequest(name + " 값이 필요합니다. (yyyy-MM-dd)");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw TossApiException.invalidRequest(name + " 는 yyyy-MM-dd 형식이어야 합니다.");
        }
    }
}
