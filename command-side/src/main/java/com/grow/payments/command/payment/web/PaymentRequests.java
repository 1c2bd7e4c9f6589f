package com.grow.payments.command.payment.web;

import com.grow.payments.shared.Currency;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
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
            Currency currency) {
    }

    record Confirm(
            @NotBlank @Size(max = 200) String paymentKey,
            @NotNull @Pattern(regexp = ORDER_ID, message = ORDER_ID_MESSAGE) String orderId,
            @NotNull @Positive Long amount) {
    }
}
