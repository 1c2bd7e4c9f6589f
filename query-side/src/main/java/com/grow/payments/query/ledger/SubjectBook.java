package com.grow.payments.query.ledger;

import java.util.List;
import java.util.Optional;

/**
 * What the posting rules must know of an order beyond the event itself, read off the order's own
 * earlier entries (so the ledger is its own state, and a replay rebuilds it with the entries):
 * whether the order holds a customer's money, and the deposit a reversal would undo.
 */
public final class SubjectBook {

    private static final SubjectBook EMPTY = new SubjectBook(0, null);

    private final long customerPayments;
    private final JournalEntry standingDeposit;

    private SubjectBook(long customerPayments, JournalEntry standingDeposit) {
        this.customerPayments = customerPayments;
        this.standingDeposit = standingDeposit;
    }

    public static SubjectBook empty() {
        return EMPTY;
    }

    /** The book after the order's earlier entries, oldest first. */
    public static SubjectBook of(List<JournalEntry> earlier) {
        long customerPayments = 0;
        JournalEntry deposit = null;
        for (JournalEntry entry : earlier) {
            customerPayments = Math.subtractExact(customerPayments, entry.netDebit(Account.CUSTOMER_PAYMENTS));
            if (entry.kind() == EntryKind.DEPOSIT) {
                deposit = entry;
            } else if (entry.kind() == EntryKind.DEPOSIT_REVERSAL) {
                deposit = null;
            }
        }
        return new SubjectBook(customerPayments, deposit);
    }

    /** The order's customer money still stands (approved or deposited, not all refunded). */
    public boolean holdsCustomerMoney() {
        return customerPayments > 0;
    }

    /** The deposit entry no reversal has undone yet, if any. */
    public Optional<JournalEntry> standingDeposit() {
        return Optional.ofNullable(standingDeposit);
    }
}
