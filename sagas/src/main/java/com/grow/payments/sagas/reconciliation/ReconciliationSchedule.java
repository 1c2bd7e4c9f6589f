package com.grow.payments.sagas.reconciliation;

import com.grow.payments.shared.OrderId;
import java.time.Instant;

/**
 * A persistent timetable of look-ups at the PG: what is scheduled here survives restarts and runs
 * on exactly one instance. One pending check per order; scheduling again replaces it.
 */
public interface ReconciliationSchedule {

    /** Check the order at the PG at {@code at}; {@code attempt} counts from 1. */
    void scheduleCheck(OrderId orderId, int attempt, Instant at);

    /** Like {@link #scheduleCheck}, unless a check of the order is already pending; true if scheduled. */
    boolean scheduleCheckIfAbsent(OrderId orderId, int attempt, Instant at);

    /** The order is settled: drop its pending check, if any. */
    void cancelChecks(OrderId orderId);
}
