package com.grow.payments.sagas.gateway;

import com.grow.payments.shared.cashreceipt.PgCashReceipt;
import com.grow.payments.shared.payment.Failure;

/** What an issue (or a cancel) of a cash receipt at the PG came to. */
public sealed interface CashReceiptOutcome {

    /** The PG answered with the receipt's row: the issue, or the cancel's row. */
    record Done(PgCashReceipt receipt) implements CashReceiptOutcome {
    }

    /** The PG refused: nothing was issued (or cancelled). */
    record Refused(Failure failure) implements CashReceiptOutcome {
    }

    /** No answer (timeout, 5xx, a retryable code): the PG may have done it. Its look-up tells. */
    record Unknown(String reason) implements CashReceiptOutcome {
    }
}
