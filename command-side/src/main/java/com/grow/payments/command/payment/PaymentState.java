package com.grow.payments.command.payment;

import com.grow.payments.shared.MemberId;
import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import com.grow.payments.shared.payment.PaymentApproved;
import com.grow.payments.shared.payment.PaymentAttentionResolved;
import com.grow.payments.shared.payment.PaymentCancelOutcomeUnknown;
import com.grow.payments.shared.payment.PaymentCancelRefused;
import com.grow.payments.shared.payment.PaymentCancelRequested;
import com.grow.payments.shared.payment.PaymentCancelled;
import com.grow.payments.shared.payment.PaymentCheckedOut;
import com.grow.payments.shared.payment.PaymentCompensated;
import com.grow.payments.shared.payment.PaymentCompensationStarted;
import com.grow.payments.shared.payment.PaymentConfirmationRequested;
import com.grow.payments.shared.payment.PaymentDeclined;
import com.grow.payments.shared.payment.PaymentDepositReversed;
import com.grow.payments.shared.payment.PaymentDeposited;
import com.grow.payments.shared.payment.PaymentEventStatus;
import com.grow.payments.shared.payment.PaymentExpired;
import com.grow.payments.shared.payment.PaymentNeedsAttention;
import com.grow.payments.shared.payment.PaymentOutcomeUnknown;
import com.grow.payments.shared.payment.PaymentStatus;
import com.grow.payments.shared.payment.VirtualAccountIssued;
import com.grow.payments.shared.payment.VirtualAccountRequested;
import java.time.Instant;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * What a payment knows, rebuilt from its events: its sourcing handlers only assign, and the status
 * each event leaves is {@link PaymentEventStatus}'s, the same the read model folds with. Decisions
 * read it as a {@link #snapshot}.
 */
final class PaymentState {

    private OrderId orderId;
    private MemberId memberId;
    private Money amount;
    private PaymentStatus status;
    private PaymentKey paymentKey;
    private Instant confirmationRequestedAt;
    private Instant approvedAt;
    private Money balance;
    private String compensationReason;
    private boolean flagged;
    private boolean virtualAccount;
    private Instant dueDate;
    private final Cancellations cancellations = new Cancellations();
    private final TaxFree taxFree = new TaxFree();

    PaymentSnapshot snapshot() {
        return new PaymentSnapshot(orderId, amount, status, paymentKey, confirmationRequestedAt, approvedAt, balance,
                compensationReason, flagged, virtualAccount, dueDate, cancellations, taxFree);
    }

    MemberId memberId() {
        return memberId;
    }

    @EventSourcingHandler
    void on(PaymentCheckedOut event) {
        orderId = event.orderId();
        memberId = event.memberId();
        amount = event.amount();
        status = PaymentEventStatus.after(event, status);
        taxFree.checkedOut(event.taxFreeAmount());
    }

    @EventSourcingHandler
    void on(PaymentConfirmationRequested event, @Timestamp Instant at) {
        paymentKey = event.paymentKey();
        confirmationRequestedAt = at;
        status = PaymentEventStatus.after(event, status);
    }

    @EventSourcingHandler
    void on(VirtualAccountRequested event, @Timestamp Instant at) {
        virtualAccount = true;
        confirmationRequestedAt = at;
        status = PaymentEventStatus.after(event, status);
    }

    @EventSourcingHandler
    void on(VirtualAccountIssued event) {
        paymentKey = event.paymentKey();
        dueDate = event.dueDate();
        status = PaymentEventStatus.after(event, status);
        balance = amount;
    }

    @EventSourcingHandler
    void on(PaymentDeposited event) {
        status = PaymentEventStatus.after(event, status);
        approvedAt = event.depositedAt();
        balance = event.amount();
    }

    @EventSourcingHandler
    void on(PaymentDepositReversed event) {
        status = PaymentEventStatus.after(event, status);
        approvedAt = null;
        balance = amount;
    }

    @EventSourcingHandler
    void on(PaymentApproved event) {
        status = PaymentEventStatus.after(event, status);
        approvedAt = event.approvedAt();
        balance = event.approvedAmount();
        flagged = false;
    }

    @EventSourcingHandler
    void on(PaymentDeclined event) {
        status = PaymentEventStatus.after(event, status);
        flagged = false;
    }

    @EventSourcingHandler
    void on(PaymentExpired event) {
        status = PaymentEventStatus.after(event, status);
        flagged = false;
    }

    @EventSourcingHandler
    void on(PaymentOutcomeUnknown event) {
        status = PaymentEventStatus.after(event, status);
    }

    @EventSourcingHandler
    void on(PaymentCancelRequested event, @Timestamp Instant at) {
        cancellations.requested(event.cancelId(), event.cancelAmount(), event.cancelReason(), at);
        taxFree.requested(event.taxFreeAmount());
    }

    @EventSourcingHandler
    void on(PaymentCancelled event) {
        taxFree.cancelled(event.taxFreeAmount(), cancellations.isPending(event.cancelId()));
        cancellations.settled(event.cancelId(), event.transactionKey());
        balance = event.balanceAfter();
        status = PaymentEventStatus.after(event, status);
        flagged = false;
    }

    @EventSourcingHandler
    void on(PaymentCancelRefused event) {
        cancellations.settled(event.cancelId(), null);
        flagged = false;
    }

    @EventSourcingHandler
    void on(PaymentCancelOutcomeUnknown event) {
        cancellations.outcomeUnknown();
    }

    @EventSourcingHandler
    void on(PaymentCompensationStarted event) {
        compensationReason = event.reason();
        status = PaymentEventStatus.after(event, status);
    }

    @EventSourcingHandler
    void on(PaymentCompensated event) {
        cancellations.recorded(event.transactionKey());
        compensationReason = null;
        taxFree.refundedInFull();
        balance = new Money(0, amount.currency());
        status = PaymentEventStatus.after(event, status);
        flagged = false;
    }

    @EventSourcingHandler
    void on(PaymentNeedsAttention event) {
        flagged = true;
    }

    @EventSourcingHandler
    void on(PaymentAttentionResolved event) {
        flagged = false;
    }
}
