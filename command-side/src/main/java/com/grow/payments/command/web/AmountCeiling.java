package com.grow.payments.command.web;

import com.grow.payments.shared.error.PaymentRejection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The largest amount any request may carry, {@code payments.max-amount} won (100,000,000 by
 * default): a typo of a few zeros is refused at the edge, before anything is asked of Toss, and
 * no sum of accepted amounts can come near a {@code long}'s limit.
 */
@Component
public class AmountCeiling {

    private final long max;

    public AmountCeiling(@Value("${payments.max-amount:100000000}") long max) {
        if (max <= 0) {
            throw new IllegalStateException("payments.max-amount must be positive");
        }
        this.max = max;
    }

    /** Refuses (400 VALIDATION_FAILED naming the field) an amount above the ceiling; null passes. */
    public void check(String field, Long amount) {
        if (amount != null && amount > max) {
            throw PaymentRejection.invalidField(field, "must not exceed " + max);
        }
    }
}
