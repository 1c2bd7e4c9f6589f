package com.grow.payments.command.payment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.grow.payments.shared.MemberId;
import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.cashreceipt.CashReceiptCanceled;
import com.grow.payments.shared.cashreceipt.CashReceiptCommands.RecordCashReceiptCanceled;
import com.grow.payments.shared.cashreceipt.CashReceiptCommands.RecordCashReceiptIssueFailed;
import com.grow.payments.shared.cashreceipt.CashReceiptCommands.RecordCashReceiptIssued;
import com.grow.payments.shared.cashreceipt.CashReceiptCommands.RecordCashReceiptUnknown;
import com.grow.payments.shared.cashreceipt.CashReceiptCommands.RequestCashReceipt;
import com.grow.payments.shared.cashreceipt.CashReceiptIssueFailed;
import com.grow.payments.shared.cashreceipt.CashReceiptIssued;
import com.grow.payments.shared.cashreceipt.CashReceiptOutcomeUnknown;
import com.grow.payments.shared.cashreceipt.CashReceiptRequested;
import com.grow.payments.shared.cashreceipt.PgCashReceipt;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import com.grow.payments.shared.payment.PaymentApproved;
import com.grow.payments.shared.payment.PaymentCancelled;
import com.grow.payments.shared.payment.PaymentCheckedOut;
import com.grow.payments.shared.payment.PaymentCompensated;
import com.grow.payments.shared.payment.PaymentDepositReversed;
import com.grow.payments.shared.payment.PaymentDeposited;
import com.grow.payments.shared.payment.PgPaymentMethod;
import com.grow.payments.shared.payment.VirtualAccountRequested;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * A payment's cash receipt (현금영수증), a member of the Payment aggregate: at most one receipt per
 * order stands. It is asked once; a lost answer is settled by Toss's look-up, never by asking
 * again; only a refusal (or Toss having no record of it) lets the member ask anew. Only a paid
 * virtual-account or transfer payment takes one, for what is paid and not refunded.
 */
class PaymentCashReceipt {

    /** ON_DEPOSIT: asked with the virtual account, Toss issues it on deposit (and cancels it with the payment). */
    enum State { NONE, REQUESTED, UNKNOWN, ON_DEPOSIT, ISSUED }

    private OrderId orderId;
    private MemberId memberId;
    private String orderName;
    private boolean cashPayment;
    private Money paid;
    private State state = State.NONE;
    private int attempts;
    private String receiptKey;
    private Money receiptAmount;

    @CommandHandler
    void handle(RequestCashReceipt command) {
        if (!command.caller().mayAccess(memberId)) {
            throw new PaymentRejection(ErrorCode.PAYMENT_NOT_FOUND, "no payment " + orderId);
        }
        if (state != State.NONE) {
            return; // the receipt asked for (or issued) stands
        }
        if (!cashPayment) {
            throw new PaymentRejection(ErrorCode.CASH_RECEIPT_NOT_APPLICABLE,
                    "order " + orderId + " was not paid by virtual account or transfer");
        }
        if (paid == null || !paid.isPositive()) {
            throw new PaymentRejection(ErrorCode.CASH_RECEIPT_NOT_APPLICABLE, "order " + orderId + " is not paid");
        }
        apply(new CashReceiptRequested(orderId, command.type(), command.identityNumberMasked(), paid, orderName,
                command.requestDate(), attempts + 1));
    }

    @CommandHandler
    void handle(RecordCashReceiptIssued command) {
        if (state == State.REQUESTED || state == State.UNKNOWN || state == State.ON_DEPOSIT) {
            PgCashReceipt r = command.receipt();
            apply(new CashReceiptIssued(orderId, r.receiptKey(), r.type(), new Money(r.amount(), paid.currency()),
                    r.taxFreeAmount(), r.issueStatus(), r.issueNumber(), r.receiptUrl(), command.issuedAt()));
        }
    }

    @CommandHandler
    void handle(RecordCashReceiptIssueFailed command) {
        if (state == State.REQUESTED || state == State.UNKNOWN) {
            apply(new CashReceiptIssueFailed(orderId, command.failure()));
        }
    }

    @CommandHandler
    void handle(RecordCashReceiptUnknown command) {
        if (state == State.REQUESTED) {
            apply(new CashReceiptOutcomeUnknown(orderId, command.reason()));
        }
    }

    @CommandHandler
    void handle(RecordCashReceiptCanceled command) {
        if (state == State.ISSUED && command.receiptKey().equals(receiptKey) && receiptAmount.isPositive()) {
            long cancel = Math.min(command.cancelAmount().amount(), receiptAmount.amount());
            apply(new CashReceiptCanceled(orderId, receiptKey, new Money(cancel, receiptAmount.currency()),
                    new Money(receiptAmount.amount() - cancel, receiptAmount.currency()), command.canceledAt()));
        }
    }

    @EventSourcingHandler
    void on(PaymentCheckedOut event) {
        orderId = event.orderId();
        memberId = event.memberId();
        orderName = event.orderName();
    }

    @EventSourcingHandler
    void on(VirtualAccountRequested event) {
        cashPayment = true;
        if (event.cashReceipt() != null) {
            state = State.ON_DEPOSIT;
        }
    }

    @EventSourcingHandler
    void on(PaymentApproved event) {
        // an account transfer is the other cash payment a receipt is for
        cashPayment = PgPaymentMethod.of(event.method()) == PgPaymentMethod.TRANSFER;
        paid = event.approvedAmount();
    }

    @EventSourcingHandler
    void on(PaymentDeposited event) {
        paid = event.amount();
    }

    @EventSourcingHandler
    void on(PaymentDepositReversed event) {
        paid = null;
    }

    @EventSourcingHandler
    void on(PaymentCancelled event) {
        paid = event.balanceAfter();
    }

    @EventSourcingHandler
    void on(PaymentCompensated event) {
        paid = null;
    }

    @EventSourcingHandler
    void on(CashReceiptRequested event) {
        state = State.REQUESTED;
        attempts = event.attempt();
    }

    @EventSourcingHandler
    void on(CashReceiptOutcomeUnknown event) {
        state = State.UNKNOWN;
    }

    @EventSourcingHandler
    void on(CashReceiptIssueFailed event) {
        state = State.NONE;
    }

    @EventSourcingHandler
    void on(CashReceiptIssued event) {
        state = State.ISSUED;
        receiptKey = event.receiptKey();
        receiptAmount = event.amount();
    }

    @EventSourcingHandler
    void on(CashReceiptCanceled event) {
        receiptAmount = event.remaining();
    }
}
