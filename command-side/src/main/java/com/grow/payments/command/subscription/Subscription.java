package com.grow.payments.command.subscription;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.grow.payments.shared.Caller;
import com.grow.payments.shared.MemberId;
import com.grow.payments.shared.Money;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import com.grow.payments.shared.payment.Failure;
import com.grow.payments.shared.payment.FailureCode;
import com.grow.payments.shared.payment.PgPayment;
import com.grow.payments.shared.payment.PgPaymentStatus;
import com.grow.payments.shared.payment.PgPaymentType;
import com.grow.payments.shared.payment.ReconciliationVerdict;
import com.grow.payments.shared.subscription.ChargeOrderIds;
import com.grow.payments.shared.subscription.Cycle;
import com.grow.payments.shared.subscription.SubscriptionCanceled;
import com.grow.payments.shared.subscription.SubscriptionChargeFailed;
import com.grow.payments.shared.subscription.SubscriptionChargeNeedsAttention;
import com.grow.payments.shared.subscription.SubscriptionChargeOutcomeUnknown;
import com.grow.payments.shared.subscription.SubscriptionChargeRequested;
import com.grow.payments.shared.subscription.SubscriptionCharged;
import com.grow.payments.shared.subscription.SubscriptionCommands.CancelSubscription;
import com.grow.payments.shared.subscription.SubscriptionCommands.ChangeSubscriptionBillingKey;
import com.grow.payments.shared.subscription.SubscriptionCommands.ChargeDueCycle;
import com.grow.payments.shared.subscription.SubscriptionCommands.CheckChargeWanted;
import com.grow.payments.shared.subscription.SubscriptionCommands.ReconcileCycleCharge;
import com.grow.payments.shared.subscription.SubscriptionCommands.RecordCycleChargeFailed;
import com.grow.payments.shared.subscription.SubscriptionCommands.RecordCycleChargeUnknown;
import com.grow.payments.shared.subscription.SubscriptionCommands.RecordCycleCharged;
import com.grow.payments.shared.subscription.SubscriptionCommands.ResumeSubscription;
import com.grow.payments.shared.subscription.SubscriptionCommands.StartSubscription;
import com.grow.payments.shared.subscription.SubscriptionCommands.SuspendSubscription;
import com.grow.payments.shared.subscription.SubscriptionEventStatus;
import com.grow.payments.shared.subscription.SubscriptionResumed;
import com.grow.payments.shared.subscription.SubscriptionStarted;
import com.grow.payments.shared.subscription.SubscriptionStatus;
import com.grow.payments.shared.subscription.SubscriptionSuspended;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;

/**
 * A member's recurring charge. Each cycle is charged at most once: one charge in flight at a time,
 * under the cycle's own order id, and a cycle recorded as charged is never asked again. A decline
 * is retried on the dunning schedule; the last failure, or one no retry can fix, suspends it.
 */
public class Subscription {

    /** A cycle charge Toss has no record of this long after it was asked was not processed. */
    static final Duration CHARGE_SETTLE_TIME = Duration.ofMinutes(1);

    @AggregateIdentifier
    private String subscriptionId;
    private MemberId memberId;
    @AggregateMember
    private final SubscriptionCard card = new SubscriptionCard();
    private String orderName;
    private Money amount;
    private SubscriptionTerms terms;
    private Cycle cycle;
    private Instant anchorAt;
    private SubscriptionStatus status;
    private int cycleNo;
    private int attempt;
    private boolean inFlight;
    private Instant requestedAt;
    private Instant nextChargeAt;
    private int failedAttempts;
    private boolean needsAttention;

    /** For Axon: rebuilt from events. */
    protected Subscription() {}

    @CommandHandler
    public Subscription(StartSubscription command) {
        SubscriptionTerms.check(command);
        record(new SubscriptionStarted(command.subscriptionId(), command.caller().memberId().value(),
                command.billingKeyId(), command.customerKey(), command.planId(), command.orderName(),
                command.amount(), command.cycle(), command.startAt(), command.merchant(), command.taxFreeAmount()));
    }

    @CommandHandler
    public void handle(ChargeDueCycle command) {
        boolean chargeable = status == SubscriptionStatus.ACTIVE || status == SubscriptionStatus.PAST_DUE;
        if (chargeable && !inFlight && !nextChargeAt.isAfter(command.now())) {
            requestCharge();
        }
    }

