package com.grow.payments.command.payment;

import com.grow.payments.shared.payment.PgPayment;
import com.grow.payments.shared.payment.PgPaymentStatus;
import com.grow.payments.shared.payment.VirtualAccountIssued;
import java.util.Optional;

/**
 * A virtual account's opening: Toss's record opens it once it is waiting for the deposit (or
 * already paid); Toss's answer comes to an account still being opened, or to one whose answer timed
 * out, and to nothing else.
 */
final class VirtualAccounts {

    private VirtualAccounts() {
    }

    /** Toss's answer to the account's opening may still be recorded. */
    static boolean opening(PaymentSnapshot p) {
        return p.virtualAccount() && p.awaitingToss();
    }

    /** The account Toss opened, when its record shows one open (waiting or paid). */
    static Optional<VirtualAccountIssued> issued(PaymentSnapshot p, PgPayment pg) {
        if (pg.virtualAccount() == null || pg.state() != PgPaymentStatus.WAITING_FOR_DEPOSIT && !pg.wasApproved()) {
            return Optional.empty();
        }
        return Optional.of(new VirtualAccountIssued(p.orderId(), pg.paymentKey(), pg.virtualAccount().bank(),
                pg.virtualAccount().accountNumber(), pg.virtualAccount().dueDate(), pg.secretHash()));
    }
}
