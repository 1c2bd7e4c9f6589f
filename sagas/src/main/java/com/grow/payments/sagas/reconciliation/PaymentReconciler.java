package com.grow.payments.sagas.reconciliation;

import com.grow.payments.shared.OrderId;

/** Looks an unsettled payment up at the PG and records what the PG says (the janitor). */
public interface PaymentReconciler {

    /** Runs one scheduled check; schedules the next attempt itself when still unresolved. */
    void reconcile(OrderId orderId, int attempt);
}
