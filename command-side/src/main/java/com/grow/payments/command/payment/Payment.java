package com.grow.payments.command.payment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.grow.payments.shared.Caller;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import com.grow.payments.shared.payment.PaymentCancelOutcomeUnknown;
import com.grow.payments.shared.payment.PaymentCancelRefused;
import com.grow.payments.shared.payment.PaymentCheckedOut;
import com.grow.payments.shared.payment.PaymentCommands.CancelPayment;
import com.grow.payments.shared.payment.PaymentCommands.CheckOutPayment;
import com.grow.payments.shared.payment.PaymentCommands.ConfirmPayment;
import com.grow.payments.shared.payment.PaymentCommands.FlagPaymentForOperator;
import com.grow.payments.shared.payment.PaymentCommands.IssueVirtualAccount;
import com.grow.payments.shared.payment.PaymentCommands.ReconcilePayment;
import com.grow.payments.shared.payment.PaymentCommands.RecordCancelOutcomeUnknown;
import com.grow.payments.shared.payment.PaymentCommands.RecordCancelRefusal;
import com.grow.payments.shared.payment.PaymentCommands.RecordCancellation;
import com.grow.payments.shared.payment.PaymentCommands.RecordCompensation;
import com.grow.payments.shared.payment.PaymentCommands.RecordPaymentApproval;
import com.grow.payments.shared.payment.PaymentCommands.RecordPaymentDecline;
import com.grow.payments.shared.payment.PaymentCommands.RecordPaymentExpiry;
import com.grow.payments.shared.payment.PaymentCommands.RecordPaymentOutcomeUnknown;
import com.grow.payments.shared.payment.PaymentCommands.RecordVirtualAccountIssued;
import com.grow.payments.shared.payment.PaymentCommands.RecordVirtualAccountRefused;
import com.grow.payments.shared.payment.PaymentCommands.ResolvePaymentAttention;
import com.grow.payments.shared.payment.PaymentConfirmationRequested;
import com.grow.payments.shared.payment.PaymentDeclined;
import com.grow.payments.shared.payment.PaymentEventStatus;
import com.grow.payments.shared.payment.PaymentExpired;
import com.grow.payments.shared.payment.PaymentOutcomeUnknown;
import com.grow.payments.shared.payment.PaymentStatus;
import com.grow.payments.shared.payment.ReconciliationVerdict;
import com.grow.payments.shared.payment.VirtualAccountRequested;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;

/**
 * One order's payment. Command handlers decide — the rules of a cancel ({@link PaymentCancels}), an
 * approval ({@link Approval}), an account's opening ({@link VirtualAccounts}) and a look-up at Toss
 * ({@link Reconciliation}) are pure functions of the payment's {@link PaymentSnapshot} that return
 * events — and every event goes through {@link #record}, the one gate where the status changes it
 * makes ({@link PaymentEventStatus}) are checked against {@link PaymentTransitions}. Event sourcing
 * handlers only assign. Answers from Toss may come twice or late: a repeated answer changes nothing,
 * and state only moves forward — money Toss took that the payment cannot keep is refunded
 * (compensation). See docs/adr/0016-payment-state-machine.md.
 */
public class Payment {

    @AggregateIdentifier
    private OrderId orderId;
    @AggregateMember
    private final PaymentState state = new PaymentState();
    @AggregateMember
    private final PaymentCashReceipt cashReceipt = new PaymentCashReceipt();

    protected Payment() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    public Payment(CheckOutPayment command) {
        CheckoutRules.requirePositive(command.amount());
        TaxFree.validate(command.taxFreeAmount(), command.amount());
        record(new PaymentCheckedOut(command.orderId(), command.memberId(), command.orderName(), command.amount(),
                command.requestedAt(), command.merchant(), command.taxFreeAmount()));
    }

    @CommandHandler
    public Payment(IssueVirtualAccount command) {
        CheckoutRules.requirePositive(command.amount());
        TaxFree.validate(command.taxFreeAmount(), command.amount());
        record(List.of(new PaymentCheckedOut(command.orderId(), command.memberId(), command.orderName(),
                        command.amount(), command.requestedAt(), command.merchant(), command.taxFreeAmount()),
                new VirtualAccountRequested(command.orderId(), command.orderName(), command.amount(), command.bank(),
                        command.customerName(), command.validHours(), command.cashReceipt(), command.taxFreeAmount())));
    }

    @CommandHandler
    public void handle(RecordVirtualAccountIssued command) {
        if (VirtualAccounts.opening(snapshot())) {
            VirtualAccounts.issued(snapshot(), command.issued()).ifPresent(this::record);
        }
    }

    @CommandHandler
    public void handle(RecordVirtualAccountRefused command) {
        PaymentSnapshot p = snapshot();
        if (p.virtualAccount() && p.status() == PaymentStatus.IN_PROGRESS) {
            record(new PaymentDeclined(orderId, null, command.failure()));
        }
    }

    @CommandHandler
    public void handle(ConfirmPayment command) {
        requireAccess(command.caller());
        PaymentSnapshot p = snapshot();
        if (!p.amount().sameAs(command.amount())) {
            throw new PaymentRejection(ErrorCode.AMOUNT_MISMATCH,
                    "confirmed amount " + command.amount() + " differs from the checkout amount " + p.amount());
        }
        if (p.status() == PaymentStatus.READY) {
            record(new PaymentConfirmationRequested(orderId, command.paymentKey(), p.amount()));
        } else if (!Objects.equals(command.paymentKey(), p.paymentKey())) {
            throw new PaymentRejection(p.status().isSettled()
                    ? ErrorCode.PAYMENT_ALREADY_PROCESSED : ErrorCode.CONFIRMATION_IN_PROGRESS,
                    "order " + orderId + " is already " + p.status() + " with another payment key");
        }
        // the same key again: the confirmation under way (or its outcome) stands, Toss is not asked twice
    }

