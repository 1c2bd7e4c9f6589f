package com.grow.payments.command.payment.web;

import com.grow.payments.shared.Currency;
import com.grow.payments.shared.Money;
import com.grow.payments.shared.error.PaymentRejection;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Request bodies of the payment commands (the README's API walk-through), validated once at the edge. */
final class PaymentRequests {

    static final String ORDER_ID = "[A-Za-z0-9_-]{6,64}";
    static final String ORDER_ID_MESSAGE = "must be 6-64 characters of [A-Za-z0-9_-]";

    private PaymentRequests() {
    }

    record Checkout(
            @Pattern(regexp = ORDER_ID, message = ORDER_ID_MESSAGE) String orderId,
            @NotBlank @Size(max = 100) String orderName,
            @NotNull @Positive Long amount,
            Currency currency,
            @PositiveOrZero Long taxFreeAmount) {
    }

    /**
     * The tax-free part of an amount (VAT-exempt tuition): null when none was given; more than the
     * amount is a validation error, before anything is stored.
     */
    static Money taxFree(Long taxFreeAmount, Money amount) {
        if (taxFreeAmount == null || taxFreeAmount == 0) {
            return null;
        }
        if (taxFreeAmount < 0 || taxFreeAmount > amount.amount()) {
            throw PaymentRejection.invalidField("taxFreeAmount", "must be between 0 and amount");
        }
        return new Money(taxFreeAmount, amount.currency());
    }

    record Confirm(
            @NotBlank @Size(max = 200) String paymentKey,
            @NotNull @Pattern(regexp = ORDER_ID, message = ORDER_ID_MESSAGE) String orderId,
            @NotNull @Positive Long amount) {
    }
}
