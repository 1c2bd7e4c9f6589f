package com.grow.payments.command.payment;

import static com.grow.payments.shared.payment.PaymentStatus.ABORTED;
import static com.grow.payments.shared.payment.PaymentStatus.CANCELED;
import static com.grow.payments.shared.payment.PaymentStatus.DONE;
import static com.grow.payments.shared.payment.PaymentStatus.EXPIRED;
import static com.grow.payments.shared.payment.PaymentStatus.IN_PROGRESS;
import static com.grow.payments.shared.payment.PaymentStatus.PARTIAL_CANCELED;
import static com.grow.payments.shared.payment.PaymentStatus.READY;
import static com.grow.payments.shared.payment.PaymentStatus.UNKNOWN;
import static com.grow.payments.shared.payment.PaymentStatus.WAITING_FOR_DEPOSIT;

import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import com.grow.payments.shared.payment.PaymentStatus;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Every status change a payment may make, in one table (in the spirit of Kill Bill's
 * PaymentStates.xml). Every event that sets a status passes {@link #check} in the aggregate's one
 * gate before it is applied; a pair not listed here is refused. A payment is born {@code READY}.
 * docs/adr/0016-payment-state-machine.md draws the table.
 */
public final class PaymentTransitions {

    private static final Map<PaymentStatus, Set<PaymentStatus>> ALLOWED = new EnumMap<>(PaymentStatus.class);

    static {
        allow(READY, IN_PROGRESS, WAITING_FOR_DEPOSIT, EXPIRED);
        allow(IN_PROGRESS, DONE, ABORTED, EXPIRED, UNKNOWN, WAITING_FOR_DEPOSIT);
        // a lookup at Toss settles what a timeout left open; a compensation ends refunded;
        // a confirmation that timed out and then turns out approved for another amount starts its
        // compensation from UNKNOWN, and stays UNKNOWN until the refund is recorded
        allow(UNKNOWN, DONE, ABORTED, EXPIRED, CANCELED, WAITING_FOR_DEPOSIT, UNKNOWN);
        // Toss approved after all what was recorded as failed: compensation (UNKNOWN until refunded)
        allow(ABORTED, UNKNOWN);
        allow(EXPIRED, UNKNOWN);
        // paid (a deposit), expired unpaid, or withdrawn by its owner before it is paid
        allow(WAITING_FOR_DEPOSIT, DONE, EXPIRED, CANCELED);
        // a virtual account's deposit error puts it back to waiting
        allow(DONE, PARTIAL_CANCELED, CANCELED, WAITING_FOR_DEPOSIT);
        // each further partial cancel keeps it PARTIAL_CANCELED until the balance is zero
        allow(PARTIAL_CANCELED, PARTIAL_CANCELED, CANCELED);
    }

    private PaymentTransitions() {
    }

    private static void allow(PaymentStatus from, PaymentStatus... to) {
        ALLOWED.put(from, EnumSet.of(to[0], to));
    }

    /** Whether a payment in {@code from} ({@code null}: none yet) may become {@code to}. */
    public static boolean allows(PaymentStatus from, PaymentStatus to) {
        if (from == null) {
            return to == READY;
        }
        return ALLOWED.getOrDefault(from, Set.of()).contains(to);
    }

    /** Rejects a transition the table does not list. */
    public static void check(PaymentStatus from, PaymentStatus to) {
        if (!allows(from, to)) {
            throw new PaymentRejection(ErrorCode.INVALID_STATE_TRANSITION,
                    "a payment in " + from + " cannot become " + to);
        }
    }
}