    @CommandHandler
    public void handle(RecordPaymentApproval command) {
        if (Objects.equals(command.paymentKey(), snapshot().paymentKey())) {
            Approval.of(snapshot(), new Approval.Approved(command.approvedAmount(), command.method(), command.card(),
                    command.receiptUrl(), command.transactionKey(), command.approvedAt())).ifPresent(this::record);
        }
    }

    @CommandHandler
    public void handle(RecordPaymentDecline command) {
        if (answerAwaited(command.paymentKey(), PaymentStatus.ABORTED)) {
            record(new PaymentDeclined(orderId, command.paymentKey(), command.failure()));
        }
    }

    @CommandHandler
    public void handle(RecordPaymentExpiry command) {
        if (answerAwaited(command.paymentKey(), PaymentStatus.EXPIRED)) {
            record(new PaymentExpired(orderId, command.paymentKey(), command.failure()));
        }
    }

    @CommandHandler
    public void handle(RecordPaymentOutcomeUnknown command) {
        // "no answer" never overrides an answer already recorded: state only moves forward
        PaymentSnapshot p = snapshot();
        if (p.status() == PaymentStatus.IN_PROGRESS && Objects.equals(command.paymentKey(), p.paymentKey())) {
            record(new PaymentOutcomeUnknown(orderId, command.paymentKey(), command.reason()));
        }
    }

    @CommandHandler
    public void handle(CancelPayment command) {
        requireAccess(command.caller());
        if (!cancellations().isKnown(command.cancelId())) {
            // a retry of a cancel step already asked is not asked of Toss again
            record(PaymentCancels.request(snapshot(), command));
        }
    }

    @CommandHandler
    public void handle(RecordCancellation command) {
        if (cancellations().isPending(command.cancelId())
                && !cancellations().isRecorded(command.cancel().transactionKey())) {
            record(PaymentCancels.recorded(snapshot(), command.atToss(), command.cancel(), command.balanceAfter()));
        }
    }

    @CommandHandler
    public void handle(RecordCancelRefusal command) {
        if (cancellations().isPending(command.cancelId())) {
            record(new PaymentCancelRefused(orderId, command.cancelId(), command.failure()));
        }
    }

    @CommandHandler
    public void handle(RecordCancelOutcomeUnknown command) {
        if (cancellations().pending().filter(p -> p.cancelId().equals(command.cancelId()) && !p.unknown()).isPresent()) {
            record(new PaymentCancelOutcomeUnknown(orderId, command.cancelId(), command.reason()));
        }
    }

    /** The janitor's look-up at Toss: settle whatever it can tell, and say what is left. */
    @CommandHandler
    public ReconciliationVerdict handle(ReconcilePayment command) {
        Decision decision = Reconciliation.decide(snapshot(), command.pg(), command.checkedAt());
        record(decision.events());
        return decision.verdict();
    }

    @CommandHandler
    public void handle(RecordCompensation command) {
        if (snapshot().compensating() && !cancellations().isRecorded(command.refund().transactionKey())) {
            record(Reconciliation.compensated(snapshot(), command.refund()));
        }
    }

    @CommandHandler
    public void handle(FlagPaymentForOperator command) {
        OperatorAttention.flag(snapshot(), command.reason()).ifPresent(this::record);
    }

    @CommandHandler
    public void handle(ResolvePaymentAttention command) {
        record(OperatorAttention.resolve(snapshot().flagged(), command));
    }

    private void record(Object event) {
        record(List.of(event));
    }

    /**
     * The gate: every event of this payment is applied here, in order, and one that sets a status
     * only if {@link PaymentTransitions} lists the move from the status before it. The status is
     * followed along the events rather than read back: Axon applies a new payment's events only
     * once its constructor has returned.
     */
    private void record(List<?> events) {
        PaymentStatus status = snapshot().status();
        for (Object event : events) {
            PaymentStatus from = status;
            PaymentEventStatus.of(event).ifPresent(to -> PaymentTransitions.check(from, to));
            status = PaymentEventStatus.after(event, status);
            apply(event);
        }
    }

    private PaymentSnapshot snapshot() {
        return state.snapshot();
    }

    private Cancellations cancellations() {
        return snapshot().cancellations();
    }

    /**
     * A decline or an expiry from Toss for the confirmation under way, not recorded yet: one
     * replayed while an approval is being refunded changes nothing, Toss approved.
     */
    private boolean answerAwaited(PaymentKey key, PaymentStatus answer) {
        PaymentSnapshot p = snapshot();
        return p.status() != answer && !p.compensating() && Objects.equals(key, p.paymentKey());
    }

    private void requireAccess(Caller caller) {
        if (!caller.mayAccess(state.memberId())) {
            throw new PaymentRejection(ErrorCode.PAYMENT_NOT_FOUND, "no payment for order " + orderId);
        }
    }

    @EventSourcingHandler
    void on(PaymentCheckedOut event) {
        orderId = event.orderId();
    }
}