    @CommandHandler
    public void handle(RecordCycleCharged command) {
        if (inFlight && command.cycleNo() == cycleNo) {
            settle(CycleChargeProof.doubt(command.orderId(), command.type(), command.amount(), cycleOrderId(), amount),
                    command.paymentKey(), command.amount(), command.chargedAt());
        }
    }

    @CommandHandler
    public void handle(RecordCycleChargeFailed command) {
        if (inFlight && command.cycleNo() == cycleNo) {
            fail(command.failure(), command.hard(), command.failedAt(), command.retryDelays());
        }
    }

    @CommandHandler
    public void handle(RecordCycleChargeUnknown command) {
        if (inFlight && command.cycleNo() == cycleNo) {
            record(new SubscriptionChargeOutcomeUnknown(subscriptionId, cycleNo,
                    ChargeOrderIds.of(subscriptionId, cycleNo), command.reason()));
        }
    }

    /** Only the attempt in flight is charged: a parked request retried after a newer one, or a cancel, is not. */
    @CommandHandler
    public boolean handle(CheckChargeWanted command) {
        return inFlight && command.cycleNo() == cycleNo && command.attempt() == attempt
                && status != SubscriptionStatus.CANCELED && card.inFlightOnCurrentKey();
    }

    /** The janitor's look-up of a cycle whose charge has no known answer. */
    @CommandHandler
    public ReconciliationVerdict handle(ReconcileCycleCharge command) {
        if (!inFlight || command.cycleNo() != cycleNo) {
            return ReconciliationVerdict.SETTLED;
        }
        PgPayment pg = command.pg();
        if (pg != null && (pg.wasApproved() || pg.type() != PgPaymentType.BILLING)) {
            // Toss took money under the cycle's order id, or holds a record of another kind there
            settle(CycleChargeProof.doubt(pg, cycleOrderId(), amount), pg.paymentKey().value(), pg.totalAmount(),
                    pg.approvedAt());
            return ReconciliationVerdict.SETTLED;
        }
        if (pg != null && pg.state() == PgPaymentStatus.ABORTED) {
            fail(pg.failure() != null ? pg.failure() : FailureCode.ABORTED.failure(), false,
                    command.checkedAt(), command.retryDelays());
            return ReconciliationVerdict.SETTLED;
        }
        if (command.checkedAt().isAfter(requestedAt.plus(CHARGE_SETTLE_TIME))) {
            // Toss never took this attempt: nothing was charged, so the cycle may be tried again
            fail(FailureCode.NOT_PROCESSED_AT_PG.failure("Toss has no record of this charge"), false, command.checkedAt(),
                    command.retryDelays());
            return ReconciliationVerdict.SETTLED;
        }
        return ReconciliationVerdict.UNRESOLVED;
    }

    @CommandHandler
    public void handle(CancelSubscription command) {
        requireOwner(command.caller());
        if (status != SubscriptionStatus.CANCELED) {
            record(new SubscriptionCanceled(subscriptionId, memberId.value(), command.reason()));
        }
    }

    @CommandHandler
    public void handle(ResumeSubscription command) {
        requireOwner(command.caller());
        if (status != SubscriptionStatus.PAST_DUE && status != SubscriptionStatus.SUSPENDED) {
            throw new PaymentRejection(ErrorCode.SUBSCRIPTION_NOT_RESUMABLE, "the subscription is " + status);
        }
        // the overdue cycle is charged now; a cycle not yet due keeps its date
        Instant due = nextChargeAt.isAfter(command.now()) ? nextChargeAt : command.now();
        record(new SubscriptionResumed(subscriptionId, memberId.value(), due));
        if (!inFlight && !due.isAfter(command.now())) {
            requestCharge();
        }
    }

    /** The next charge, the overdue cycle's included, is made on the new key; its due date stays. */
    @CommandHandler
    public void handle(ChangeSubscriptionBillingKey command) {
        requireOwner(command.caller());
        if (status == SubscriptionStatus.CANCELED) {
            throw new PaymentRejection(ErrorCode.SUBSCRIPTION_CANCELED, "the subscription is canceled");
        }
        card.changeTo(command, subscriptionId, memberId.value()).ifPresent(this::record);
    }

    @CommandHandler
    public void handle(SuspendSubscription command) {
        if (status != SubscriptionStatus.SUSPENDED && status != SubscriptionStatus.CANCELED) {
            record(new SubscriptionSuspended(subscriptionId, memberId.value(), command.reason()));
        }
    }

