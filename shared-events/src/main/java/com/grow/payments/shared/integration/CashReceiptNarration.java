package com.grow.payments.shared.integration;

import com.grow.payments.shared.cashreceipt.CashReceiptCanceled;
import com.grow.payments.shared.cashreceipt.CashReceiptIssued;
import java.util.Optional;

/** A payment's cash-receipt events as the published language tells them: never the identity number. */
final class CashReceiptNarration {

    private CashReceiptNarration() {
    }

    static Optional<PaymentsV1.Data> tell(String memberId, Object event) {
        if (event instanceof CashReceiptIssued e) {
            return Optional.of(new PaymentsV1.CashReceiptIssued(e.orderId().value(), memberId, e.receiptKey(),
                    e.type() == null ? null : e.type().label(), e.amount().amount(), e.taxFreeAmount(),
                    e.amount().currency().name(), e.issueStatus().name(), e.issueNumber(), e.receiptUrl(),
                    e.issuedAt()));
        }
        if (event instanceof CashReceiptCanceled e) {
            return Optional.of(new PaymentsV1.CashReceiptCanceled(e.orderId().value(), memberId, e.receiptKey(),
                    e.cancelAmount().amount(), e.remaining().amount(), e.cancelAmount().currency().name(),
                    e.canceledAt()));
        }
        return Optional.empty();
    }
}
