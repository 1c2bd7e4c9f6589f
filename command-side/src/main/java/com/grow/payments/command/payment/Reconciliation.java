package com.grow.payments.command.payment;

import com.grow.payments.shared.payment.Failure;
import com.grow.payments.shared.payment.FailureCode;
import com.grow.payments.shared.payment.PaymentCancelRefused;
import com.grow.payments.shared.payment.PaymentCompensated;
import com.grow.payments.shared.payment.PaymentCompensationStarted;
import com.grow.payments.shared.payment.PaymentDeclined;
import com.grow.payments.shared.payment.PaymentDepositReversed;
import com.grow.payments.shared.payment.PaymentDeposited;
import com.grow.payments.shared.payment.PaymentExpired;
import com.grow.payments.shared.payment.PaymentStatus;
import com.grow.payments.shared.payment.PgPayment;
import com.grow.payments.shared.payment.PgPayment.PgCancel;
import com.grow.payments.shared.payment.PgPaymentStatus;
import com.grow.payments.shared.payment.ReconciliationVerdict;
import com.grow.payments.shared.payment.VirtualAccountIssued;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The janitor's look-up at Toss, decided: from the payment as it is and Toss's record of it
 * ({@code null}: Toss has none), the events that settle whatever Toss can tell, and what is left.
 * Pure: nothing here applies anything; the payment applies the events through its gate.
 */
final class Reconciliation {

    /** Toss's window between the buyer's authentication and the confirmation, plus a margin. */
    static final Duration CONFIRM_WINDOW = Duration.ofMinutes(12);
    /** After this, a cancel Toss has no record of was not processed there. */
    static final Duration CANCEL_SETTLE_TIME = Duration.ofMinutes(1);

    private Reconciliation() {
    }

    static Decision decide(PaymentSnapshot p, PgPayment pg, Instant checkedAt) {
        String doubt = PgExpectation.doubt(pg, p.amount(), p.virtualAccount());
        if (doubt != null) {
            // not what was asked: flagged for an operator, nothing moves
            return new Decision(OperatorAttention.flag(p, doubt).stream().map(Object.class::cast).toList(),
                    ReconciliationVerdict.SETTLED);
        }
        if (p.compensating()) {
            return compensation(p, pg);
        }
        if (VirtualAccounts.opening(p)) {
            return accountOpening(p, pg, checkedAt);
        }
        if (p.awaitingToss()) {
            return confirmation(p, pg, checkedAt);
        }
        if (p.status() == PaymentStatus.WAITING_FOR_DEPOSIT) {
            return deposit(p, pg, checkedAt);
        }
        return p.cancellations().pending().map(pending -> cancel(p, pending, pg, checkedAt))
                .orElseGet(() -> settled(p, pg));
    }

    private static Decision accountOpening(PaymentSnapshot p, PgPayment pg, Instant checkedAt) {
        Optional<VirtualAccountIssued> issued = pg == null ? Optional.empty() : VirtualAccounts.issued(p, pg);
        if (issued.isPresent()) {
            return Decision.settled(issued.get()).then(deposit(p.after(issued.get()), pg, checkedAt));
        }
        if (pg != null && pg.virtualAccount() != null) {
            return Decision.settled(); // an account Toss lists but has not opened: nothing to record
        }
        if (pg == null && checkedAt.isAfter(p.confirmationRequestedAt().plus(CONFIRM_WINDOW))) {
            return Decision.settled(new PaymentExpired(p.orderId(), null,
                    FailureCode.NOT_FOUND_PAYMENT.failure("Toss opened no account")));
        }
        return Decision.unresolved();
    }

    /** Toss's record of an account waiting for its deposit: paid, expired, or still waiting. */
    private static Decision deposit(PaymentSnapshot p, PgPayment pg, Instant checkedAt) {
        if (pg == null) {
            return Decision.unresolved();
        }
        if (pg.wasApproved()) {
            PaymentDeposited deposited = new PaymentDeposited(p.orderId(), p.paymentKey(), pg.lastTransactionKey(),
                    pg.totalAmount(), pg.approvedAt() != null ? pg.approvedAt() : checkedAt);
            return Decision.settled(deposited).then(settled(p.after(deposited), pg));
        }
        if (pg.state() == PgPaymentStatus.EXPIRED) {
            return Decision.settled(new PaymentExpired(p.orderId(), p.paymentKey(), FailureCode.EXPIRED.failure()));
        }
        // still waiting: nothing to do, unless the due date has passed and Toss has not said so yet
        return p.dueDate() != null && checkedAt.isAfter(p.dueDate()) ? Decision.unresolved() : Decision.settled();
    }

