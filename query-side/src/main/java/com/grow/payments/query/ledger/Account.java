package com.grow.payments.query.ledger;

import java.util.Arrays;

/**
 * The ledger's chart of accounts, seen from the merchant's side of Toss: what Toss owes us, and
 * what we hold for whom. Each account has the side its balance normally sits on; docs/ledger.md
 * says what each one means and which facts move it.
 */
public enum Account {

    /** Money Toss has taken for us and not yet refunded (settled to us later, net of refunds): an asset. */
    TOSS_RECEIVABLE("toss_receivable", Side.DEBIT),
    /** Customers' one-off payments that stand (card approvals and virtual-account deposits, less refunds). */
    CUSTOMER_PAYMENTS("customer_payments", Side.CREDIT),
    /** Recurring charges of subscriptions (billing-key payments). */
    SUBSCRIPTION_PAYMENTS("subscription_payments", Side.CREDIT),
    /** Money Toss took on a payment that cannot stand, owed back to the buyer until the refund is done: a liability. */
    COMPENSATION_REFUNDS_PAYABLE("compensation_refunds_payable", Side.CREDIT),
    /** What Toss has paid out into our bank account (its settlements): an asset. */
    BANK("bank", Side.DEBIT),
    /** Toss's fees (with their VAT) kept out of its payouts: an expense. */
    TOSS_FEES("toss_fees", Side.DEBIT);

    /** The two sides of a ledger line. */
    public enum Side {
        DEBIT, CREDIT
    }

    private final String code;
    private final Side normalSide;

    Account(String code, Side normalSide) {
        this.code = code;
        this.normalSide = normalSide;
    }

    /** The account's name as stored and shown: {@code toss_receivable}. */
    public String code() {
        return code;
    }

    /** The side an increase of this account is posted to, where its balance normally sits. */
    public Side normalSide() {
        return normalSide;
    }

    public static Account ofCode(String code) {
        return Arrays.stream(values()).filter(account -> account.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no ledger account " + code));
    }
}
