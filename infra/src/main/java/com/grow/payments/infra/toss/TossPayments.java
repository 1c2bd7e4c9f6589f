package com.grow.payments.infra.toss;

import com.fasterxml.jackson.databind.JsonNode;
import com.grow.payments.sagas.gateway.ConfirmOutcome;
import com.grow.payments.sagas.gateway.PgPayment;
import com.grow.payments.shared.Currency;
import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import com.grow.payments.shared.payment.CardSummary;
import com.grow.payments.shared.payment.Failure;
import java.time.Instant;
import java.time.OffsetDateTime;

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
        String currency = node.path("currency").asText("KRW");
        return new PgPayment(
                new PaymentKey(node.path("paymentKey").asText()),
                new OrderId(node.path("orderId").asText()),
                node.path("status").asText(),
                new Money(node.path("totalAmount").asLong(), Currency.valueOf(currency)),
                text(node, "method"),
                cardSummary,
                text(node.path("receipt"), "url"),
                text(node, "lastTransactionKey"),
                instant(node, "approvedAt"));
    }

    /** The outcome of a confirm (or billing charge) from Toss's HTTP status and body. */
    static ConfirmOutcome confirmOutcome(int status, JsonNode body, String expectedOrderId) {
        if (status == 200) {
            PgPayment payment = payment(body);
            if (!"DONE".equals(payment.status()) || !payment.orderId().value().equals(expectedOrderId)) {
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
