package com.grow.payments.command.payment;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.payment.PgPayment;
import com.grow.payments.shared.payment.PgPaymentType;

/**
 * What Toss's record of a one-time payment must be before a look-up may move it: a {@code NORMAL}
 * payment (a billing charge or an unknown kind under a caller's order id is not what was asked),
 * and for a virtual account, an account for exactly the order's amount — a deposit is recorded as
 * paid at Toss's amount, so a different one must never get that far. A card payment approved for
 * another amount is not a doubt here: it is refunded in full (a compensation), as on confirm.
 */
final class PgExpectation {

    private PgExpectation() {
    }

    /** Why Toss's record is not what this payment asked for, or null when it is (or there is none). */
    static String doubt(PgPayment pg, Money asked, boolean virtualAccount) {
        if (pg == null) {
            return null;
        }
        if (pg.type() != PgPaymentType.NORMAL) {
            return "Toss's record of order " + pg.orderId() + " is a " + pg.type() + " payment, not a one-time payment";
        }
        if (virtualAccount && pg.virtualAccount() == null) {
            return "Toss's record of order " + pg.orderId() + " is paid by " + pg.method() + ", not a virtual account";
        }
        if (virtualAccount && !asked.sameAs(pg.totalAmount())) {
            return "Toss's account for order " + pg.orderId() + " is for " + pg.totalAmount() + ", the order's is "
                    + asked;
        }
        return null;
    }
}
