package com.grow.payments.command.payment;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;

/** What any new payment, by checkout or virtual account, must satisfy. */
final class CheckoutRules {

    private CheckoutRules() {
    }

    static void requirePositive(Money amount) {
        if (!amount.isPositive()) {
            throw new PaymentRejection(ErrorCode.VALIDATION_FAILED, "amount must be positive");
        }
    }
}
