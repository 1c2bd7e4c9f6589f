package com.grow.payments.infra.toss;

import java.util.Set;

/**
 * How Toss's error codes are read (docs/toss.md). Only codes known to be final count as a decline;
 * any other code — including ones Toss adds later — means "the outcome is not known: look it up".
 */
final class TossErrorCodes {

    static final Set<String> SESSION_EXPIRED = Set.of("NOT_FOUND_PAYMENT_SESSION");

    static final Set<String> FINAL_DECLINES = Set.of(
            "REJECT_CARD_PAYMENT", "REJECT_CARD_COMPANY", "FDS_ERROR", "FORBIDDEN_REQUEST",
            "INVALID_CARD_EXPIRATION", "INVALID_REJECT_CARD", "INVALID_STOPPED_CARD", "INVALID_CARD_NUMBER",
            "INVALID_CARD_LOST_OR_STOLEN", "INVALID_CARD_INSTALLMENT_PLAN", "EXCEED_MAX_CARD_INSTALLMENT_PLAN",
            "NOT_SUPPORTED_INSTALLMENT_PLAN_CARD_OR_MERCHANT", "EXCEED_MAX_DAILY_PAYMENT_COUNT",
            "EXCEED_MAX_PAYMENT_AMOUNT", "EXCEED_MAX_ONE_DAY_AMOUNT", "EXCEED_MAX_AUTH_COUNT", "BELOW_MINIMUM_AMOUNT",
            "NOT_AVAILABLE_PAYMENT", "NOT_AVAILABLE_BANK", "INVALID_PASSWORD", "REJECT_ACCOUNT_PAYMENT",
            "REJECT_TOSSPAY_INVALID_ACCOUNT", "RESTRICTED_TRANSFER_ACCOUNT", "INVALID_REQUEST", "NOT_FOUND_PAYMENT",
            "PAY_PROCESS_CANCELED", "PAY_PROCESS_ABORTED", "NOT_MATCHES_CUSTOMER_KEY", "NOT_FOUND_BILLING_KEY");

    /** Cancel refusals that no retry can change (docs/toss.md). */
    static final Set<String> FINAL_CANCEL_REFUSALS = Set.of(
            "NOT_CANCELABLE_AMOUNT", "NOT_CANCELABLE_PAYMENT", "EXCEED_MAX_REFUND_DUE", "INVALID_REFUND_ACCOUNT_INFO",
            "REFUND_REJECTED", "EXCEED_CANCEL_AMOUNT_DISCOUNT_AMOUNT", "INVALID_REQUEST", "NOT_FOUND_PAYMENT",
            "INVALID_BANK", "INVALID_REFUND_ACCOUNT_NUMBER");

    private TossErrorCodes() {
    }
}
