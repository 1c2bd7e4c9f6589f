package com.grow.payments.sandbox;

/** Toss's Payment.type values, spelled exactly as on the wire. */
public enum PaymentType {
    /** A payment from the buyer's payment window, approved by the merchant's confirm. */
    NORMAL,
    /** An automatic payment charged by the merchant with a billing key. */
    BILLING,
    BRANDPAY
}
