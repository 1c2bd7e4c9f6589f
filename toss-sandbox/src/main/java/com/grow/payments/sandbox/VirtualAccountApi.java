package com.grow.payments.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Toss's virtual accounts (가상계좌, docs/toss.md): {@code POST /v1/virtual-accounts} issues an account
 * and answers a Payment in WAITING_FOR_DEPOSIT with its {@code secret}; the buyer's deposit (played by
 * {@link #deposit}) approves it, and Toss's deposit error ({@link #reverseDeposit}) takes it back. Each of
 * these, and a cancel, sends DEPOSIT_CALLBACK (Toss sends it on issue, deposit and cancel). The due date
 * passing sends nothing: the payment just reads as expired from then on.
 * <p>
 * Choices where Toss's behaviour is not documented: an order that already has a payable account or took
 * money answers ALREADY_PROCESSED_PAYMENT (a retried issue should look the order up); {@code bank} must be
 * a 2- or 3-digit bank code and is echoed back as {@code bankCode} unchanged.
 */
final class VirtualAccountApi {

    static final int DEFAULT_VALID_HOURS = 168;
    static final int MAX_VALID_HOURS = 720;
    static final Duration MAX_DUE_AHEAD = Duration.ofDays(30);
    /** Toss's 2-digit bank codes ("20" 우리, "88" 신한) or the 3-digit KFTC ones ("004"). */
    static final Pattern BANK_CODE = Pattern.compile("\\d{2,3}");

    private static final int MAX_NAME = 100;
    private static final Pattern MOBILE_PHONE = Pattern.compile("\\d{8,15}");
    private static final Pattern ACCOUNT_NUMBER = Pattern.compile("\\d{1,20}");

    private final PaymentStore store;
    private final SandboxStats stats;
    private final PaymentJson json;
    private final WebhookOutbox outbox;
    private final CashReceiptBook receipts;

    VirtualAccountApi(PaymentStore store, SandboxStats stats, PaymentJson json, WebhookOutbox outbox,
                      CashReceiptBook receipts) {
        this.store = store;
        this.stats = stats;
        this.json = json;
        this.outbox = outbox;
        this.receipts = receipts;
    }

    void register(Router router) {
        router.toss("POST", "/v1/virtual-accounts", FaultPlan.VIRTUAL_ACCOUNT, this::issue);
    }

    private record Issue(String mid, String orderId, String orderName, long amount, long taxFreeAmount, String bank,
                         String customerName, Instant dueDate, CashReceiptRecord.Request cashReceipt) {
    }

    private SandboxResponse issue(SandboxRequest request) {
        JsonNode body = request.json();
        long amount = Json.requiredPositiveLong(body, "amount");
        String orderId = Json.requiredText(body, "orderId");
        if (!TossFormats.isValidOrderId(orderId)) {
            throw TossApiException.invalidRequest("orderId 는 영문 대소문자, 숫자, -, _ 로 이루어진 6자 이상 64자 이하여야 합니다.");
        }
        String orderName = Json.requiredText(body, "orderName");
        String customerName = Json.requiredText(body, "customerName");
        if (orderName.length() > MAX_NAME || customerName.length() > MAX_NAME) {
            throw TossApiException.invalidRequest("orderName, customerName 은 최대 100자입니다.");
        }
        String bank = Json.requiredText(body, "bank");
        if (!BANK_CODE.matcher(bank).matches()) {
            throw TossApiException.invalidRequest("bank 는 은행 코드(예: \"20\", \"88\", \"004\")여야 합니다.");
        }
        long taxFree = Json.optionalLong(body, "taxFreeAmount").orElse(0L);
        if (taxFree < 0 || taxFree > amount) {
            throw TossApiException.invalidRequest("taxFreeAmount 는 0 이상 amount 이하여야 합니다.");
        }
        checkContact(body);
        Instant dueDate = dueDate(body, store.now());
        Issue issue = new Issue(request.mid(), orderId, orderName, amount, taxFree, bank, customerName, dueDate,
                cashReceipt(body.get("cashReceipt")));
        return store.atomically(() -> open(issue));
    }

    /** {@code cashReceipt{type, registrationNumber}}: the receipt Toss issues on deposit, or null for none. */
    private static CashReceiptRecord.Request cashReceipt(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw TossApiException.invalidRequest("cashReceipt 는 객체여야 합니다.");
        }
        return CashReceiptRecord.Request.of(Json.requiredText(node, "type"),
                Json.requiredText(node, "registrationNumber"), "cashReceipt.registrationNumber");
    }

    /** Checked for shape only: Toss uses them to notify the buyer, they never show in the Payment. */
    private static void checkContact(JsonNode body) {
        String email = Json.optionalText(body, "customerEmail");
        if (email != null && (email.length() > MAX_NAME || !email.contains("@"))) {
            throw TossApiException.invalidRequest("customerEmail 형식이 올바르지 않습니다.");
        }
        String phone = Json.optionalText(body, "customerMobilePhone");
        if (phone != null && !MOBILE_PHONE.matcher(phone).matches()) {
            throw TossApiException.invalidRequest("customerMobilePhone 은 - 없이 숫자 8~15자여야 합니다.");
        }
    }

    /** validHours (1 to 720, 168 when absent) or dueDate (future, at most 30 days ahead), never both. */
    private static Instant dueDate(JsonNode body, Instant now) {
        JsonNode hours = body.get("validHours");
        String dueDate = Json.optionalText(body, "dueDate");
        boolean hasHours = hours != null && !hours.isNull();
        if (hasHours && dueDate != null) {
            throw TossApiException.invalidRequest("validHours 와 dueDate 는 함께 보낼 수 없습니다.");
        }
        if (dueDate != null) {
            Instant due = parseDueDate(dueDate);
            if (!due.isAfter(now) || due.isAfter(now.plus(MAX_DUE_AHEAD))) {
                throw TossApiException.invalidRequest("dueDate 는 현재 이후 30일 이내여야 합니다.");
            }
            return due;
        }
        long validHours = hasHours ? validHours(hours) : DEFAULT_VALID_HOURS;
        return now.plus(Duration.ofHours(validHours));
    }

    /** Toss's own examples send it as a number or as a numeric string; both are taken. */
    private static long validHours(JsonNode hours) {
        long value;
        if (hours.isIntegralNumber() && hours.canConvertToLong()) {
            value = hours.longValue();
        } else if (hours.isTextual() && hours.textValue().matches("\\d{1,4}")) {
            value = Long.parseLong(hours.textValue());
        } else {
            throw TossApiException.invalidRequest("validHours 값은 정수여야 합니다.");
        }
        if (value < 1 || value > MAX_VALID_HOURS) {
            throw TossApiException.invalidRequest("validHours 는 1 이상 720 이하여야 합니다.");
        }
        return value;
    }

    /** ISO-8601 with an offset, or Seoul local time without one ("2026-12-01T23:59:59"). */
    private static Instant parseDueDate(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(TossFormats.SEOUL).toInstant();
            } catch (DateTimeParseException e) {
                throw TossApiException.invalidRequest("dueDate 는 ISO 8601 형식(yyyy-MM-dd'T'HH:mm:ss)이어야 합니다.");
            }
        }
    }

    /** Call with the lock held. */
    private SandboxResponse open(Issue issue) {
        if (store.orderPaid(issue.mid(), issue.orderId()) || store.orderAwaitsDeposit(issue.mid(), issue.orderId())) {
            throw new TossApiException("ALREADY_PROCESSED_PAYMENT");
        }
        VirtualAccountRecord account = new VirtualAccountRecord(issue.bank(), issue.customerName(), issue.dueDate());
        PaymentRecord payment = store.addVirtualAccount(issue.mid(), issue.orderId(), issue.orderName(),
                issue.amount(), issue.taxFreeAmount(), account);
        payment.requestCashReceipt(issue.cashReceipt());
        store.changed(payment);
        SandboxPayment issued = payment.snapshot();
        outbox.add(OutgoingWebhook.depositCallback(issued, store.now()));
        return SandboxResponse.json(200, json.render(issued));
    }

    /** Plays the buyer paying the exact amount into the order's account: DONE, then DEPOSIT_CALLBACK. */
    SandboxPayment deposit(String orderId) {
        return store.atomically(() -> {
            PaymentRecord payment = virtualAccountOf(orderId);
            if (!payment.awaitsDeposit()) {
                throw TossApiException.invalidRequest("입금 대기 중인 가상계좌가 아닙니다. (status "
                        + payment.status() + ", expired " + payment.virtualAccount().expired() + ")");
            }
            Instant now = store.now();
            payment.deposit(now);
            issueReceipt(payment, now);
            stats.recordApproval(orderId, payment.totalAmount());
            return notifyDeposit(payment, now);
        });
    }

    /** Plays Toss's deposit error: a DONE account goes back to WAITING_FOR_DEPOSIT, then DEPOSIT_CALLBACK. */
    SandboxPayment reverseDeposit(String orderId) {
        return store.atomically(() -> {
            PaymentRecord payment = virtualAccountOf(orderId);
            if (payment.status() != PaymentStatus.DONE) {
                throw TossApiException.invalidRequest("입금 완료(DONE) 상태의 가상계좌만 입금 오류를 낼 수 있습니다. (status "
                        + payment.status() + ")");
            }
            payment.reverseDeposit(store.now());
            return notifyDeposit(payment, store.now());
        });
    }

    /**
     * The receipt asked for at issue, issued by Toss once the money is in. A deposit paid again after a deposit
     * error keeps the receipt it already has.
     */
    private void issueReceipt(PaymentRecord payment, Instant now) {
        CashReceiptRecord.Request request = payment.cashReceiptRequest();
        if (request == null || payment.cashReceipt() != null) {
            return;
        }
        SandboxPayment paid = payment.snapshot();
        payment.cashReceipt(receipts.issue(paid.mid(), paid.orderId(), paid.orderName(), request, paid.totalAmount(),
                paid.taxFreeAmount(), CashReceipt.COMPLETED, now));
        stats.recordCashReceiptIssued(paid.orderId());
    }

    private SandboxPayment notifyDeposit(PaymentRecord payment, Instant now) {
        store.changed(payment);
        SandboxPayment snapshot = payment.snapshot();
        outbox.add(OutgoingWebhook.depositCallback(snapshot, now));
        return snapshot;
    }

    /** Call with the lock held. */
    private PaymentRecord virtualAccountOf(String orderId) {
        PaymentRecord payment = store.byOrderId(orderId);
        if (payment == null) {
            throw new TossApiException("NOT_FOUND_PAYMENT");
        }
        if (payment.virtualAccount() == null) {
            throw TossApiException.invalidRequest("가상계좌 결제가 아닙니다. (order " + orderId + ")");
        }
        return payment;
    }

    /**
     * The refund account a cancel of a paid virtual account requires: INVALID_REFUND_ACCOUNT_INFO when it or
     * one of {@code bank, accountNumber, holderName} is missing or the bank is no bank code,
     * INVALID_REFUND_ACCOUNT_NUMBER when the account number is not digits only.
     */
    static SandboxPayment.RefundReceiveAccount refundReceiveAccount(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new TossApiException("INVALID_REFUND_ACCOUNT_INFO",
                    "입금된 가상계좌의 환불에는 refundReceiveAccount{bank, accountNumber, holderName} 가 필요합니다.");
        }
        String bank = text(node, "bank");
        String accountNumber = text(node, "accountNumber");
        String holderName = text(node, "holderName");
        if (bank == null || accountNumber == null || holderName == null) {
            throw new TossApiException("INVALID_REFUND_ACCOUNT_INFO",
                    "refundReceiveAccount 의 bank, accountNumber, holderName 이 모두 필요합니다.");
        }
        if (!BANK_CODE.matcher(bank).matches()) {
            throw new TossApiException("INVALID_REFUND_ACCOUNT_INFO", "refundReceiveAccount.bank 는 은행 코드여야 합니다.");
        }
        if (!ACCOUNT_NUMBER.matcher(accountNumber).matches()) {
            throw new TossApiException("INVALID_REFUND_ACCOUNT_NUMBER");
        }
        return new SandboxPayment.RefundReceiveAccount(bank, accountNumber, holderName);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }
}
