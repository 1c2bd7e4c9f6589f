package com.grow.payments.shared.payment;

/**
 * Toss's {@code type} of a payment, read at the adapter: what kind of payment Toss's record is, so
 * that a record of another kind is never taken for the one we asked for.
 */
public enum PgPaymentType {
    /** From the buyer's payment window (or a virtual account), approved by the merchant's confirm. */
    NORMAL,
    /** Charged by the merchant on a billing key: only the service's subscription charges are. */
    BILLING,
    /** Toss's BrandPay; the service never asks for one. */
    BRANDPAY,
    /** A type this version does not know, or none: never proof of anything. */
    UNRECOGNIZED
}
