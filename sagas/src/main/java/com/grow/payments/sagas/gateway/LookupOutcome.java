package com.grow.payments.sagas.gateway;

import com.grow.payments.shared.payment.PgPayment;

/** What a look-up at the PG came to. */
public sealed interface LookupOutcome {

    /** The PG's record of the payment. */
    record Found(PgPayment payment) implements LookupOutcome {
    }

    /** The PG has no payment for the order. */
    record NotFound() implements LookupOutcome {
    }

    /** The PG did not answer (timeout, 5xx): nothing can be concluded. */
    record Unknown(String reason) implements LookupOutcome {
    }
}
