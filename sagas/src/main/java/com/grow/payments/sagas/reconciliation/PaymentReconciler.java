package com.grow.payments.sagas.reconciliation;

import com.grow.payments.shared.OrderId;

/** Looks an unsettled payment up at the PG and records what the PG says (the janitor). */
public interface PaymentReconciler {

    /** What one check came to. */
    enum Resolution {
        /** Toss's answer settled the payment (or there was nothing open). */
        SETTLED,
        /** Still open after a webhook's hint; the janitor's own timetable keeps it. */
        HINT_OPEN,
        /** Still open: the next check is scheduled. */
        RESCHEDULED,
        /** Still open after the last check: flagged for an operator. */
        FLAGGED
    }

    /** Runs one scheduled check; schedules the next attempt itself when still unresolved. */
    Resolution reconcile(OrderId orderId, int attempt);
}
