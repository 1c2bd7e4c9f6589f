package com.grow.payments.shared.settlement;

import com.grow.payments.shared.Money;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * Toss settled one transaction to us: of its gross amount, {@code fees} (Toss's fee with its VAT
 * and any interest fee) stayed with Toss and {@code payOut} was paid into our bank account on
 * {@code paidOutDate}. A refund's row runs the other way ({@code refund}): Toss took the refund out
 * of a payout and gave back what fee it returns. Always {@code gross = fees + payOut}.
 *
 * @param transactionKey Toss's key of the settled transaction: one settlement per transaction, ever
 * @param merchant       the name of the merchant whose key the settlement was read with
 */
@Revision("1")
public record SettlementRecorded(String transactionKey, String orderId, String paymentKey, String merchant,
                                 boolean refund, Money gross, Money fees, Money payOut, LocalDate soldDate,
                                 LocalDate paidOutDate) {

    public SettlementRecorded {
        if (gross.amount() != Math.addExact(fees.amount(), payOut.amount())) {
            throw new IllegalArgumentException("a settlement's gross is its fees plus its payout: " + gross + " != "
                    + fees + " + " + payOut);
        }
    }

    /** The stream a settlement is appended to: one per transaction, so a second append is refused. */
    public static String streamOf(String transactionKey) {
        return "stl_" + transactionKey;
    }
}
