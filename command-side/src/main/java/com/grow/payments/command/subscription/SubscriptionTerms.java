package com.grow.payments.command.subscription;

import com.grow.payments.shared.Money;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import com.grow.payments.shared.subscription.SubscriptionCommands.StartSubscription;

/**
 * What each cycle's charge is made with besides its amount: the Toss merchant that issued the
 * card's billing key (null: the default one) and the tax-free part of the amount (null: none).
 */
record SubscriptionTerms(String merchant, Money taxFreeAmount) {

    /** A positive amount, and a tax-free part of at most the amount. */
    static void check(StartSubscription command) {
        if (!command.amount().isPositive()) {
            throw new PaymentRejection(ErrorCode.VALIDATION_FAILED, "amount must be positive");
        }
        if (command.taxFreeAmount() != null && command.taxFreeAmount().amount() > command.amount().amount()) {
            throw PaymentRejection.invalidField("taxFreeAmount", "must be between 0 and the amount");
        }
    }
}
