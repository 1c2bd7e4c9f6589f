package com.grow.payments.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.OptionalLong;

/**
 * Toss's core payment resource: confirm, the two lookups, and cancel. A cancel sends PAYMENT_STATUS_CHANGED
 * (Toss sends it on CANCELED and PARTIAL_CANCELED), and for a virtual account DEPOSIT_CALLBACK as well.
 */
final class PaymentsApi {

    private static final int MAX_CANCEL_REASON = 200;

    private final PaymentStore store;
    private final SandboxStats stats;
    private final PaymentJson json;
    private final WebhookOutbox outbox;
    private final CashReceiptBook receipts;

    PaymentsApi(PaymentStore store, SandboxStats stats, PaymentJson json, WebhookOutbox outbox,
                CashReceiptBook receipts) {
        this.store = store;
        this.stats = stats;
        this.json = json;
        this.outbox = outbox;
        this.receipts = receipts;
    }

    /**
     * A cancel as the API or the merchant console makes it.
     *
     * @param amount        null cancels the whole balance
     * @param taxFreeAmount null: the whole refundable tax-free part on a full cancel, none on a partial one
     * @param sendsWebhooks false for a cancel in the merchant console whose webhooks never arrive
     */
    record CancelOrder(String mid, String paymentKey, String reason, Long amount, Long taxFreeAmount,
                       JsonNode refundAccount, boolean sendsWebhooks) {
    }

    void register(Router router) {
        router.toss("POST", "/v1/payments/confirm", FaultPlan.CONFIRM, this::confirm, this::countConfirm)
                .toss("GET", "/v1/payments/{paymentKey}", FaultPlan.LOOKUP, this::byPaymentKey)
                .toss("GET", "/v1/payments/orders/{orderId}", FaultPlan.LOOKUP, this::byOrderId)
                .toss("POST", "/v1/payments/{paymentKey}/cancel", FaultPlan.CANCEL, this::cancel);
    }

    /** Counted on arrival, before faults or replays, so tests see every attempt the client made. */
    private void countConfirm(SandboxRequest request) {
        JsonNode body = request.jsonOrNull();
        JsonNode orderId = body == null ? null : body.get("orderId");
        if (orderId != null && orderId.isTextual()) {
            stats.recordConfirmRequest(orderId.textValue());
        }
    }

    private SandboxResponse confirm(SandboxRequest request) {
        JsonNode body = request.json();
        String paymentKey = Json.requiredText(body, "paymentKey");
        String orderId = Json.requiredText(body, "orderId");
        if (!TossFormats.isValidOrderId(orderId)) {
            throw TossApiException.invalidRequest("orderId 는 영문 대소문자, 숫자, -, _ 로 이루어진 6자 이상 64자 이하여야 합니다.");
        }
        long amount = Json.requiredPositiveLong(body, "amount");
        return store.atomically(() -> approve(request.mid(), paymentKey, orderId, amount));
    }

    private SandboxResponse approve(String mid, String paymentKey, String orderId, long amount) {
        PaymentRecord payment = store.byPaymentKey(mid, paymentKey);
        if (payment == null || !payment.orderId().equals(orderId)) {
            throw new TossApiException("NOT_FOUND_PAYMENT_SESSION");
        }
        payment.bindTo(mid);
        switch (payment.status()) {
            case IN_PROGRESS -> { }
            case DONE, CANCELED, PARTIAL_CANCELED, ABORTED -> throw new TossApiException("ALREADY_PROCESSED_PAYMENT");
            default -> throw new TossApiException("NOT_FOUND_PAYMENT_SESSION");
        }
        if (amount != payment.totalAmount()) {
            throw TossApiException.invalidRequest("결제 금액이 일치하지 않습니다. (amount mismatch: requested "
                    + amount + ", authorized " + payment.totalAmount() + ")");
        }
        if (store.orderPaidByAnother(payment)) {
            throw new TossApiException("ALREADY_PROCESSED_PAYMENT");
        }
        String decline = payment.outcome();
        if (decline != null) {
            // In Toss a card decline surfaces at confirm, and the payment is then ABORTED for good.
            TossApiException error = new TossApiException(decline);
            payment.abort(error.code(), error.getMessage());
            store.changed(payment);
            throw error;
        }
        payment.approve(store.now());
        stats.recordApproval(orderId, amount);
        store.changed(payment);
        return SandboxResponse.json(200, json.render(payment.snapshot()));
    }

    private SandboxResponse byPaymentKey(SandboxRequest request) {
        String paymentKey = request.pathParam("paymentKey");
        return store.atomically(() -> render(store.byPaymentKey(request.mid(), paymentKey)));
    }

    private SandboxResponse byOrderId(SandboxRequest request) {
        String orderId = request.pathParam("orderId");
        return store.atomically(() -> render(store.byOrderId(request.mid(), orderId)));
    }

    private SandboxResponse render(PaymentRecord payment) {
        if (payment == null) {
            throw new TossApiException("NOT_FOUND_PAYMENT");
        }
        return SandboxResponse.json(200, json.render(payment.snapshot()));
    }

