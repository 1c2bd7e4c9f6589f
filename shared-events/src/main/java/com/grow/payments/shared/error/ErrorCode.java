package com.grow.payments.shared.error;

/**
 * Stable machine codes for rejected requests. The HTTP status is part of the code so that the
 * mapping to problem+json happens in exactly one place.
 */
public enum ErrorCode {
    VALIDATION_FAILED(400, "Request is not valid"),
    MALFORMED_REQUEST(400, "Request body cannot be read"),
    AMOUNT_MISMATCH(400, "Amount differs from the checkout"),
    ORDER_ID_RESERVED(400, "Order id is reserved for the service's own charges"),
    UNAUTHORIZED(401, "Authentication required"),
    PAYMENT_DECLINED(402, "Payment declined"),
    FORBIDDEN(403, "Not allowed"),
    CANCEL_WINDOW_CLOSED(403, "The owner's cancel window has closed"),
    PAYMENT_NOT_FOUND(404, "Payment not found"),
    NOT_FOUND(404, "Not found"),
    BILLING_KEY_NOT_FOUND(404, "Billing key not found"),
    SUBSCRIPTION_NOT_FOUND(404, "Subscription not found"),
    PROJECTION_NOT_FOUND(404, "No such event processor"),
    DEAD_LETTER_NOT_FOUND(404, "No such dead-lettered sequence"),
    RECONCILIATION_RUN_NOT_FOUND(404, "No such reconciliation run"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    ORDER_ID_ALREADY_USED(409, "Order id already used for another checkout"),
    PAYMENT_ALREADY_PROCESSED(409, "Payment already processed"),
    CONFIRMATION_IN_PROGRESS(409, "Another confirmation of this order is in progress"),
    INVALID_STATE_TRANSITION(409, "Payment cannot move to that status"),
    CONCURRENT_MODIFICATION(409, "Payment was changed concurrently"),
    PAYMENT_NOT_CANCELABLE(409, "Payment cannot be cancelled in its status"),
    CANCEL_IN_PROGRESS(409, "Another cancel of this payment is in progress"),
    CANCEL_REFUSED(409, "Toss refused the cancel"),
    SUBSCRIPTION_NOT_RESUMABLE(409, "Only a past-due or suspended subscription can be resumed"),
    SUBSCRIPTION_CANCELED(409, "The subscription is canceled"),
    PAYMENT_NOT_FLAGGED(409, "The payment is not flagged for an operator"),
    EVENT_CHAIN_BROKEN(409, "The payment's event hash chain is broken"),
    PROJECTION_NOT_REPLAYABLE(409, "This event processor has side effects and is never replayed"),
    PROJECTION_BUSY(409, "The event processor is held by another instance or already replaying"),
    IDEMPOTENCY_KEY_REUSED(409, "Idempotency-Key already used for another request"),
    REQUEST_IN_PROGRESS(409, "A request with this Idempotency-Key is still running"),
    AUTH_KEY_ALREADY_USED(409, "This authKey was already exchanged for a billing key"),
    BILLING_KEY_DELETED(409, "The billing key is deleted"),
    CASH_RECEIPT_NOT_APPLICABLE(409, "A cash receipt is issued only for a paid virtual-account or transfer payment"),
    PAYLOAD_TOO_LARGE(413, "Request body too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    CANCEL_AMOUNT_EXCEEDS_BALANCE(422, "Cancel amount exceeds the balance"),
    BILLING_KEY_REFUSED(422, "Toss refused to issue a billing key"),
    CASH_RECEIPT_REFUSED(422, "Toss refused to issue the cash receipt"),
    INTERNAL_ERROR(500, "Internal error"),
    SERVICE_UNAVAILABLE(503, "Service temporarily unavailable"),
    IDEMPOTENCY_UNAVAILABLE(503, "Idempotency keys cannot be checked right now");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
