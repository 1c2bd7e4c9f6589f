package com.grow.payments.shared.cashreceipt;

import com.grow.payments.shared.Caller;
import com.grow.payments.shared.Money;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.payment.Failure;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands about a payment's cash receipt, handled by the payment's receipt member. */
public final class CashReceiptCommands {

    private CashReceiptCommands() {
    }

    /** Issue a receipt for the paid amount; the identity number is already in the vault (masked here). */
    public record RequestCashReceipt(@TargetAggregateIdentifier OrderId orderId, Caller caller, CashReceiptType type,
                                     String identityNumberMasked, String requestDate) {
    }

    public record RecordCashReceiptIssued(@TargetAggregateIdentifier OrderId orderId, PgCashReceipt receipt,
                                          Instant issuedAt) {
    }

    public record RecordCashReceiptIssueFailed(@TargetAggregateIdentifier OrderId orderId, Failure failure) {
    }

    public record RecordCashReceiptUnknown(@TargetAggregateIdentifier OrderId orderId, String reason) {
    }

    public record RecordCashReceiptCanceled(@TargetAggregateIdentifier OrderId orderId, String receiptKey,
                                            Money cancelAmount, Instant canceledAt) {
    }
}
