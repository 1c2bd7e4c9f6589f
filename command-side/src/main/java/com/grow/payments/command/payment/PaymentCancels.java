package com.grow.payments.command.payment;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import com.grow.payments.shared.payment.PaymentCancelRequested;
import com.grow.payments.shared.payment.PaymentCancelled;
import com.grow.payments.shared.payment.PaymentCommands.CancelPayment;
import com.grow.payments.shared.payment.PaymentStatus;
import com.grow.payments.shared.payment.PgPayment.PgCancel;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules a cancel must pass before Toss is asked, each named, and the cancels to record when
 * Toss has cancelled: ours, after any made at Toss's console that this payment has not recorded.
 */
final class PaymentCancels {

    private PaymentCancels() {
    }

    /** The cancel to ask of Toss, or a rejection naming the rule it breaks. */
    static PaymentCancelRequested request(PaymentSnapshot p, CancelPayment command) {
        requireCancellable(p);
        requireRefundAccount(p, command);
        requireNoCancelInFlight(p);
        Money requested = command.cancelAmount() == null ? p.balance() : command.cancelAmount();
        requireWithinBalance(p, requested);
        requireOwnerWindow(p, command);
        return new PaymentCancelRequested(p.orderId(), p.paymentKey(), command.cancelId(), command.cancelReason(),
                requested, command.refundAccount(), p.taxFree().partOf(requested, p.balance()));
    }

    /** A virtual account not paid yet: withdrawn, not refunded. */
    private static boolean unpaidAccount(PaymentSnapshot p) {
        return p.virtualAccount() && p.status() == PaymentStatus.WAITING_FOR_DEPOSIT;
    }

    private static void requireCancellable(PaymentSnapshot p) {
        if (p.status() != PaymentStatus.DONE && p.status() != PaymentStatus.PARTIAL_CANCELED && !unpaidAccount(p)) {
            throw new PaymentRejection(ErrorCode.PAYMENT_NOT_CANCELABLE,
                    "a payment in " + p.status() + " cannot be cancelled");
        }
    }

    private static void requireRefundAccount(PaymentSnapshot p, CancelPayment command) {
        if (p.virtualAccount() && !unpaidAccount(p) && command.refundAccount() == null) {
            throw PaymentRejection.invalidField("refundReceiveAccount", "is required to refund a paid virtual account");
        }
    }

    private static void requireNoCancelInFlight(PaymentSnapshot p) {
        if (p.cancellations().pending().isPresent()) {
            throw new PaymentRejection(ErrorCode.CANCEL_IN_PROGRESS, "wait for the cancel in progress to finish");
        }
    }

    private static void requireWithinBalance(PaymentSnapshot p, Money requested) {
        if (!requested.isPositive() || requested.currency() != p.balance().currency()) {
            throw new PaymentRejection(ErrorCode.VALIDATION_FAILED, "cancelAmount must be a positive amount in "
                    + p.balance().currency());
        }
        if (requested.amount() > p.balance().amount()) {
            throw new PaymentRejection(ErrorCode.CANCEL_AMOUNT_EXCEEDS_BALANCE,
                    "cancelAmount " + requested + " exceeds the balance " + p.balance());
        }
    }

    /** An unpaid account has no approval yet: its owner may withdraw it until it is paid or expires. */
    private static void requireOwnerWindow(PaymentSnapshot p, CancelPayment command) {
        if (!command.caller().admin() && p.approvedAt() != null
                && command.requestedAt().isAfter(p.approvedAt().plus(command.ownerWindow()))) {
            throw new PaymentRejection(ErrorCode.CANCEL_WINDOW_CLOSED,
                    "payments can be cancelled by their owner within " + command.ownerWindow().toDays() + " days");
        }
    }

    /** Toss cancelled ours: the console's cancels it lists that are not recorded yet, then ours. */
    static List<PaymentCancelled> recorded(PaymentSnapshot p, List<PgCancel> atToss, PgCancel ours,
                                           Money balanceAfter) {
        List<PaymentCancelled> cancels = new ArrayList<>(madeAtToss(p, atToss, ours.transactionKey()));
        Cancellations.Pending pending = p.cancellations().pending().orElseThrow();
        cancels.add(new PaymentCancelled(p.orderId(), pending.cancelId(), ours.transactionKey(), ours.cancelAmount(),
                pending.reason(), ours.canceledAt(), balanceAfter, p.taxFree().settledPart(ours.taxFreeAmount())));
        return cancels;
    }

    /**
     * Toss's cancels this payment has not recorded, other than {@code ours}: made at Toss's console
     * before ours reached it. They are recorded first, in Toss's order, so that the recorded cancels
     * always add up to what Toss refunded and the balance follows them.
     */
    static List<PaymentCancelled> madeAtToss(PaymentSnapshot p, List<PgCancel> atToss, String ours) {
        List<PaymentCancelled> cancels = new ArrayList<>();
        long running = p.balance().amount();
        for (PgCancel other : atToss) {
            if (!other.transactionKey().equals(ours) && !p.cancellations().isRecorded(other.transactionKey())) {
                running = Math.max(0, running - other.cancelAmount().amount());
                cancels.add(new PaymentCancelled(p.orderId(), "toss:" + other.transactionKey(), other.transactionKey(),
                        other.cancelAmount(), other.cancelReason(), other.canceledAt(),
                        new Money(running, p.balance().currency()),
                        other.taxFreeAmount() != null && other.taxFreeAmount().isPositive() ? other.taxFreeAmount()
                                : null));
            }
        }
        return cancels;
    }
}
