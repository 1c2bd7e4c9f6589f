package com.grow.payments.command.payment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.grow.payments.shared.Caller;
import com.grow.payments.shared.MemberId;
import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import com.grow.payments.shared.payment.CardSummary;
import com.grow.payments.shared.payment.Failure;
import com.grow.payments.shared.payment.FailureCode;
import com.grow.payments.shared.payment.PaymentApproved;
import com.grow.payments.shared.payment.PaymentAttentionResolved;
import com.grow.payments.shared.payment.PaymentCancelOutcomeUnknown;
import com.grow.payments.shared.payment.PaymentCancelRefused;
import com.grow.payments.shared.payment.PaymentCancelRequested;
import com.grow.payments.shared.payment.PaymentCancelled;
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
import com.grow.payments.shared.payment.PaymentCompensated;
import com.grow.payments.shared.payment.PaymentCompensationStarted;
import com.grow.payments.shared.payment.PaymentConfirmationRequested;
import com.grow.payments.shared.payment.PaymentDeclined;
import com.grow.payments.shared.payment.PaymentDepositReversed;
import com.grow.payments.shared.payment.PaymentDeposited;
import com.grow.payments.shared.payment.PaymentExpired;
import com.grow.payments.shared.payment.PaymentNeedsAttention;
import com.grow.payments.shared.payment.PaymentOutcomeUnknown;
import com.grow.payments.shared.payment.PaymentStatus;
import com.grow.payments.shared.payment.PgPayment;
import com.grow.payments.shared.payment.PgPayment.PgCancel;
import com.grow.payments.shared.payment.PgPaymentStatus;
import com.grow.payments.shared.payment.ReconciliationVerdict;
import com.grow.payments.shared.payment.VirtualAccountIssued;
import com.grow.payments.shared.payment.VirtualAccountRequested;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;

/**
 * One order's payment. Command handlers decide and apply events; event sourcing handlers only
 * assign. Answers from Toss may come twice or late: a repeated answer changes nothing, and state
 * only moves forward — money Toss took that the payment cannot keep is refunded (compensation).
 */
public class Payment {

    /** Toss's window between the buyer's authentication and the confirmation, plus a margin. */
    static final Duration CONFIRM_WINDOW = Duration.ofMinutes(12);
    /** After this, a cancel Toss has no record of was not processed there. */
    static final Duration CANCEL_SETTLE_TIME = Duration.ofMinutes(1);

    @AggregateIdentifier
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
    @AggregateMember
    private final PaymentCashReceipt cashReceipt = new PaymentCashReceipt();

    protected Payment() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    public Payment(CheckOutPayment command) {
        CheckoutRules.requirePositive(command.amount());
        TaxFree.validate(command.taxFreeAmount(), command.amount());
        apply(new PaymentCheckedOut(command.orderId(), command.memberId(), command.orderName(), command.amount(),
                command.requestedAt(), command.merchant(), command.taxFreeAmount()));
    }

    @CommandHandler
    public Payment(IssueVirtualAccount command) {
        CheckoutRules.requirePositive(command.amount());
        TaxFree.validate(command.taxFreeAmount(), command.amount());
        apply(new PaymentCheckedOut(command.orderId(), command.memberId(), command.orderName(), command.amount(),
                command.requestedAt(), command.merchant(), command.taxFreeAmount()));
        apply(new VirtualAccountRequested(command.orderId(), command.orderName(), command.amount(), command.bank(),
                command.customerName(), command.validHours(), command.cashReceipt(), command.taxFreeAmount()));
    }

    @CommandHandler
    public void handle(RecordVirtualAccountIssued command) {
        if (virtualAccount && (status == PaymentStatus.IN_PROGRESS || status == PaymentStatus.UNKNOWN)) {
            issueAccount(command.issued());
        }
    }

    @CommandHandler
    public void handle(RecordVirtualAccountRefused command) {
        if (virtualAccount && status == PaymentStatus.IN_PROGRESS) {
            apply(new PaymentDeclined(orderId, null, command.failure()));
        }
    }

