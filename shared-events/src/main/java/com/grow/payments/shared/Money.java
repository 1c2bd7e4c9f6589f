package com.grow.payments.shared;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;

/** An amount of money in whole units of its currency (won have no minor unit). */
public record Money(long amount, Currency currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (amount < 0) {
            throw new IllegalArgumentException("money cannot be negative: " + amount);
        }
    }

    public static Money won(long amount) {
        return new Money(amount, Currency.KRW);
    }

    @JsonIgnore
    public boolean isPositive() {
        return amount > 0;
    }

    public boolean sameAs(Money other) {
        return other != null && amount == other.amount && currency == other.currency;
    }

    @Override
    public String toString() {
        return amount + " " + currency;
    }
}