    /** A settled payment may still have changed at Toss: a deposit error, or a cancel made there. */
    private static Decision settled(PaymentSnapshot p, PgPayment pg) {
        if (pg == null || !Objects.equals(pg.paymentKey(), p.paymentKey())) {
            return Decision.settled();
        }
        boolean paidAccount = p.virtualAccount() && p.status() == PaymentStatus.DONE;
        PaymentDepositReversed reversed = new PaymentDepositReversed(p.orderId(), p.paymentKey(),
                "Toss reported a deposit error");
        if (paidAccount && pg.state() == PgPaymentStatus.WAITING_FOR_DEPOSIT) {
            return Decision.settled(reversed);
        }
        if (paidAccount && pg.state() == PgPaymentStatus.EXPIRED) {
            // a deposit error, then the due date passed, both before we looked: the money is gone at Toss
            return Decision.settled(reversed,
                    new PaymentExpired(p.orderId(), p.paymentKey(), FailureCode.EXPIRED.failure()));
        }
        boolean cancellable = p.status() == PaymentStatus.DONE || p.status() == PaymentStatus.PARTIAL_CANCELED
                || p.status() == PaymentStatus.WAITING_FOR_DEPOSIT;
        // cancelled at Toss directly (its console), once or more: the record follows Toss, cancel by cancel
        return cancellable ? Decision.settled().with(PaymentCancels.madeAtToss(p, pg.cancels(), null))
                : Decision.settled();
    }

    private static Decision confirmation(PaymentSnapshot p, PgPayment pg, Instant checkedAt) {
        if (pg == null || !pg.paymentKey().equals(p.paymentKey())) {
            if (checkedAt.isAfter(p.confirmationRequestedAt().plus(CONFIRM_WINDOW))) {
                return Decision.settled(new PaymentExpired(p.orderId(), p.paymentKey(),
                        FailureCode.NOT_FOUND_PAYMENT.failure()));
            }
            return Decision.unresolved();
        }
        if (pg.wasApproved()) {
            List<Object> approval = Approval.of(p, new Approval.Approved(pg.totalAmount(), pg.method(), pg.card(),
                    pg.receiptUrl(), pg.lastTransactionKey(), pg.approvedAt())).stream().toList();
            // a compensation just started: its saga refunds, the next look-up verifies
            boolean compensating = approval.stream().anyMatch(PaymentCompensationStarted.class::isInstance);
            return new Decision(approval, compensating ? ReconciliationVerdict.UNRESOLVED : ReconciliationVerdict.SETTLED);
        }
        Failure failure = pg.failure() != null ? pg.failure() : new Failure(pg.status(), "as Toss reports it");
        if (pg.state() == PgPaymentStatus.ABORTED) {
            return Decision.settled(new PaymentDeclined(p.orderId(), p.paymentKey(), failure));
        }
        if (pg.state() == PgPaymentStatus.EXPIRED) {
            return Decision.settled(new PaymentExpired(p.orderId(), p.paymentKey(), failure));
        }
        return Decision.unresolved();
    }

    private static Decision compensation(PaymentSnapshot p, PgPayment pg) {
        Optional<PgCancel> refund = pg != null && pg.state() == PgPaymentStatus.CANCELED
                ? p.cancellations().unrecorded(pg.cancels()) : Optional.empty();
        if (refund.isPresent()) {
            return Decision.settled(compensated(p, refund.get()));
        }
        return new Decision(List.of(),
                pg == null ? ReconciliationVerdict.UNRESOLVED : ReconciliationVerdict.RETRY_COMPENSATION);
    }

    /** Toss refunded the approval this payment could not keep. */
    static PaymentCompensated compensated(PaymentSnapshot p, PgCancel refund) {
        return new PaymentCompensated(p.orderId(), p.compensationReason(), refund.transactionKey(),
                refund.cancelAmount(), refund.canceledAt());
    }

    private static Decision cancel(PaymentSnapshot p, Cancellations.Pending pending, PgPayment pg, Instant checkedAt) {
        if (pg == null) {
            return Decision.unresolved();
        }
        // ours is the newest unrecorded cancel of the amount we asked for; any other was made at the console
        Optional<PgCancel> ours = pg.cancels().stream()
                .filter(cancel -> !p.cancellations().isRecorded(cancel.transactionKey()))
                .filter(cancel -> cancel.cancelAmount().sameAs(pending.amount()))
                .reduce((first, last) -> last)
                .or(() -> p.cancellations().unrecorded(pg.cancels()));
        if (ours.isPresent()) {
            return Decision.settled().with(PaymentCancels.recorded(p, pg.cancels(), ours.get(), pg.balanceAmount()));
        }
        if (checkedAt.isAfter(pending.requestedAt().plus(CANCEL_SETTLE_TIME))) {
            return Decision.settled(new PaymentCancelRefused(p.orderId(), pending.cancelId(),
                    FailureCode.NOT_PROCESSED_AT_PG.failure("Toss has no record of this cancel; nothing was refunded")));
        }
        return Decision.unresolved();
    }
}
