package com.grow.payments.command.payment;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.error.PaymentRejection;
import java.math.BigInteger;

/**
 * The part of a payment free of VAT (tuition can be): what was checked out, what of it is not yet
 * refunded, and the tax-free part of the cancel in flight. A cancel refunds the tax-free balance in
 * proportion to the balance it refunds, rounded down, and a cancel of the whole balance refunds all
 * of it, so the taxable and the tax-free parts reach zero together and neither is ever refunded
 * beyond what is left of it (docs/ledger.md).
 */
final class TaxFree {

    private long balance;
    private Money pending;

    /** Rejects a tax-free amount below zero, above the amount or in another currency. */
    static void validate(Money taxFree, Money amount) {
        if (taxFree != null && (taxFree.currency() != amount.currency() || taxFree.amount() > amount.amount())) {
            throw PaymentRejection.invalidField("taxFreeAmount", "must be between 0 and the amount");
        }
    }

    void checkedOut(Money taxFree) {
        balance = taxFree == null ? 0 : taxFree.amount();
    }

    /** The tax-free part of a cancel of {@code cancel} out of the payment's {@code paymentBalance}; null when none. */
    Money partOf(Money cancel, Money paymentBalance) {
        if (balance == 0 || paymentBalance.amount() == 0) {
            return null;
        }
        long part = cancel.amount() >= paymentBalance.amount() ? balance
                : BigInteger.valueOf(cancel.amount()).multiply(BigInteger.valueOf(balance))
                .divide(BigInteger.valueOf(paymentBalance.amount())).longValueExact();
        return part == 0 ? null : new Money(Math.min(part, balance), cancel.currency());
    }

    void requested(Money part) {
        pending = part;
    }

    /** The tax-free part a recorded cancel had: what Toss says it refunded, else what was asked. */
    Money settledPart(Money reportedByToss) {
        return reportedByToss != null && reportedByToss.isPositive() ? reportedByToss : pending;
    }

    /** A cancel was recorded; {@code ours}: the one in flight (not one made at Toss's console meanwhile). */
    void cancelled(Money part, boolean ours) {
        balance = Math.max(0, balance - (part == null ? 0 : part.amount()));
        if (ours) {
            pending = null;
        }
    }

    void refundedInFull() {
        balance = 0;
        pending = null;
    }
}