    @CommandHandler
    public void handle(ConfirmPayment command) {
        requireAccess(command.caller());
        if (!amount.sameAs(command.amount())) {
            throw new PaymentRejection(ErrorCode.AMOUNT_MISMATCH,
                    "confirmed amount " + command.amount() + " differs from the checkout amount " + amount);
        }
        if (status == PaymentStatus.READY) {
            PaymentTransitions.check(status, PaymentStatus.IN_PROGRESS);
            apply(new PaymentConfirmationRequested(orderId, command.paymentKey(), amount));
        } else if (!Objects.equals(command.paymentKey(), paymentKey)) {
            throw new PaymentRejection(status.isSettled()
                    ? ErrorCode.PAYMENT_ALREADY_PROCESSED : ErrorCode.CONFIRMATION_IN_PROGRESS,
                    "order " + orderId + " is already " + status + " with another payment key");
        }
        // the same key again: the confirmation under way (or its outcome) stands, Toss is not asked twice
    }

    @CommandHandler
    public void handle(RecordPaymentApproval command) {
        if (Objects.equals(command.paymentKey(), paymentKey)) {
            approve(command.approvedAmount(), command.method(), command.card(), command.receiptUrl(),
                    command.transactionKey(), command.approvedAt());
        }
    }

    @CommandHandler
    public void handle(RecordPaymentDecline command) {
        // a decline replayed while an approval is being refunded changes nothing: Toss approved
        if (status != PaymentStatus.ABORTED && compensationReason == null && Objects.equals(command.paymentKey(), paymentKey)) {
            PaymentTransitions.check(status, PaymentStatus.ABORTED);
            apply(new PaymentDeclined(orderId, command.paymentKey(), command.failure()));
        }
    }

    @CommandHandler
    public void handle(RecordPaymentExpiry command) {
        if (status != PaymentStatus.EXPIRED && compensationReason == null && Objects.equals(command.paymentKey(), paymentKey)) {
            PaymentTransitions.check(status, PaymentStatus.EXPIRED);
            apply(new PaymentExpired(orderId, command.paymentKey(), command.failure()));
        }
    }

    @CommandHandler
    public void handle(RecordPaymentOutcomeUnknown command) {
        // "no answer" never overrides an answer already recorded: state only moves forward
        if (status == PaymentStatus.IN_PROGRESS && Objects.equals(command.paymentKey(), paymentKey)) {
            apply(new PaymentOutcomeUnknown(orderId, command.paymentKey(), command.reason()));
        }
    }

    @CommandHandler
    public void handle(CancelPayment command) {
        requireAccess(command.caller());
        if (cancellations.isKnown(command.cancelId())) {
            return; // a retry of a cancel step already asked: it is not asked of Toss again
        }
        boolean unpaidAccount = virtualAccount && status == PaymentStatus.WAITING_FOR_DEPOSIT;
        if (status != PaymentStatus.DONE && status != PaymentStatus.PARTIAL_CANCELED && !unpaidAccount) {
            throw new PaymentRejection(ErrorCode.PAYMENT_NOT_CANCELABLE, "a payment in " + status + " cannot be cancelled");
        }
        if (virtualAccount && !unpaidAccount && command.refundAccount() == null) {
            throw PaymentRejection.invalidField("refundReceiveAccount", "is required to refund a paid virtual account");
        }
        if (cancellations.pending().isPresent()) {
            throw new PaymentRejection(ErrorCode.CANCEL_IN_PROGRESS, "wait for the cancel in progress to finish");
        }
        Money requested = command.cancelAmount() == null ? balance : command.cancelAmount();
        if (!requested.isPositive() || requested.currency() != balance.currency()) {
            throw new PaymentRejection(ErrorCode.VALIDATION_FAILED, "cancelAmount must be a positive amount in "
                    + balance.currency());
        }
        if (requested.amount() > balance.amount()) {
            throw new PaymentRejection(ErrorCode.CANCEL_AMOUNT_EXCEEDS_BALANCE,
                    "cancelAmount " + requested + " exceeds the balance " + balance);
        }
        // an unpaid account has no approval yet: its owner may withdraw it until it is paid or expires
        if (!command.caller().admin() && approvedAt != null
                && command.requestedAt().isAfter(approvedAt.plus(command.ownerWindow()))) {
            throw new PaymentRejection(ErrorCode.CANCEL_WINDOW_CLOSED,
                    "payments can be cancelled by their owner within " + command.ownerWindow().toDays() + " days");
        }
        apply(new PaymentCancelRequested(orderId, paymentKey, command.cancelId(), command.cancelReason(), requested,
                command.refundAccount(), taxFree.partOf(requested, balance)));
    }

