package com.grow.payments.sagas.gateway;

import com.grow.payments.shared.payment.Failure;
import com.grow.payments.shared.payment.PgPayment;

/** What a confirmation at the PG came to. */
public sealed interface ConfirmOutcome {

    /** The PG approved; the payment is as it says. */
    record Approved(PgPayment payment) implements ConfirmOutcome {
    }

    /** A final decline: retrying cannot succeed. */
    record Declined(Failure failure) implements ConfirmOutcome {
    }

    /** The buyer's session at the PG closed before the confirmation arrived. */
    record Expired(Failure failure) implements ConfirmOutcome {
    }

    /** Timeout, 5xx or a retryable code: the PG may or may not have approved. Look it up. */
    record Unknown(String reason) implements ConfirmOutcome {
    }
}
