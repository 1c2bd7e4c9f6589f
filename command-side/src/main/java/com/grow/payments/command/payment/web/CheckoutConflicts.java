package com.grow.payments.command.payment.web;

import com.grow.payments.command.web.AggregateEvents;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import com.grow.payments.shared.payment.PaymentCommands.CheckOutPayment;
import com.grow.payments.shared.payment.PaymentView;
import java.util.concurrent.CompletionException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.springframework.stereotype.Component;

/**
 * The order id is the payment's natural key: a second checkout of the same order with the same
 * content is the first one again; with other content it is refused.
 */
@Component
public class CheckoutConflicts {

    private final AggregateEvents views;

    public CheckoutConflicts(AggregateEvents views) {
        this.views = views;
    }

    public PaymentView existingCheckoutOrThrow(CheckOutPayment command, Throwable failure) {
        Throwable cause = unwrap(failure);
        if (!(cause instanceof AggregateStreamCreationException)) {
            throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
        }
        return views.load(command.orderId())
                .filter(existing -> sameCheckout(existing, command))
                .orElseThrow(() -> new PaymentRejection(ErrorCode.ORDER_ID_ALREADY_USED,
                        "order " + command.orderId() + " was already checked out with other content"));
    }

    private static boolean sameCheckout(PaymentView existing, CheckOutPayment command) {
        return existing.memberId().equals(command.memberId().value())
                && existing.orderName().equals(command.orderName())
                && existing.totalAmount() == command.amount().amount()
                && existing.currency().equals(command.amount().currency().name());
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
