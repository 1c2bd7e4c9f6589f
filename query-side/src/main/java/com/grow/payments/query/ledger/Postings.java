package com.grow.payments.query.ledger;

import static com.grow.payments.query.ledger.Account.BANK;
import static com.grow.payments.query.ledger.Account.COMPENSATION_REFUNDS_PAYABLE;
import static com.grow.payments.query.ledger.Account.CUSTOMER_PAYMENTS;
import static com.grow.payments.query.ledger.Account.SUBSCRIPTION_PAYMENTS;
import static com.grow.payments.query.ledger.Account.TOSS_FEES;
import static com.grow.payments.query.ledger.Account.TOSS_RECEIVABLE;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.payment.PaymentApproved;
import com.grow.payments.shared.payment.PaymentCancelled;
import com.grow.payments.shared.payment.PaymentCompensated;
import com.grow.payments.shared.payment.PaymentCompensationStarted;
import com.grow.payments.shared.payment.PaymentDepositReversed;
import com.grow.payments.shared.payment.PaymentDeposited;
import com.grow.payments.shared.payment.PaymentEvent;
import com.grow.payments.shared.settlement.SettlementRecorded;
import com.grow.payments.shared.subscription.SubscriptionCharged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The posting rules: which balanced entry each money fact makes. Pure — no Spring, no SQL — so the
 * projection and the property test run the very same rules. docs/ledger.md explains each one.
 *
 * <pre>
 * PaymentApproved            Dr toss_receivable               Cr customer_payments
 * PaymentCancelled           Dr customer_payments             Cr toss_receivable      (nothing if no money stood)
 * PaymentCompensationStarted Dr toss_receivable               Cr compensation_refunds_payable
 * PaymentCompensated         Dr compensation_refunds_payable  Cr toss_receivable
 * PaymentDeposited           Dr toss_receivable               Cr customer_payments
 * PaymentDepositReversed     the reversal of the standing deposit entry
 * SubscriptionCharged        Dr toss_receivable               Cr subscription_payments
 * SettlementRecorded         Dr bank (payout), Dr toss_fees   Cr toss_receivable (gross); a refund's the other way
 * </pre>
 */
public final class Postings {

    private static final Set<Class<?>> MONEY_FACTS = Set.of(PaymentApproved.class, PaymentCancelled.class,
            PaymentCompensationStarted.class, PaymentCompensated.class, PaymentDeposited.class,
            PaymentDepositReversed.class, SubscriptionCharged.class, SettlementRecorded.class);

    private Postings() {
    }

    /** Whether the event is a money fact that may post (others never do, whatever the book says). */
    public static boolean isMoneyFact(Object event) {
        return event != null && MONEY_FACTS.contains(event.getClass());
    }

    /** The order an event's entry belongs to: a payment's order, or a subscription cycle's charge order. */
    public static Optional<String> subjectOf(Object event) {
        if (event instanceof PaymentEvent payment) {
            return Optional.of(payment.orderId().value());
        }
        if (event instanceof SubscriptionCharged charged) {
            return Optional.of(charged.orderId());
        }
        if (event instanceof SettlementRecorded settled) {
            return Optional.of(settled.orderId());
        }
        return Optional.empty();
    }

    /**
     * The entry the event posts, given the book of its order before it; empty when the event moves
     * no money (a status change, or the withdrawal of an account nobody paid into).
     */
    public static Optional<JournalEntry> entryFor(String eventId, Instant occurredAt, Object event, SubjectBook book) {
        if (event instanceof PaymentApproved e) {
            return transfer(eventId, e, EntryKind.APPROVAL, occurredAt, TOSS_RECEIVABLE, CUSTOMER_PAYMENTS,
                    e.approvedAmount());
        }
        if (event instanceof PaymentCancelled e) {
            // withdrawing an unpaid virtual account is a cancel too, but no money had come in
            return book.holdsCustomerMoney()
                    ? transfer(eventId, e, EntryKind.CANCEL, occurredAt, CUSTOMER_PAYMENTS, TOSS_RECEIVABLE,
                            e.cancelAmount())
                    : Optional.empty();
        }
        if (event instanceof PaymentCompensationStarted e) {
            return transfer(eventId, e, EntryKind.COMPENSATION_STARTED, occurredAt, TOSS_RECEIVABLE,
                    COMPENSATION_REFUNDS_PAYABLE, e.approvedAmount());
        }
        if (event instanceof PaymentCompensated e) {
            return transfer(eventId, e, EntryKind.COMPENSATION_REFUND, occurredAt, COMPENSATION_REFUNDS_PAYABLE,
                    TOSS_RECEIVABLE, e.refundedAmount());
        }
        if (event instanceof PaymentDeposited e) {
            return transfer(eventId, e, EntryKind.DEPOSIT, occurredAt, TOSS_RECEIVABLE, CUSTOMER_PAYMENTS,
                    e.amount());
        }
        if (event instanceof PaymentDepositReversed) {
            return book.standingDeposit()
                    .map(deposit -> deposit.reversal(eventId, EntryKind.DEPOSIT_REVERSAL, occurredAt));
        }
        if (event instanceof SubscriptionCharged e) {
            return transfer(eventId, e, EntryKind.SUBSCRIPTION_CHARGE, occurredAt, TOSS_RECEIVABLE,
                    SUBSCRIPTION_PAYMENTS, e.amount());
        }
        if (event instanceof SettlementRecorded e) {
            return settlement(eventId, occurredAt, e);
        }
        return Optional.empty();
    }

    /** The payout and the fee clear the receivable; a refund's row puts them back. Zero parts write no line. */
    private static Optional<JournalEntry> settlement(String eventId, Instant at, SettlementRecorded e) {
        if (!e.gross().isPositive()) {
            return Optional.empty();
        }
        List<JournalEntry.Line> lines = new ArrayList<>();
        if (e.payOut().isPositive()) {
            lines.add(JournalEntry.Line.debit(BANK, e.payOut()));
        }
        if (e.fees().isPositive()) {
            lines.add(JournalEntry.Line.debit(TOSS_FEES, e.fees()));
        }
        lines.add(JournalEntry.Line.credit(TOSS_RECEIVABLE, e.gross()));
        if (e.refund()) {
            lines.replaceAll(JournalEntry.Line::reversed);
        }
        return Optional.of(new JournalEntry(eventId, e.orderId(), EntryKind.SETTLEMENT, at, lines));
    }

    /**
     * Posts one event to the journal: the entry its rule makes, given the order's earlier entries,
     * unless the event was posted before (then nothing, however often it comes). The projection and
     * the property test both post this way.
     *
     * @return the entry kept, if the event made a new one
     */
    public static Optional<JournalEntry> post(Journal journal, String eventId, Instant occurredAt, Object event) {
        if (!isMoneyFact(event) || journal.contains(eventId)) {
            return Optional.empty();
        }
        SubjectBook book = SubjectBook.of(journal.entriesOf(subjectOf(event).orElseThrow()));
        return entryFor(eventId, occurredAt, event, book).filter(journal::append);
    }

    private static Optional<JournalEntry> transfer(String eventId, Object event, EntryKind kind, Instant at,
                                                   Account debited, Account credited, Money amount) {
        if (!amount.isPositive()) {
            return Optional.empty(); // a zero amount moves nothing: there is no line to write
        }
        return Optional.of(JournalEntry.transfer(eventId, subjectOf(event).orElseThrow(), kind, at, debited,
                credited, amount));
    }
}
