package com.grow.payments.command.payment;

import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import com.grow.payments.shared.payment.PaymentAttentionResolved;
import com.grow.payments.shared.payment.PaymentCommands.ResolvePaymentAttention;

/**
 * An operator's answer to a payment flagged for them. Only a flagged payment can be resolved; the
 * flag goes, the note and the operator stay in the event. The payment's state is not touched: if it
 * is still open, the janitor takes it up again.
 */
final class OperatorAttention {

    private OperatorAttention() {
    }

    static PaymentAttentionResolved resolve(boolean flagged, ResolvePaymentAttention command) {
        if (!flagged) {
            throw new PaymentRejection(ErrorCode.PAYMENT_NOT_FLAGGED,
                    "order " + command.orderId() + " is not flagged for an operator");
        }
        return new PaymentAttentionResolved(command.orderId(), command.note(), command.operator().value());
    }
}
