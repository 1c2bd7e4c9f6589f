package com.grow.payments.shared;

/** Currencies the service settles. Toss settles card and account payments in won. */
public enum Currency {
    KRW
}