    @CommandHandler
    public void handle(RecordCancellation command) {
        if (cancellations.isPending(command.cancelId()) && !cancellations.isRecorded(command.cancel().transactionKey())) {
            recordCancelsMadeAtToss(command.atToss(), command.cancel().transactionKey());
            recordCancel(command.cancel(), command.balanceAfter());
        }
    }

    /**
     * Toss's cancels this payment has not recorded, other than ours: made at Toss's console before
     * ours reached it. They are recorded first, in Toss's order, so that the recorded cancels always
     * add up to what Toss refunded and the balance follows them.
     */
    private void recordCancelsMadeAtToss(List<PgCancel> atToss, String ours) {
        long running = balance.amount();
        for (PgCancel other : atToss) {
            if (!other.transactionKey().equals(ours) && !cancellations.isRecorded(other.transactionKey())) {
                running = Math.max(0, running - other.cancelAmount().amount());
                Money balanceAfter = new Money(running, balance.currency());
                PaymentTransitions.check(status, running == 0 ? PaymentStatus.CANCELED : PaymentStatus.PARTIAL_CANCELED);
                apply(new PaymentCancelled(orderId, "toss:" + other.transactionKey(), other.transactionKey(),
                        other.cancelAmount(), other.cancelReason(), other.canceledAt(), balanceAfter,
                        other.taxFreeAmount() != null && other.taxFreeAmount().isPositive() ? other.taxFreeAmount() : null));
            }
        }
    }

    @CommandHandler
    public void handle(RecordCancelRefusal command) {
        if (cancellations.isPending(command.cancelId())) {
            apply(new PaymentCancelRefused(orderId, command.cancelId(), command.failure()));
        }
    }

    @CommandHandler
    public void handle(RecordCancelOutcomeUnknown command) {
        if (cancellations.pending().filter(p -> p.cancelId().equals(command.cancelId()) && !p.unknown()).isPresent()) {
            apply(new PaymentCancelOutcomeUnknown(orderId, command.cancelId(), command.reason()));
        }
    }

    /** The janitor's look-up at Toss: settle whatever it can tell, and say what is left. */
    @CommandHandler
    public ReconciliationVerdict handle(ReconcilePayment command) {
        if (PgExpectation.unmet(command.pg(), amount, virtualAccount,
                doubt -> handle(new FlagPaymentForOperator(orderId, doubt)))) {
            return ReconciliationVerdict.SETTLED; // not what was asked: flagged for an operator, nothing moves
        }
        if (compensationReason != null) {
            return reconcileCompensation(command.pg());
        }
        if (virtualAccount && (status == PaymentStatus.IN_PROGRESS || status == PaymentStatus.UNKNOWN)) {
            return reconcileAccountOpening(command.pg(), command.checkedAt());
        }
        if (status == PaymentStatus.IN_PROGRESS || status == PaymentStatus.UNKNOWN) {
            return reconcileConfirmation(command.pg(), command.checkedAt());
        }
        if (status == PaymentStatus.WAITING_FOR_DEPOSIT) {
            return reconcileDeposit(command.pg(), command.checkedAt());
        }
        return cancellations.pending().map(p -> reconcileCancel(p, command.pg(), command.checkedAt()))
                .orElseGet(() -> reconcileSettled(command.pg()));
    }

