package com.grow.payments.command.payment;

import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import com.grow.payments.shared.payment.PaymentAttentionResolved;
import com.grow.payments.shared.payment.PaymentCommands.ResolvePaymentAttention;
import com.grow.payments.shared.payment.PaymentNeedsAttention;
import java.util.Optional;

/**
 * A payment flagged for an operator (once: a flag already raised is not raised again), and the
 * operator's answer. Only a flagged payment can be resolved; the
 * flag goes, the note and the operator stay in the event. The payment's state is not touched: if it
 * is still open, the janitor takes it up again.
 */
final class OperatorAttention {

    private OperatorAttention() {
    }

    static Optional<PaymentNeedsAttention> flag(PaymentSnapshot p, String reason) {
        return p.flagged() ? Optional.empty() : Optional.of(new PaymentNeedsAttention(p.orderId(), reason));
    }

    static PaymentAttentionResolved resolve(boolean flagged, ResolvePaymentAttention command) {
        if (!flagged) {
            throw new PaymentRejection(ErrorCode.PAYMENT_NOT_FLAGGED,
                    "order " + command.orderId() + " is not flagged for an operator");
        }
        return new PaymentAttentionResolved(command.orderId(), command.note(), command.operator().value());
    }
}
