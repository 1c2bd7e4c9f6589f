package com.grow.payments.command.payment;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.payment.PgPayment.PgCancel;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A payment's cancels: the one in flight (at most one at a time, so Toss never sees two cancels
 * of one payment racing), the cancel steps already settled, and Toss's transaction keys already
 * recorded — so a retried step or a replayed answer is recognised and applied once.
 */
final class Cancellations {

    /** The cancel asked of Toss and not yet answered (or answered "unknown"). */
    record Pending(String cancelId, Money amount, String reason, Instant requestedAt, boolean unknown) {
    }

    private final Set<String> settledCancelIds = new HashSet<>();
    private final Set<String> recordedTransactions = new HashSet<>();
    private Pending pending;

    Optional<Pending> pending() {
        return Optional.ofNullable(pending);
    }

    boolean isPending(String cancelId) {
        return pending != null && pending.cancelId().equals(cancelId);
    }

    boolean isKnown(String cancelId) {
        return settledCancelIds.contains(cancelId) || isPending(cancelId);
    }

    boolean isRecorded(String transactionKey) {
        return recordedTransactions.contains(transactionKey);
    }

    /** A cancel at Toss that this payment has not recorded: the newest, if any. */
    Optional<PgCancel> unrecorded(List<PgCancel> atToss) {
        return atToss.stream().filter(cancel -> !isRecorded(cancel.transactionKey())).reduce((first, last) -> last);
    }

    void requested(String cancelId, Money amount, String reason, Instant at) {
        pending = new Pending(cancelId, amount, reason, at, false);
    }

    void outcomeUnknown() {
        pending = new Pending(pending.cancelId(), pending.amount(), pending.reason(), pending.requestedAt(), true);
    }

    void settled(String cancelId, String transactionKey) {
        settledCancelIds.add(cancelId);
        if (transactionKey != null) {
            recordedTransactions.add(transactionKey);
        }
        // a cancel made at Toss's console, recorded while ours is in flight, leaves ours pending
        if (isPending(cancelId)) {
            pending = null;
        }
    }

    void recorded(String transactionKey) {
        recordedTransactions.add(transactionKey);
    }
}
