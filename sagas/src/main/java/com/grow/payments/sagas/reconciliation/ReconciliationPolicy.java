package com.grow.payments.sagas.reconciliation;

import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.payment.PaymentCancelOutcomeUnknown;
import com.grow.payments.shared.payment.PaymentCompensationStarted;
import com.grow.payments.shared.payment.PaymentOutcomeUnknown;
import com.grow.payments.shared.payment.VirtualAccountIssued;
import com.grow.payments.shared.subscription.SubscriptionChargeOutcomeUnknown;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;

/**
 * When Toss's answer is not known, a look-up is put on the persistent timetable. (Payments stuck
 * with no answer recorded at all — a crash mid-call — are found by the janitor's sweep.) This
 * processor has side effects: it is never replayed.
 */
@ProcessingGroup(ReconciliationPolicy.NAME)
public class ReconciliationPolicy {

    public static final String NAME = "payment-janitor";

    private final ReconciliationSchedule schedule;
    private final Duration firstCheckAfter;

    public ReconciliationPolicy(ReconciliationSchedule schedule, Duration firstCheckAfter) {
        this.schedule = schedule;
        this.firstCheckAfter = firstCheckAfter;
    }

    @EventHandler
    void on(PaymentOutcomeUnknown event, @Timestamp Instant at) {
        schedule.scheduleCheck(event.orderId(), 1, at.plus(firstCheckAfter));
    }

    @EventHandler
    void on(PaymentCancelOutcomeUnknown event, @Timestamp Instant at) {
        schedule.scheduleCheck(event.orderId(), 1, at.plus(firstCheckAfter));
    }

    @EventHandler
    void on(SubscriptionChargeOutcomeUnknown event, @Timestamp Instant at) {
        schedule.scheduleCheck(new OrderId(event.orderId()), 1, at.plus(firstCheckAfter));
    }

    /** Toss sends nothing when an account expires: look it up at its due date. */
    @EventHandler
    void on(VirtualAccountIssued event) {
        schedule.scheduleCheck(event.orderId(), 1, event.dueDate().plus(firstCheckAfter));
    }

    @EventHandler
    void on(PaymentCompensationStarted event, @Timestamp Instant at) {
        // the saga refunds at once; this check makes sure it happened
        schedule.scheduleCheck(event.orderId(), 1, at.plus(firstCheckAfter));
    }
}
