package com.grow.payments.sagas.reconciliation;

import com.grow.payments.shared.OrderId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A ReconciliationSchedule that only remembers what it was asked to do. */
final class RecordingSchedule implements ReconciliationSchedule {

    record Check(OrderId orderId, int attempt, Instant at) {
    }

    private final List<Check> checks = new ArrayList<>();
    private final List<OrderId> cancelled = new ArrayList<>();

    @Override
    public void scheduleCheck(OrderId orderId, int attempt, Instant at) {
        checks.add(new Check(orderId, attempt, at));
    }

    @Override
    public boolean scheduleCheckIfAbsent(OrderId orderId, int attempt, Instant at) {
        if (checks.stream().anyMatch(check -> check.orderId().equals(orderId))) {
            return false;
        }
        scheduleCheck(orderId, attempt, at);
        return true;
    }

    @Override
    public void cancelChecks(OrderId orderId) {
        cancelled.add(orderId);
    }

    List<Check> checks() {
        return List.copyOf(checks);
    }

    List<OrderId> cancelled() {
        return List.copyOf(cancelled);
    }
}