    private SandboxResponse cancel(SandboxRequest request) {
        String paymentKey = request.pathParam("paymentKey");
        JsonNode body = request.json();
        String reason = Json.requiredText(body, "cancelReason");
        if (reason.length() > MAX_CANCEL_REASON) {
            throw TossApiException.invalidRequest("cancelReason 은 최대 200자입니다.");
        }
        OptionalLong requested = Json.optionalLong(body, "cancelAmount");
        if (requested.isPresent() && requested.getAsLong() <= 0) {
            throw TossApiException.invalidRequest("cancelAmount 는 0보다 커야 합니다.");
        }
        OptionalLong taxFree = Json.optionalLong(body, "taxFreeAmount");
        if (taxFree.isPresent() && taxFree.getAsLong() < 0) {
            throw TossApiException.invalidRequest("taxFreeAmount 는 0 이상이어야 합니다.");
        }
        JsonNode refundAccount = body.get("refundReceiveAccount");
        if (refundAccount != null && !refundAccount.isNull() && !refundAccount.isObject()) {
            throw TossApiException.invalidRequest("refundReceiveAccount 는 객체여야 합니다.");
        }
        // refundReceiveAccount only matters for paid virtual accounts; a card refund goes back to the card.
        CancelOrder order = new CancelOrder(request.mid(), paymentKey, reason,
                requested.isPresent() ? requested.getAsLong() : null,
                taxFree.isPresent() ? taxFree.getAsLong() : null, refundAccount, true);
        return SandboxResponse.json(200, json.render(cancel(order)));
    }

    /** Runs a cancel under the store lock and answers the payment as it now stands. */
    SandboxPayment cancel(CancelOrder order) {
        return store.atomically(() -> applyCancel(order));
    }

    private SandboxPayment applyCancel(CancelOrder order) {
        PaymentRecord payment = store.byPaymentKey(order.mid(), order.paymentKey());
        if (payment == null) {
            throw new TossApiException("NOT_FOUND_PAYMENT");
        }
        if (payment.status() == PaymentStatus.CANCELED) {
            throw new TossApiException("ALREADY_CANCELED_PAYMENT");
        }
        if (!payment.status().isCancelable()) {
            throw new TossApiException("NOT_CANCELABLE_PAYMENT");
        }
        long amount = order.amount() == null ? payment.balanceAmount() : order.amount();
        if (amount > payment.balanceAmount()) {
            throw new TossApiException("NOT_CANCELABLE_AMOUNT");
        }
        long taxFree = taxFreePart(payment, amount, order.taxFreeAmount());
        boolean unpaidAccount = payment.status() == PaymentStatus.WAITING_FOR_DEPOSIT;
        if (unpaidAccount && amount != payment.balanceAmount()) {
            throw new TossApiException("NOT_CANCELABLE_AMOUNT", "입금 전 가상계좌는 부분 취소할 수 없습니다.");
        }
        SandboxPayment.RefundReceiveAccount refundTo = payment.isPaidVirtualAccount()
                ? VirtualAccountApi.refundReceiveAccount(order.refundAccount()) : null;
        Instant now = store.now();
        payment.cancel(order.reason(), amount, taxFree, now);
        if (refundTo != null) {
            payment.virtualAccount().refundedTo(refundTo);
        }
        cancelReceipt(payment.cashReceipt(), amount, taxFree, now);
        // Withdrawing an account nobody paid into returns no money.
        stats.recordCancel(payment.orderId(), unpaidAccount ? 0 : amount);
        store.changed(payment);
        SandboxPayment canceled = payment.snapshot();
        if (order.sendsWebhooks()) {
            outbox.add(OutgoingWebhook.paymentStatusChanged(json.renderAsMap(canceled), now));
            if (canceled.virtualAccount() != null) {
                outbox.add(OutgoingWebhook.depositCallback(canceled, now));
            }
        }
        return canceled;
    }

    /**
     * The tax-free part of a cancel of {@code amount}: as asked, or by default the whole refundable tax-free part
     * on a full cancel and none on a partial one. Neither part may exceed what is left of it: a tax-free
     * payment's taxable and tax-free balances are refunded separately.
     */
    private static long taxFreePart(PaymentRecord payment, long amount, Long requested) {
        long refundableTaxFree = payment.refundableTaxFree();
        boolean full = amount == payment.balanceAmount();
        long taxFree = requested != null ? requested : (full ? refundableTaxFree : 0L);
        if (taxFree > amount) {
            throw TossApiException.invalidRequest("taxFreeAmount 는 cancelAmount 보다 클 수 없습니다.");
        }
        if (taxFree > refundableTaxFree) {
            throw new TossApiException("NOT_CANCELABLE_AMOUNT", "취소 가능한 면세 금액을 초과했습니다. (refundable tax-free "
                    + refundableTaxFree + ", requested " + taxFree + ")");
        }
        long refundableTaxable = payment.balanceAmount() - refundableTaxFree;
        if (amount - taxFree > refundableTaxable) {
            throw new TossApiException("NOT_CANCELABLE_AMOUNT", "취소 가능한 과세 금액을 초과했습니다. (refundable taxable "
                    + refundableTaxable + ", requested " + (amount - taxFree) + ")");
        }
        return taxFree;
    }

    /** A receipt Toss issued with the payment is cancelled with it, for the cancelled amount. */
    private void cancelReceipt(CashReceiptRecord receipt, long amount, long taxFree, Instant now) {
        if (receipt == null || receipt.remaining() == 0) {
            return;
        }
        long receiptAmount = Math.min(amount, receipt.remaining());
        receipts.cancel(receipt, receiptAmount, Math.min(taxFree, receipt.remainingTaxFree()), now);
    }
}