    private ReconciliationVerdict reconcileAccountOpening(PgPayment pg, Instant checkedAt) {
        if (pg != null && pg.virtualAccount() != null) {
            issueAccount(pg);
            return status == PaymentStatus.WAITING_FOR_DEPOSIT ? reconcileDeposit(pg, checkedAt)
                    : ReconciliationVerdict.SETTLED;
        }
        if (pg == null && checkedAt.isAfter(confirmationRequestedAt.plus(CONFIRM_WINDOW))) {
            apply(new PaymentExpired(orderId, null, FailureCode.NOT_FOUND_PAYMENT.failure("Toss opened no account")));
            return ReconciliationVerdict.SETTLED;
        }
        return ReconciliationVerdict.UNRESOLVED;
    }

    /** Toss's record of an account waiting for its deposit: paid, expired, or still waiting. */
    private ReconciliationVerdict reconcileDeposit(PgPayment pg, Instant checkedAt) {
        if (pg == null) {
            return ReconciliationVerdict.UNRESOLVED;
        }
        if (pg.wasApproved()) {
            apply(new PaymentDeposited(orderId, paymentKey, pg.lastTransactionKey(), pg.totalAmount(),
                    pg.approvedAt() != null ? pg.approvedAt() : checkedAt));
            return reconcileSettled(pg);
        }
        if (pg.state() == PgPaymentStatus.EXPIRED) {
            apply(new PaymentExpired(orderId, paymentKey, FailureCode.EXPIRED.failure()));
            return ReconciliationVerdict.SETTLED;
        }
        // still waiting: nothing to do, unless the due date has passed and Toss has not said so yet
        return dueDate != null && checkedAt.isAfter(dueDate) ? ReconciliationVerdict.UNRESOLVED
                : ReconciliationVerdict.SETTLED;
    }

    /** A settled payment may still have changed at Toss: a deposit error, or a cancel made there. */
    private ReconciliationVerdict reconcileSettled(PgPayment pg) {
        if (pg == null || !Objects.equals(pg.paymentKey(), paymentKey)) {
            return ReconciliationVerdict.SETTLED;
        }
        if (virtualAccount && status == PaymentStatus.DONE && pg.state() == PgPaymentStatus.WAITING_FOR_DEPOSIT) {
            apply(new PaymentDepositReversed(orderId, paymentKey, "Toss reported a deposit error"));
            return ReconciliationVerdict.SETTLED;
        }
        if (virtualAccount && status == PaymentStatus.DONE && pg.state() == PgPaymentStatus.EXPIRED) {
            // a deposit error, then the due date passed, both before we looked: the money is gone at Toss
            apply(new PaymentDepositReversed(orderId, paymentKey, "Toss reported a deposit error"));
            apply(new PaymentExpired(orderId, paymentKey, FailureCode.EXPIRED.failure()));
            return ReconciliationVerdict.SETTLED;
        }
        boolean cancellable = status == PaymentStatus.DONE || status == PaymentStatus.PARTIAL_CANCELED
                || status == PaymentStatus.WAITING_FOR_DEPOSIT;
        if (cancellable) {
            // cancelled at Toss directly (its console), once or more: the record follows Toss, cancel by cancel
            recordCancelsMadeAtToss(pg.cancels(), null);
        }
        return ReconciliationVerdict.SETTLED;
    }

    private void issueAccount(PgPayment pg) {
        if (pg.virtualAccount() == null || pg.state() != PgPaymentStatus.WAITING_FOR_DEPOSIT && !pg.wasApproved()) {
            return;
        }
        PaymentTransitions.check(status, PaymentStatus.WAITING_FOR_DEPOSIT);
        apply(new VirtualAccountIssued(orderId, pg.paymentKey(), pg.virtualAccount().bank(),
                pg.virtualAccount().accountNumber(), pg.virtualAccount().dueDate(), pg.secretHash()));
    }

    @CommandHandler
    public void handle(RecordCompensation command) {
        if (compensationReason != null && !cancellations.isRecorded(command.refund().transactionKey())) {
            PaymentTransitions.check(status, PaymentStatus.CANCELED);
            PgCancel refund = command.refund();
            apply(new PaymentCompensated(orderId, compensationReason, refund.transactionKey(), refund.cancelAmount(),
                    refund.canceledAt()));
        }
    }

    @CommandHandler
    public void handle(FlagPaymentForOperator command) {
        if (!flagged) {
            apply(new PaymentNeedsAttention(orderId, command.reason()));
        }
    }

