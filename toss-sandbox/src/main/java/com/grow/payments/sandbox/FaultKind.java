package com.grow.payments.sandbox;

/** Failure modes a test can inject in front of a Toss API endpoint. */
public enum FaultKind {
    /** 500 FAILED_INTERNAL_SYSTEM_PROCESSING; nothing is processed. */
    SERVER_ERROR,
    /** 400 PROVIDER_ERROR; nothing is processed. */
    PROVIDER_ERROR,
    /** 409 IDEMPOTENT_REQUEST_PROCESSING; nothing is processed. */
    IDEMPOTENT_PROCESSING,
    /** 403 REJECT_CARD_PAYMENT (e.g. no funds today); nothing is processed. The card works again later. */
    CARD_DECLINED,
    /** Nothing is processed and no answer comes: the connection is held, then closed. */
    TIMEOUT,
    /** The request IS processed (and its answer cached under its key), but the answer is never sent. */
    LOST_ANSWER;

    /** The error code a "nothing processed, answered" fault replies with, or null for the silent kinds. */
    String errorCode() {
        return switch (this) {
            case SERVER_ERROR -> "FAILED_INTERNAL_SYSTEM_PROCESSING";
            case PROVIDER_ERROR -> "PROVIDER_ERROR";
            case IDEMPOTENT_PROCESSING -> "IDEMPOTENT_REQUEST_PROCESSING";
            case CARD_DECLINED -> "REJECT_CARD_PAYMENT";
            case TIMEOUT, LOST_ANSWER -> null;
        };
    }
}
