package com.grow.payments.command.payment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.grow.payments.shared.MemberId;
import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import com.grow.payments.shared.payment.PaymentApproved;
import com.grow.payments.shared.payment.PaymentCheckedOut;
import com.grow.payments.shared.payment.PaymentCommands.CheckOutPayment;
import com.grow.payments.shared.payment.PaymentCommands.ConfirmPayment;
import com.grow.payments.shared.payment.PaymentCommands.RecordPaymentApproval;
import com.grow.payments.shared.payment.PaymentCommands.RecordPaymentDecline;
import com.grow.payments.shared.payment.PaymentCommands.RecordPaymentExpiry;
import com.grow.payments.shared.payment.PaymentCommands.RecordPaymentOutcomeUnknown;
import com.grow.payments.shared.payment.PaymentConfirmationRequested;
import com.grow.payments.shared.payment.PaymentDeclined;
import com.grow.payments.shared.payment.PaymentExpired;
import com.grow.payments.shared.payment.PaymentOutcomeUnknown;
import com.grow.payments.shared.payment.PaymentStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * One order's payment. Command handlers decide and apply events; event sourcing handlers only
 * assign. A repeated answer from Toss (the same outcome twice) changes nothing.
 */
public class Payment {

    @AggregateIdentifier
    private OrderId orderId;
    private MemberId memberId;
    private Money amount;
    private PaymentStatus status;
    private PaymentKey paymentKey;

    protected Payment() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    public Payment(CheckOutPayment command) {
        if (!command.amount().isPositive()) {
            throw new PaymentRejection(ErrorCode.VALIDATION_FAILED, "amount must be positive");
        }
        apply(new PaymentCheckedOut(command.orderId(), command.memberId(), command.orderName(), command.amount(),
                command.requestedAt()));
    }

    @CommandHandler
    public void handle(ConfirmPayment command) {
        if (!command.caller().mayAccess(memberId)) {
            throw new PaymentRejection(ErrorCode.PAYMENT_NOT_FOUND, "no payment for order " + orderId);
        }
        if (!amount.sameAs(command.amount())) {
            throw new PaymentRejection(ErrorCode.AMOUNT_MISMATCH,
                    "confirmed amount " + command.amount() + " differs from the checkout amount " + amount);
        }
        if (status == PaymentStatus.READY) {
            PaymentTransitions.check(status, PaymentStatus.IN_PROGRESS);
            apply(new PaymentConfirmationRequested(orderId, command.paymentKey(), amount));
        } else if (!command.paymentKey().equals(paymentKey)) {
            throw new PaymentRejection(status.isSettled()
                    ? ErrorCode.PAYMENT_ALREADY_PROCESSED : ErrorCode.CONFIRMATION_IN_PROGRESS,
                    "order " + orderId + " is already " + status + " with another payment key");
        }
        // the same key again: the confirmation under way (or its outcome) stands, Toss is not asked twice
    }

    @CommandHandler
    public void handle(RecordPaymentApproval command) {
        if (status == PaymentStatus.DONE || !isAnswerFor(command.paymentKey())) {
            return;
        }
        if (!amount.sameAs(command.approvedAmount())) {
            // Toss approved something other than what was checked out: never call that DONE.
            if (status == PaymentStatus.UNKNOWN) {
                return;
            }
            PaymentTransitions.check(status, PaymentStatus.UNKNOWN);
            apply(new PaymentOutcomeUnknown(orderId, command.paymentKey(),
                    "APPROVED_AMOUNT_MISMATCH: Toss approved " + command.approvedAmount() + ", expected " + amount));
            return;
        }
        PaymentTransitions.check(status, PaymentStatus.DONE);
        apply(new PaymentApproved(orderId, command.paymentKey(), command.approvedAmount(), command.method(),
                command.card(), command.receiptUrl(), command.transactionKey(), command.approvedAt()));
    }

    @CommandHandler
    public void handle(RecordPaymentDecline command) {
        if (status == PaymentStatus.ABORTED || !isAnswerFor(command.paymentKey())) {
            return;
        }
        PaymentTransitions.check(status, PaymentStatus.ABORTED);
        apply(new PaymentDeclined(orderId, command.paymentKey(), command.failure()));
    }

    @CommandHandler
    public void handle(RecordPaymentExpiry command) {
        if (status == PaymentStatus.EXPIRED || !isAnswerFor(command.paymentKey())) {
            return;
        }
        PaymentTransitions.check(status, PaymentStatus.EXPIRED);
        apply(new PaymentExpired(orderId, command.paymentKey(), command.failure()));
    }

    @CommandHandler
    public void handle(RecordPaymentOutcomeUnknown command) {
        // "no answer" never overrides an answer already recorded: state only moves forward
        if (status != PaymentStatus.IN_PROGRESS || !isAnswerFor(command.paymentKey())) {
            return;
        }
        PaymentTransitions.check(status, PaymentStatus.UNKNOWN);
        apply(new PaymentOutcomeUnknown(orderId, command.paymentKey(), command.reason()));
    }

    private boolean isAnswerFor(PaymentKey key) {
        return key.equals(paymentKey);
    }

    @EventSourcingHandler
    void on(PaymentCheckedOut event) {
        orderId = event.orderId();
        memberId = event.memberId();
        amount = event.amount();
        status = PaymentStatus.READY;
    }

    @EventSourcingHandler
    void on(PaymentConfirmationRequested event) {
        paymentKey = event.paymentKey();
        status = PaymentStatus.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(PaymentApproved event) {
        status = PaymentStatus.DONE;
    }

    @EventSourcingHandler
    void on(PaymentDeclined event) {
        status = PaymentStatus.ABORTED;
    }

    @EventSourcingHandler
    void on(PaymentExpired event) {
        status = PaymentStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(PaymentOutcomeUnknown event) {
        status = PaymentStatus.UNKNOWN;
    }
}
