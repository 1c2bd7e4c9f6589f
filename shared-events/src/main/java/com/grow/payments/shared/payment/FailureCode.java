package com.grow.payments.shared.payment;

/**
 * The failure codes the service writes itself into a {@link Failure}, beside the codes Toss gives
 * (which pass through unchanged). Each says when it happens; {@code docs/errors.md} lists them with
 * the HTTP problem codes.
 */
public enum FailureCode {

    /** A look-up found no payment at Toss for the order: the buyer never finished, or Toss opened no account. */
    NOT_FOUND_PAYMENT("Toss has no payment for this order"),
    /** A virtual account's due date passed without a deposit. */
    EXPIRED("the account's due date passed"),
    /** Toss reports the attempt aborted without giving its own code. */
    ABORTED("as Toss reports it"),
    /** A cancel or a charge Toss has no record of after the settle time: nothing moved, it may be tried again. */
    NOT_PROCESSED_AT_PG("Toss has no record of this request"),
    /** A subscription's card was deleted before its cycle was charged: a hard decline. */
    BILLING_KEY_DELETED("the card's billing key was deleted"),
    /** A billing key that no longer decrypts: a hard decline, the key is flagged for an operator. */
    BILLING_KEY_UNREADABLE("the card's billing key cannot be read; an operator must look at it"),
    /** Toss's record of a cycle charge does not prove it paid: an operator looks before anything moves. */
    NEEDS_ATTENTION("Toss's record does not prove the charge"),
    /** Toss approved another amount than checked out: the approval is refunded in full. */
    AMOUNT_MISMATCH("Toss approved another amount than the checkout"),
    /** Toss approved a payment already recorded as aborted: refunded in full. */
    APPROVED_AFTER_ABORTED("Toss approved after the payment was recorded as aborted"),
    /** Toss approved a payment already recorded as expired: refunded in full. */
    APPROVED_AFTER_EXPIRED("Toss approved after the payment was recorded as expired"),
    /** A cash receipt asked for with no identity number kept for its order: nothing was sent to Toss. */
    IDENTITY_NUMBER_MISSING("no identity number is kept for this order");

    private final String meaning;

    FailureCode(String meaning) {
        this.meaning = meaning;
    }

    /** The failure with this code and its usual message. */
    public Failure failure() {
        return new Failure(name(), meaning);
    }

    /** The failure with this code and a message naming the case. */
    public Failure failure(String message) {
        return new Failure(name(), message);
    }

    public String meaning() {
        return meaning;
    }
}
