package com.grow.payments.sagas.gateway;

import com.grow.payments.shared.cashreceipt.PgCashReceipt;
import java.util.List;

/** What the PG's list of one day's cash-receipt transactions came to. */
public sealed interface CashReceiptLookup {

    /** Every issue and cancel requested that day, oldest first. */
    record Found(List<PgCashReceipt> receipts) implements CashReceiptLookup {
    }

    /** The PG did not answer: nothing can be concluded. */
    record Unknown(String reason) implements CashReceiptLookup {
    }
}