    /** Recorded as paid only on proof; otherwise flagged once, and the cycle stays open for an operator. */
    private void settle(Optional<String> doubt, String paymentKey, Money charged, Instant chargedAt) {
        if (doubt.isEmpty()) {
            record(new SubscriptionCharged(subscriptionId, cycleNo, cycleOrderId(), paymentKey, charged, chargedAt,
                    BillingCalendar.dueAt(anchorAt, cycle, cycleNo + 1)));
        } else if (!needsAttention) {
            record(new SubscriptionChargeNeedsAttention(subscriptionId, cycleNo, cycleOrderId(), doubt.get()));
        }
    }

    private String cycleOrderId() {
        return ChargeOrderIds.of(subscriptionId, cycleNo);
    }

    private void requestCharge() {
        int nextAttempt = attempt + 1;
        record(new SubscriptionChargeRequested(subscriptionId, cycleNo, ChargeOrderIds.of(subscriptionId, cycleNo),
                nextAttempt, memberId.value(), card.billingKeyId(), card.customerKey(), orderName, amount,
                terms.merchant(), terms.taxFreeAmount()));
    }

    private void fail(Failure failure, boolean hard, Instant at, List<Duration> retryDelays) {
        int failures = failedAttempts + 1;
        boolean lastTry = hard || failures > retryDelays.size();
        Instant retryAt = lastTry ? null : at.plus(retryDelays.get(failures - 1));
        record(new SubscriptionChargeFailed(subscriptionId, cycleNo, ChargeOrderIds.of(subscriptionId, cycleNo),
                failure, failures, retryAt));
        // a decline arriving after a cancel or suspension ends nothing more than it already is
        if (lastTry && (status == SubscriptionStatus.ACTIVE || status == SubscriptionStatus.PAST_DUE)) {
            record(new SubscriptionSuspended(subscriptionId, memberId.value(),
                    hard ? "card cannot be charged: " + failure.code() : "charge failed " + failures + " times"));
        }
    }

    /** The gate: every event is applied here, and a status change only if the table lists it. */
    private void record(Object event) {
        SubscriptionEventStatus.of(event, status).ifPresent(to -> SubscriptionTransitions.check(status, to));
        apply(event);
    }

    private void requireOwner(Caller caller) {
        if (!caller.mayAccess(memberId)) {
            throw new PaymentRejection(ErrorCode.SUBSCRIPTION_NOT_FOUND, "no subscription " + subscriptionId);
        }
    }

    @EventSourcingHandler
    void on(SubscriptionStarted event) {
        subscriptionId = event.subscriptionId();
        memberId = new MemberId(event.memberId());
        orderName = event.orderName();
        amount = event.amount();
        terms = new SubscriptionTerms(event.merchant(), event.taxFreeAmount());
        cycle = event.cycle();
        anchorAt = event.anchorAt();
        status = SubscriptionEventStatus.after(event, status);
        cycleNo = 1;
        nextChargeAt = event.anchorAt();
    }

    @EventSourcingHandler
    void on(SubscriptionChargeRequested event, @Timestamp Instant at) {
        inFlight = true;
        attempt = event.attempt();
        requestedAt = at;
    }

    @EventSourcingHandler
    void on(SubscriptionCharged event) {
        inFlight = false;
        cycleNo = event.cycleNo() + 1;
        attempt = 0;
        failedAttempts = 0;
        nextChargeAt = event.nextChargeAt();
        status = SubscriptionEventStatus.after(event, status);
    }

    @EventSourcingHandler
    void on(SubscriptionChargeFailed event) {
        inFlight = false;
        failedAttempts = event.failedAttempts();
        nextChargeAt = event.nextRetryAt() != null ? event.nextRetryAt() : nextChargeAt;
        status = SubscriptionEventStatus.after(event, status);
    }

    @EventSourcingHandler
    void on(SubscriptionChargeNeedsAttention event) {
        needsAttention = true;
    }

    @EventSourcingHandler
    void on(SubscriptionSuspended event) {
        status = SubscriptionEventStatus.after(event, status);
    }

    @EventSourcingHandler
    void on(SubscriptionCanceled event) {
        status = SubscriptionEventStatus.after(event, status);
    }

    @EventSourcingHandler
    void on(SubscriptionResumed event) {
        status = SubscriptionEventStatus.after(event, status);
        failedAttempts = 0;
        nextChargeAt = event.dueAt();
    }
}
