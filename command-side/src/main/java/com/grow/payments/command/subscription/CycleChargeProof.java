package com.grow.payments.command.subscription;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.payment.PgPayment;
import com.grow.payments.shared.payment.PgPaymentStatus;
import com.grow.payments.shared.payment.PgPaymentType;
import java.util.Optional;

/**
 * Whether Toss's word proves a cycle paid: a billing charge ({@code BILLING}: only the service,
 * with its secret key and the subscription's billing key, can make one) of exactly the cycle's
 * amount, under the cycle's own order id, approved and not cancelled. Anything else — a one-time
 * payment someone made under that order id, another amount, a cancelled charge — proves nothing,
 * and the cycle is flagged rather than recorded (docs/money-rules.md).
 */
final class CycleChargeProof {

    private CycleChargeProof() {
    }

    /** Why Toss's record does not prove the cycle paid; empty when it does. */
    static Optional<String> doubt(PgPayment pg, String cycleOrderId, Money cycleAmount) {
        return doubt(pg.orderId().value(), pg.type(), pg.isDone(), pg.state(), pg.totalAmount(), cycleOrderId,
                cycleAmount);
    }

    /** The same for a charge's own approval, whose status Toss gave as DONE. */
    static Optional<String> doubt(String orderId, PgPaymentType type, Money amount, String cycleOrderId,
                                  Money cycleAmount) {
        return doubt(orderId, type, true, PgPaymentStatus.DONE, amount, cycleOrderId, cycleAmount);
    }

    private static Optional<String> doubt(String orderId, PgPaymentType type, boolean done, PgPaymentStatus status,
                                          Money amount, String cycleOrderId, Money cycleAmount) {
        if (!cycleOrderId.equals(orderId)) {
            return Optional.of("Toss's record is for order " + orderId + ", not " + cycleOrderId);
        }
        if (type != PgPaymentType.BILLING) {
            return Optional.of("Toss's record under " + orderId + " is a " + type + " payment, not a billing charge");
        }
        if (!cycleAmount.sameAs(amount)) {
            return Optional.of("Toss's charge under " + orderId + " is " + amount + ", the cycle's is " + cycleAmount);
        }
        if (!done) {
            return Optional.of("Toss's charge under " + orderId + " is " + status + ", not DONE");
        }
        return Optional.empty();
    }
}