    @CommandHandler
    public void handle(ResolvePaymentAttention command) {
        apply(OperatorAttention.resolve(flagged, command));
    }

    private ReconciliationVerdict reconcileConfirmation(PgPayment pg, Instant checkedAt) {
        if (pg == null || !pg.paymentKey().equals(paymentKey)) {
            if (checkedAt.isAfter(confirmationRequestedAt.plus(CONFIRM_WINDOW))) {
                apply(new PaymentExpired(orderId, paymentKey,
                        FailureCode.NOT_FOUND_PAYMENT.failure()));
                return ReconciliationVerdict.SETTLED;
            }
            return ReconciliationVerdict.UNRESOLVED;
        }
        if (pg.wasApproved()) {
            approve(pg.totalAmount(), pg.method(), pg.card(), pg.receiptUrl(), pg.lastTransactionKey(), pg.approvedAt());
            // a compensation just started: its saga refunds, the next look-up verifies
            return compensationReason == null ? ReconciliationVerdict.SETTLED : ReconciliationVerdict.UNRESOLVED;
        }
        Failure failure = pg.failure() != null ? pg.failure() : new Failure(pg.status(), "as Toss reports it");
        if (pg.state() == PgPaymentStatus.ABORTED) {
            apply(new PaymentDeclined(orderId, paymentKey, failure));
            return ReconciliationVerdict.SETTLED;
        }
        if (pg.state() == PgPaymentStatus.EXPIRED) {
            apply(new PaymentExpired(orderId, paymentKey, failure));
            return ReconciliationVerdict.SETTLED;
        }
        return ReconciliationVerdict.UNRESOLVED;
    }

    private ReconciliationVerdict reconcileCompensation(PgPayment pg) {
        if (pg != null && pg.state() == PgPaymentStatus.CANCELED) {
            PgCancel refund = cancellations.unrecorded(pg.cancels()).orElse(null);
            if (refund != null) {
                PaymentTransitions.check(status, PaymentStatus.CANCELED);
                apply(new PaymentCompensated(orderId, compensationReason, refund.transactionKey(),
                        refund.cancelAmount(), refund.canceledAt()));
                return ReconciliationVerdict.SETTLED;
            }
        }
        return pg == null ? ReconciliationVerdict.UNRESOLVED : ReconciliationVerdict.RETRY_COMPENSATION;
    }

    private ReconciliationVerdict reconcileCancel(Cancellations.Pending pending, PgPayment pg, Instant checkedAt) {
        if (pg == null) {
            return ReconciliationVerdict.UNRESOLVED;
        }
        // ours is the newest unrecorded cancel of the amount we asked for; any other was made at the console
        PgCancel ours = pg.cancels().stream()
                .filter(cancel -> !cancellations.isRecorded(cancel.transactionKey()))
                .filter(cancel -> cancel.cancelAmount().sameAs(pending.amount()))
                .reduce((first, last) -> last)
                .or(() -> cancellations.unrecorded(pg.cancels()))
                .orElse(null);
        if (ours != null) {
            recordCancelsMadeAtToss(pg.cancels(), ours.transactionKey());
            recordCancel(ours, pg.balanceAmount());
            return ReconciliationVerdict.SETTLED;
        }
        if (checkedAt.isAfter(pending.requestedAt().plus(CANCEL_SETTLE_TIME))) {
            apply(new PaymentCancelRefused(orderId, pending.cancelId(),
                    FailureCode.NOT_PROCESSED_AT_PG.failure("Toss has no record of this cancel; nothing was refunded")));
            return ReconciliationVerdict.SETTLED;
        }
        return ReconciliationVerdict.UNRESOLVED;
    }

