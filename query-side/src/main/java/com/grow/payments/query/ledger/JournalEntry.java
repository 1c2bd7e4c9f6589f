package com.grow.payments.query.ledger;

import com.grow.payments.shared.Currency;
import com.grow.payments.shared.Money;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One balanced journal entry: the lines one money fact posts, linked to the event that is that
 * fact. Balanced by construction: an entry whose debits differ from its credits cannot be made.
 * Entries are never changed; a correction is a new entry ({@link #reversal}).
 *
 * @param eventId    the domain event's identifier: one event, at most one entry
 * @param subject    the order the money belongs to (a subscription cycle's charge order too)
 * @param occurredAt when the fact happened (the event's timestamp)
 */
public record JournalEntry(String eventId, String subject, EntryKind kind, Instant occurredAt, List<Line> lines) {

    /** One line: an amount on one side of one account; the other side is zero. */
    public record Line(Account account, Money debit, Money credit) {

        public Line {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(debit, "debit");
            Objects.requireNonNull(credit, "credit");
            if (debit.currency() != credit.currency()) {
                throw new IllegalArgumentException("a line is in one currency: " + debit + " / " + credit);
            }
            if (debit.isPositive() == credit.isPositive()) {
                throw new IllegalArgumentException("a line is a positive debit or a positive credit, not "
                        + debit + " / " + credit);
            }
        }

        public static Line debit(Account account, Money amount) {
            return new Line(account, amount, new Money(0, amount.currency()));
        }

        public static Line credit(Account account, Money amount) {
            return new Line(account, new Money(0, amount.currency()), amount);
        }

        /** The amount, whichever side it is on. */
        public Money amount() {
            return debit.isPositive() ? debit : credit;
        }

        public Account.Side side() {
            return debit.isPositive() ? Account.Side.DEBIT : Account.Side.CREDIT;
        }

        /** The same amount on the other side: the line that undoes this one. */
        public Line reversed() {
            return new Line(account, credit, debit);
        }
    }

    public JournalEntry {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredAt, "occurredAt");
        lines = List.copyOf(lines);
        if (lines.size() < 2) {
            throw new IllegalArgumentException("an entry has at least two lines: " + lines);
        }
        Currency currency = lines.get(0).amount().currency();
        if (lines.stream().anyMatch(line -> line.amount().currency() != currency)) {
            throw new IllegalArgumentException("an entry is in one currency: " + lines);
        }
        long debits = lines.stream().mapToLong(line -> line.debit().amount()).reduce(0, Math::addExact);
        long credits = lines.stream().mapToLong(line -> line.credit().amount()).reduce(0, Math::addExact);
        if (debits != credits) {
            throw new IllegalArgumentException("unbalanced entry for event " + eventId + ": debits " + debits
                    + " != credits " + credits);
        }
    }

    /** The simplest entry: one amount moved from {@code credited} to {@code debited}. */
    public static JournalEntry transfer(String eventId, String subject, EntryKind kind, Instant occurredAt,
                                        Account debited, Account credited, Money amount) {
        return new JournalEntry(eventId, subject, kind, occurredAt,
                List.of(Line.debit(debited, amount), Line.credit(credited, amount)));
    }

    /** The entry that undoes this one, line for line, recorded for another event. */
    public JournalEntry reversal(String reversingEventId, EntryKind reversingKind, Instant at) {
        return new JournalEntry(reversingEventId, subject, reversingKind, at,
                lines.stream().map(Line::reversed).toList());
    }

    public Currency currency() {
        return lines.get(0).amount().currency();
    }

    /** The entry's debits, which are its credits. */
    public Money total() {
        return new Money(lines.stream().mapToLong(line -> line.debit().amount()).reduce(0, Math::addExact), currency());
    }

    /** What the entry does to one account: debits minus credits (negative: a net credit). */
    public long netDebit(Account account) {
        return lines.stream().filter(line -> line.account() == account)
                .mapToLong(line -> Math.subtractExact(line.debit().amount(), line.credit().amount()))
                .reduce(0, Math::addExact);
    }
}
