package com.grow.payments.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Toss's key for one payment, handed over on the buyer's success redirect. */
public record PaymentKey(@JsonValue String value) {

    @JsonCreator
    public PaymentKey {
        if (value == null || value.isBlank() || value.length() > 200) {
            throw new IllegalArgumentException("paymentKey must be 1-200 characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
