package com.grow.payments.sandbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Renders a payment as Toss's Payment object (API version 2022-11-16), with Toss's field names and
 * explicit nulls for the parts a payment does not have (a card payment has no virtualAccount, a virtual
 * account no card), so clients parse the real shape.
 */
final class PaymentJson {

    static final String API_VERSION = "2022-11-16";

    private final String mid;
    private final String baseUrl;
    private final CashReceiptJson receipts;

    /** @param mid the default merchant, shown for a window session no merchant has confirmed yet */
    PaymentJson(String mid, String baseUrl) {
        this.mid = mid;
        this.baseUrl = baseUrl;
        this.receipts = new CashReceiptJson(baseUrl);
    }

    CashReceiptJson receipts() {
        return receipts;
    }

    ObjectNode render(SandboxPayment p) {
        ObjectNode n = Json.object();
        n.put("mId", p.mid() == null ? mid : p.mid());
        n.put("version", API_VERSION);
        n.put("lastTransactionKey", p.lastTransactionKey());
        n.put("paymentKey", p.paymentKey());
        n.put("type", p.type().name());
        n.put("orderId", p.orderId());
        n.put("orderName", p.orderName());
        n.put("currency", "KRW");
        n.put("method", p.method());
        n.put("status", p.status().name());
        n.put("totalAmount", p.totalAmount());
        n.put("balanceAmount", p.balanceAmount());
        n.put("suppliedAmount", p.suppliedAmount());
        n.put("vat", p.vat());
        n.put("taxFreeAmount", p.taxFreeAmount());
        n.put("taxExemptionAmount", 0L);
        n.put("requestedAt", TossFormats.timestamp(p.requestedAt()));
        n.put("approvedAt", TossFormats.timestamp(p.approvedAt()));
        n.put("useEscrow", false);
        n.put("cultureExpense", false);
        n.put("isPartialCancelable", true);
        n.set("card", p.card() == null ? null : card(p.card()));
        n.set("virtualAccount", p.virtualAccount() == null ? null : virtualAccount(p.virtualAccount()));
        n.putNull("transfer");
        n.putNull("mobilePhone");
        n.putNull("giftCertificate");
        n.set("cashReceipt", p.cashReceipt().map(issue -> receipts.summary(issue,
                remaining(p, CashReceipt::amount), remaining(p, CashReceipt::taxFreeAmount))).orElse(null));
        n.set("cashReceipts", p.cashReceipts().isEmpty() ? null : cashReceipts(p));
        n.putNull("discount");
        n.put("secret", p.secret());
        n.putNull("easyPay");
        n.put("country", "KR");
        n.set("cancels", p.cancels().isEmpty() ? null : cancels(p));
        n.set("receipt", Json.object().put("url", baseUrl + "/sandbox/receipts/" + p.paymentKey()));
        n.set("failure", p.failure() == null ? null
                : Json.object().put("code", p.failure().code()).put("message", p.failure().message()));
        n.putNull("metadata");
        return n;
    }

    /** The Payment object as a map, e.g. for a webhook's {@code data}. */
    Map<String, Object> renderAsMap(SandboxPayment p) {
        return Json.MAPPER.convertValue(render(p), new TypeReference<Map<String, Object>>() { });
    }

    private ArrayNode cashReceipts(SandboxPayment p) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        p.cashReceipts().forEach(row -> list.add(receipts.render(row)));
        return list;
    }

    /** What the issue row's field still counts once the cancel rows are taken off. */
    private static long remaining(SandboxPayment p, ToLongFunction<CashReceipt> field) {
        long total = 0;
        for (CashReceipt row : p.cashReceipts()) {
            total += CashReceipt.CANCEL.equals(row.transactionType()) ? -field.applyAsLong(row) : field.applyAsLong(row);
        }
        return total;
    }

    private static ObjectNode virtualAccount(SandboxPayment.VirtualAccount account) {
        ObjectNode n = Json.object()
                .put("accountType", account.accountType())
                .put("accountNumber", account.accountNumber())
                .put("bankCode", account.bankCode())
                .put("customerName", account.customerName())
                .put("dueDate", TossFormats.timestamp(account.dueDate()))
                .put("expired", account.expired())
                .put("settlementStatus", account.settlementStatus())
                .put("refundStatus", account.refundStatus());
        SandboxPayment.RefundReceiveAccount refund = account.refundReceiveAccount();
        n.set("refundReceiveAccount", refund == null ? null : Json.object()
                .put("bankCode", refund.bankCode())
                .put("accountNumber", refund.accountNumber())
                .put("holderName", refund.holderName()));
        n.putNull("depositorName");
        return n;
    }

    private static ObjectNode card(SandboxPayment.Card card) {
        return Json.object()
                .put("issuerCode", card.issuerCode())
                .put("acquirerCode", card.acquirerCode())
                .put("number", card.number())
                .put("installmentPlanMonths", 0)
                .put("isInterestFree", false)
                .putNull("interestPayer")
                .put("approveNo", card.approveNo())
                .put("useCardPoint", false)
                .put("cardType", "신용")
                .put("ownerType", "개인")
                .put("acquireStatus", card.acquireStatus())
                .put("amount", card.amount());
    }

    private static ArrayNode cancels(SandboxPayment p) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (SandboxPayment.Cancel c : p.cancels()) {
            list.add(Json.object()
                    .put("transactionKey", c.transactionKey())
                    .put("cancelReason", c.cancelReason())
                    .put("taxExemptionAmount", 0L)
                    .put("canceledAt", TossFormats.timestamp(c.canceledAt()))
                    .put("transferDiscountAmount", 0L)
                    .put("easyPayDiscountAmount", 0L)
                    .put("receiptKey", c.receiptKey())
                    .put("cancelAmount", c.cancelAmount())
                    .put("taxFreeAmount", c.taxFreeAmount())
                    .put("refundableAmount", c.refundableAmount())
                    .put("cancelStatus", "DONE")
                    // Only foreign easy-pay cancels run asynchronously and carry a request id.
                    .putNull("cancelRequestId"));
        }
        return list;
    }
}
