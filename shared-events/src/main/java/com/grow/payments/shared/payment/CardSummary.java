package com.grow.payments.shared.payment;

/** What may be kept of the card Toss charged: codes, the masked number, the approval number. */
public record CardSummary(
        String issuerCode,
        String acquirerCode,
        String maskedNumber,
        String cardType,
        int installmentPlanMonths,
        String approveNo) {
}