    /** Toss says it approved: record it, or — if this payment cannot stand — refund it in full. */
    private void approve(Money approved, String method, CardSummary card,
                         String receiptUrl, String transactionKey, Instant at) {
        if (status == PaymentStatus.DONE || status == PaymentStatus.PARTIAL_CANCELED
                || status == PaymentStatus.CANCELED || compensationReason != null) {
            return;
        }
        if (status == PaymentStatus.ABORTED || status == PaymentStatus.EXPIRED) {
            startCompensation(approved, (status == PaymentStatus.ABORTED
                    ? FailureCode.APPROVED_AFTER_ABORTED : FailureCode.APPROVED_AFTER_EXPIRED).name());
        } else if (!amount.sameAs(approved)) {
            startCompensation(approved, FailureCode.AMOUNT_MISMATCH.name());
        } else {
            PaymentTransitions.check(status, PaymentStatus.DONE);
            apply(new PaymentApproved(orderId, paymentKey, approved, method, card, receiptUrl, transactionKey, at));
        }
    }

    private void startCompensation(Money approved, String reason) {
        if (status != PaymentStatus.UNKNOWN) {
            PaymentTransitions.check(status, PaymentStatus.UNKNOWN);
        }
        apply(new PaymentCompensationStarted(orderId, paymentKey, approved, reason));
    }

    private void recordCancel(PgCancel cancel, Money balanceAfter) {
        Cancellations.Pending pending = cancellations.pending().orElseThrow();
        PaymentStatus next = balanceAfter.amount() == 0 ? PaymentStatus.CANCELED : PaymentStatus.PARTIAL_CANCELED;
        PaymentTransitions.check(status, next);
        apply(new PaymentCancelled(orderId, pending.cancelId(), cancel.transactionKey(), cancel.cancelAmount(),
                pending.reason(), cancel.canceledAt(), balanceAfter, taxFree.settledPart(cancel.taxFreeAmount())));
    }

    private void requireAccess(Caller caller) {
        if (!caller.mayAccess(memberId)) {
            throw new PaymentRejection(ErrorCode.PAYMENT_NOT_FOUND, "no payment for order " + orderId);
        }
    }

    @EventSourcingHandler
    void on(PaymentCheckedOut event) {
        orderId = event.orderId();
        memberId = event.memberId();
        amount = event.amount();
        status = PaymentStatus.READY;
        taxFree.checkedOut(event.taxFreeAmount());
    }

    @EventSourcingHandler
    void on(PaymentConfirmationRequested event, @Timestamp Instant at) {
        paymentKey = event.paymentKey();
        confirmationRequestedAt = at;
        status = PaymentStatus.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(VirtualAccountRequested event, @Timestamp Instant at) {
        virtualAccount = true;
        confirmationRequestedAt = at;
        status = PaymentStatus.IN_PROGRESS;
    }

    @EventSourcingHandler
    void on(VirtualAccountIssued event) {
        paymentKey = event.paymentKey();
        dueDate = event.dueDate();
        status = PaymentStatus.WAITING_FOR_DEPOSIT;
        balance = amount;
    }

    @EventSourcingHandler
    void on(PaymentDeposited event) {
        status = PaymentStatus.DONE;
        approvedAt = event.depositedAt();
        balance = event.amount();
    }

    @EventSourcingHandler
    void on(PaymentDepositReversed event) {
        status = PaymentStatus.WAITING_FOR_DEPOSIT;
        approvedAt = null;
        balance = amount;
    }

    @EventSourcingHandler
    void on(PaymentApproved event) {
        status = PaymentStatus.DONE;
        approvedAt = event.approvedAt();
        balance = event.approvedAmount();
        flagged = false;
    }

    @EventSourcingHandler
    void on(PaymentDeclined event) {
        status = PaymentStatus.ABORTED;
        flagged = false;
    }

    @EventSourcingHandler
    void on(PaymentExpired event) {
        status = PaymentStatus.EXPIRED;
        flagged = false;
    }

    @EventSourcingHandler
    void on(PaymentOutcomeUnknown event) {
        status = PaymentStatus.UNKNOWN;
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
        status = balance.amount() == 0 ? PaymentStatus.CANCELED : PaymentStatus.PARTIAL_CANCELED;
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
        status = PaymentStatus.UNKNOWN;
    }

    @EventSourcingHandler
    void on(PaymentCompensated event) {
        cancellations.recorded(event.transactionKey());
        compensationReason = null;
        taxFree.refundedInFull();
        balance = new Money(0, amount.currency());
        status = PaymentStatus.CANCELED;
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
