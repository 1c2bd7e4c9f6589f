package com.grow.payments.query.ledger;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every account of the chart with its debits, credits and balance, and the totals, which are
 * equal whenever every entry is balanced. An account's {@code balance} is on its normal side
 * (debits − credits for {@code toss_receivable}, credits − debits for the others), so a healthy
 * ledger shows no negative balance.
 */
public record TrialBalance(List<AccountBalance> accounts, long totalDebits, long totalCredits, boolean balanced) {

    /** One account's line of the trial balance. */
    public record AccountBalance(String account, Account.Side normalSide, long debit, long credit, long balance) {
    }

    /** An account's debits and credits, summed. */
    public record Totals(long debits, long credits) {

        static final Totals NONE = new Totals(0, 0);

        Totals plus(JournalEntry.Line line) {
            return new Totals(Math.addExact(debits, line.debit().amount()), Math.addExact(credits, line.credit().amount()));
        }
    }

    public TrialBalance {
        accounts = List.copyOf(accounts);
    }

    /** The trial balance of these sums; accounts without any show zeros. */
    public static TrialBalance of(Map<Account, Totals> totals) {
        List<AccountBalance> accounts = Arrays.stream(Account.values()).map(account -> {
            Totals sums = totals.getOrDefault(account, Totals.NONE);
            long balance = account.normalSide() == Account.Side.DEBIT
                    ? Math.subtractExact(sums.debits(), sums.credits()) : Math.subtractExact(sums.credits(), sums.debits());
            return new AccountBalance(account.code(), account.normalSide(), sums.debits(), sums.credits(), balance);
        }).toList();
        long debits = accounts.stream().mapToLong(AccountBalance::debit).reduce(0, Math::addExact);
        long credits = accounts.stream().mapToLong(AccountBalance::credit).reduce(0, Math::addExact);
        return new TrialBalance(accounts, debits, credits, debits == credits);
    }

    /** The trial balance of some entries (e.g. one order's), summed here rather than by the database. */
    public static TrialBalance ofEntries(List<JournalEntry> entries) {
        Map<Account, Totals> totals = new EnumMap<>(Account.class);
        for (JournalEntry entry : entries) {
            for (JournalEntry.Line line : entry.lines()) {
                totals.put(line.account(), totals.getOrDefault(line.account(), Totals.NONE).plus(line));
            }
        }
        return of(totals);
    }
}
