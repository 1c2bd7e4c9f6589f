package com.grow.payments.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Toss's cash receipts (현금영수증): issue {@code POST /v1/cash-receipts}, cancel
 * {@code POST /v1/cash-receipts/{receiptKey}/cancel} (all that is left, or {@code amount} of it), and the
 * look-up by request date {@code GET /v1/cash-receipts?requestDate=&cursor=&limit=}, which answers
 * {@code {hasNext, lastCursor, data[]}} with one row per issue and per cancel. A key sees only its own
 * merchant's receipts.
 * <p>
 * Choices where Toss's behaviour is not documented: a second issue for the same order is not refused (it is
 * counted, see {@link SandboxStats#cashReceiptsIssued}, so a test can prove a client never issues twice); an
 * unknown or another merchant's receipt is 404 NOT_FOUND_CASH_RECEIPT; a receipt with nothing left to cancel is
 * 400 ALREADY_CANCELED_CASH_RECEIPT; one not COMPLETED is 403 NOT_CANCELABLE_CASH_RECEIPT; a partial cancel takes
 * the taxable part first; the identity number comes back masked.
 */
final class CashReceiptApi {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 10_000;
    private static final int MAX_ORDER_NAME = 100;

    private final PaymentStore store;
    private final CashReceiptBook book;
    private final SandboxStats stats;
    private final CashReceiptJson json;
    private final AtomicInteger nextInProgress = new AtomicInteger();

    CashReceiptApi(PaymentStore store, CashReceiptBook book, SandboxStats stats, CashReceiptJson json) {
        this.store = store;
        this.book = book;
        this.stats = stats;
        this.json = json;
    }

    void register(Router router) {
        router.toss("POST", "/v1/cash-receipts", FaultPlan.CASH_RECEIPT, this::issue)
                .toss("POST", "/v1/cash-receipts/{receiptKey}/cancel", FaultPlan.CASH_RECEIPT_CANCEL, this::cancel)
                .toss("GET", "/v1/cash-receipts", FaultPlan.CASH_RECEIPT_LOOKUP, this::lookup)
                .sandbox("GET", "/sandbox/cash-receipts/{receiptKey}", "receipt", this::page);
    }

    /** The next {@code count} issues answer IN_PROGRESS, until {@link #settle} completes or fails them. */
    void issueNextInProgress(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        nextInProgress.set(count);
    }

    /** Plays the tax office's late answer on an IN_PROGRESS receipt: COMPLETED or FAILED. */
    CashReceipt settle(String receiptKey, String issueStatus) {
        if (!CashReceipt.COMPLETED.equals(issueStatus) && !CashReceipt.FAILED.equals(issueStatus)) {
            throw TossApiException.invalidRequest("issueStatus 는 COMPLETED 또는 FAILED 여야 합니다.");
        }
        return store.atomically(() -> {
            CashReceiptRecord record = find(null, receiptKey);
            if (!CashReceipt.IN_PROGRESS.equals(record.issue().issueStatus())) {
                throw TossApiException.invalidRequest("발급 진행 중(IN_PROGRESS)인 현금영수증이 아닙니다.");
            }
            return record.settle(issueStatus);
        });
    }

    private SandboxResponse issue(SandboxRequest request) {
        JsonNode body = request.json();
        long amount = Json.requiredPositiveLong(body, "amount");
        String orderId = Json.requiredText(body, "orderId");
        if (!TossFormats.isValidOrderId(orderId)) {
            throw TossApiException.invalidRequest("orderId 는 영문 대소문자, 숫자, -, _ 로 이루어진 6자 이상 64자 이하여야 합니다.");
        }
        String orderName = Json.requiredText(body, "orderName");
        if (orderName.length() > MAX_ORDER_NAME) {
            throw TossApiException.invalidRequest("orderName 은 최대 100자입니다.");
        }
        CashReceiptRecord.Request receipt = CashReceiptRecord.Request.of(Json.requiredText(body, "type"),
                Json.requiredText(body, "customerIdentityNumber"), "customerIdentityNumber");
        long taxFree = Json.optionalLong(body, "taxFreeAmount").orElse(0L);
        if (taxFree < 0 || taxFree > amount) {
            throw TossApiException.invalidRequest("taxFreeAmount 는 0 이상 amount 이하여야 합니다.");
        }
        String status = nextInProgress.getAndUpdate(n -> Math.max(0, n - 1)) > 0
                ? CashReceipt.IN_PROGRESS : CashReceipt.COMPLETED;
        CashReceiptRecord issued = store.atomically(() -> book.issue(request.mid(), orderId, orderName, receipt,
                amount, taxFree, status, store.now()));
        stats.recordCashReceiptIssued(orderId);
        return SandboxResponse.json(200, json.render(issued.issue()));
    }

    private SandboxResponse cancel(SandboxRequest request) {
        String receiptKey = request.pathParam("receiptKey");
        OptionalLong requested = request.body().length == 0 ? OptionalLong.empty()
                : Json.optionalLong(request.json(), "amount");
        if (requested.isPresent() && requested.getAsLong() <= 0) {
            throw TossApiException.invalidRequest("amount 는 0보다 커야 합니다.");
        }
        CashReceipt canceled = store.atomically(() -> {
            CashReceiptRecord record = find(request.mid(), receiptKey);
            if (!CashReceipt.COMPLETED.equals(record.issue().issueStatus())) {
                throw new TossApiException("NOT_CANCELABLE_CASH_RECEIPT");
            }
            long remaining = record.remaining();
            if (remaining == 0) {
                throw new TossApiException("ALREADY_CANCELED_CASH_RECEIPT");
            }
            long amount = requested.orElse(remaining);
            if (amount > remaining) {
                throw new TossApiException("NOT_CANCELABLE_AMOUNT");
            }
            long taxable = remaining - record.remainingTaxFree();
            long taxFree = Math.max(0L, amount - taxable);
            return book.cancel(record, amount, taxFree, store.now());
        });
        return SandboxResponse.json(200, json.render(canceled));
    }

    private SandboxResponse lookup(SandboxRequest request) {
        LocalDate date = requestDate(request.query("requestDate"));
        long cursor = number(request.query("cursor"), "cursor", 0L, Long.MAX_VALUE, 0L);
        int limit = (int) number(request.query("limit"), "limit", 1L, MAX_LIMIT, DEFAULT_LIMIT);
        List<CashReceipt> rows = store.atomically(() -> book.rows(request.mid(), date, cursor));
        List<CashReceipt> page = rows.subList(0, Math.min(limit, rows.size()));
        ArrayNode data = Json.MAPPER.createArrayNode();
        page.forEach(row -> data.add(json.render(row)));
        ObjectNode answer = Json.object();
        answer.put("hasNext", rows.size() > page.size());
        if (page.isEmpty()) {
            answer.putNull("lastCursor");
        } else {
            answer.put("lastCursor", page.get(page.size() - 1).sequence());
        }
        answer.set("data", data);
        return SandboxResponse.json(200, answer);
    }

    private SandboxResponse page(SandboxRequest request) {
        CashReceiptRecord record = store.atomically(() -> book.find(null, request.pathParam("receiptKey")));
        if (record == null) {
            return SandboxResponse.html(404, CheckoutHtml.problem("존재하지 않는 현금영수증 입니다."));
        }
        CashReceipt issue = record.issue();
        return SandboxResponse.html(200, CheckoutHtml.page("현금영수증",
                "<h1>샌드박스 현금영수증 (" + CheckoutHtml.escape(issue.type()) + ")</h1>"
                        + "<p>주문번호 <code>" + CheckoutHtml.escape(issue.orderId()) + "</code></p>"
                        + "<p>승인번호 " + issue.issueNumber() + " / 상태 " + issue.issueStatus() + "</p>"
                        + "<p>금액 " + issue.amount() + "원, 남은 금액 " + record.remaining() + "원</p>"));
    }

    private CashReceiptRecord find(String mid, String receiptKey) {
        CashReceiptRecord record = book.find(mid, receiptKey);
        if (record == null) {
            throw new TossApiException("NOT_FOUND_CASH_RECEIPT");
        }
        return record;
    }

    private static LocalDate requestDate(String text) {
        if (text == null || text.isBlank()) {
            throw TossApiException.invalidRequest("requestDate 값이 필요합니다. (yyyy-MM-dd)");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw TossApiException.invalidRequest("requestDate 는 yyyy-MM-dd 형식이어야 합니다.");
        }
    }

    /** A query number within bounds, or {@code fallback} when absent. */
    static long number(String text, String name, long min, long max, long fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw TossApiException.invalidRequest(name + " 값은 정수여야 합니다.");
        }
        if (value < min || value > max) {
            throw TossApiException.invalidRequest(name + " 값은 " + min + " 이상 " + max + " 이하여야 합니다.");
        }
        return value;
    }
}
