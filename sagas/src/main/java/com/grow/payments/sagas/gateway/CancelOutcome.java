package com.grow.payments.sagas.gateway;

import com.grow.payments.shared.payment.Failure;
import com.grow.payments.shared.payment.PgPayment;

/** What a cancel at the PG came to. */
public sealed interface CancelOutcome {

    /** Refunded: the PG's payment after the cancel and the cancel it recorded. */
    record Cancelled(PgPayment payment, PgPayment.PgCancel cancel) implements CancelOutcome {
    }

    /** A final refusal: nothing was refunded. */
    record Refused(Failure failure) implements CancelOutcome {
    }

    /** No answer, or an answer that says "look it up" (e.g. ALREADY_CANCELED_PAYMENT on a retry). */
    record Unknown(String reason) implements CancelOutcome {
    }
}
