package com.grow.payments.infra.toss;

import com.fasterxml.jackson.databind.JsonNode;
import com.grow.payments.sagas.gateway.CancelOutcome;
import com.grow.payments.sagas.gateway.ConfirmOutcome;
import com.grow.payments.sagas.gateway.IssueOutcome;
import com.grow.payments.sagas.gateway.LookupOutcome;
import com.grow.payments.shared.Currency;
import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import com.grow.payments.shared.payment.CardSummary;
import com.grow.payments.shared.payment.Failure;
import com.grow.payments.shared.payment.PgPayment;
import com.grow.payments.shared.payment.PgPaymentMethod;
import com.grow.payments.shared.payment.PgPaymentStatus;
import com.grow.payments.shared.payment.PgPaymentType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Reads Toss's JSON (a Payment object or an error) into the gateway's terms. */
final class TossPayments {

    private TossPayments() {
    }

    static PgPayment payment(JsonNode node) {
        JsonNode card = node.path("card");
        CardSummary cardSummary = card.isObject()
                ? new CardSummary(text(card, "issuerCode"), text(card, "acquirerCode"), text(card, "number"),
                text(card, "cardType"), card.path("installmentPlanMonths").asInt(0), text(card, "approveNo"))
                : null;
        Currency currency = Currency.valueOf(node.path("currency").asText("KRW"));
        List<PgPayment.PgCancel> cancels = new ArrayList<>();
        node.path("cancels").forEach(cancel -> cancels.add(new PgPayment.PgCancel(text(cancel, "transactionKey"),
                new Money(cancel.path("cancelAmount").asLong(), currency), text(cancel, "cancelReason"),
                instant(cancel, "canceledAt"), new Money(cancel.path("taxFreeAmount").asLong(0), currency))));
        JsonNode failure = node.path("failure");
        JsonNode account = node.path("virtualAccount");
        PgPayment.PgVirtualAccount virtualAccount = account.isObject()
                ? new PgPayment.PgVirtualAccount(text(account, "bankCode"), text(account, "accountNumber"),
                instant(account, "dueDate"))
                : null;
        return new PgPayment(
                new PaymentKey(node.path("paymentKey").asText()),
                new OrderId(node.path("orderId").asText()),
                node.path("status").asText(),
                new Money(node.path("totalAmount").asLong(), currency),
                new Money(node.path("balanceAmount").asLong(), currency),
                text(node, "method"),
                cardSummary,
                text(node.path("receipt"), "url"),
                text(node, "lastTransactionKey"),
                instant(node, "approvedAt"),
                cancels,
                failure.isObject() ? new Failure(text(failure, "code"), text(failure, "message")) : null,
                virtualAccount,
                SecretHashes.of(text(node, "secret")),
                type(text(node, "type")),
                PgPaymentMethod.of(text(node, "method")));
    }

    /** Toss's payment type; one this version does not know is UNRECOGNIZED, never a guess. */
    static PgPaymentType type(String value) {
        if (value == null) {
            return PgPaymentType.UNRECOGNIZED;
        }
        return switch (value) {
            case "NORMAL" -> PgPaymentType.NORMAL;
            case "BILLING" -> PgPaymentType.BILLING;
            case "BRANDPAY" -> PgPaymentType.BRANDPAY;
            default -> PgPaymentType.UNRECOGNIZED;
        };
    }

    /** The outcome of a billing-key issue: Toss's Billing object, or its error. */
    static IssueOutcome issueOutcome(int status, JsonNode body) {
        if (status == 200 && body.hasNonNull("billingKey")) {
            JsonNode card = body.path("card");
            String masked = text(body, "cardNumber") != null ? text(body, "cardNumber") : text(card, "number");
            Instant issuedAt = instant(body, "authenticatedAt");
            return new IssueOutcome.Issued(body.path("billingKey").asText(), text(body, "cardCompany"), masked,
                    issuedAt);
        }
        Failure failure = new Failure(body.path("code").asText("HTTP_" + status),
                body.path("message").asText("Toss answered HTTP " + status));
        return status >= 500 || status == 409 ? new IssueOutcome.Unknown(failure.code() + ": " + failure.message())
                : new IssueOutcome.Refused(failure);
    }

    /** The outcome of a look-up by order id. */
    static LookupOutcome lookupOutcome(int status, JsonNode body) {
        if (status == 200) {
            return new LookupOutcome.Found(payment(body));
        }
        String code = body.path("code").asText("HTTP_" + status);
        if (status == 404 && "NOT_FOUND_PAYMENT".equals(code)) {
            return new LookupOutcome.NotFound();
        }
        return new LookupOutcome.Unknown(code + ": " + body.path("message").asText());
    }

    /**
     * The outcome of a cancel. Only refusals known to be final count as refused; a retry that
     * finds the payment already cancelled (ALREADY_CANCELED_PAYMENT) may be our own earlier try:
     * it is looked up, never taken as a refusal.
     */
    static CancelOutcome cancelOutcome(int status, JsonNode body) {
        if (status == 200) {
            PgPayment payment = payment(body);
            if (payment.cancels().isEmpty()) {
                return new CancelOutcome.Unknown("Toss answered 200 without a cancel");
            }
            return new CancelOutcome.Cancelled(payment, payment.cancels().get(payment.cancels().size() - 1));
        }
        Failure failure = new Failure(body.path("code").asText("HTTP_" + status),
                body.path("message").asText("Toss answered HTTP " + status));
        if (status < 500 && TossErrorCodes.FINAL_CANCEL_REFUSALS.contains(failure.code())) {
            return new CancelOutcome.Refused(failure);
        }
        return new CancelOutcome.Unknown(failure.code() + ": " + failure.message());
    }

    /** The outcome of a confirm (or billing charge) from Toss's HTTP status and body. */
    static ConfirmOutcome confirmOutcome(int status, JsonNode body, String expectedOrderId) {
        if (status == 200) {
            PgPayment payment = payment(body);
            boolean accepted = payment.state() == PgPaymentStatus.DONE
                    || payment.state() == PgPaymentStatus.WAITING_FOR_DEPOSIT && payment.virtualAccount() != null;
            if (!accepted || !payment.orderId().value().equals(expectedOrderId)) {
                return new ConfirmOutcome.Unknown("Toss answered 200 with status " + payment.status()
                        + " for order " + payment.orderId());
            }
            return new ConfirmOutcome.Approved(payment);
        }
        Failure failure = new Failure(body.path("code").asText("HTTP_" + status),
                body.path("message").asText("Toss answered HTTP " + status));
        if (status >= 500) {
            return new ConfirmOutcome.Unknown(failure.code() + ": " + failure.message());
        }
        if (TossErrorCodes.SESSION_EXPIRED.contains(failure.code())) {
            return new ConfirmOutcome.Expired(failure);
        }
        if (TossErrorCodes.FINAL_DECLINES.contains(failure.code())) {
            return new ConfirmOutcome.Declined(failure);
        }
        return new ConfirmOutcome.Unknown(failure.code() + ": " + failure.message());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : OffsetDateTime.parse(value).toInstant();
    }
}
