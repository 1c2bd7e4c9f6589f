package com.grow.payments.sandbox;

/**
 * What the sandbox's merchants pay Toss and when Toss pays them, for {@code GET /v1/settlements}: a card
 * payment costs {@code cardFeeBasisPoints} of its amount (refunded in proportion when cancelled), a virtual
 * account deposit a flat {@code virtualAccountFee} (not refunded); Toss adds 10% VAT to either, and pays
 * the rest out {@code payoutDelayDays} calendar days after the sale.
 */
public record SettlementTerms(long cardFeeBasisPoints, long virtualAccountFee, int payoutDelayDays) {

    /** 3.2% on cards, 300 won per deposit, paid out two days later. */
    public static final SettlementTerms DEFAULT = new SettlementTerms(320, 300, 2);

    public SettlementTerms {
        if (cardFeeBasisPoints < 0 || cardFeeBasisPoints > 10_000 || virtualAccountFee < 0 || payoutDelayDays < 0) {
            throw new IllegalArgumentException("fees and delay must not be negative, and a card fee at most 100%");
        }
    }

    /** The fee before VAT on a transaction of {@code amount} made with {@code method} (negative on a cancel). */
    long fee(SandboxTransaction transaction) {
        boolean card = "카드".equals(transaction.method());
        return switch (transaction.kind()) {
            case APPROVAL -> card ? Math.round(transaction.amount() * cardFeeBasisPoints / 10_000.0) : virtualAccountFee;
            case CANCEL -> card ? -Math.round(transaction.amount() * cardFeeBasisPoints / 10_000.0) : 0L;
            case DEPOSIT_REVERSAL -> 0L;
        };
    }

    /** Toss charges VAT on its fee: 10%, rounded to the won. */
    static long vatOn(long fee) {
        return Math.round(fee / 10.0);
    }
}
