package com.grow.payments.sagas.payment;

import com.grow.payments.sagas.gateway.CancelOutcome;
import com.grow.payments.sagas.gateway.CancelRequest;
import com.grow.payments.sagas.gateway.MerchantOf;
import com.grow.payments.sagas.gateway.PaymentGateway;
import com.grow.payments.sagas.gateway.StepKeys;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import com.grow.payments.shared.payment.PaymentCommands.RecordCompensation;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compensating full refund of an approved payment the service could not keep, with its
 * merchant's key: one step key per
 * order and payment key, so the saga and the janitor retrying it reach Toss as one cancel.
 */
public class CompensatingRefund {

    private static final Logger log = LoggerFactory.getLogger(CompensatingRefund.class);

    private final PaymentGateway gateway;
    private final MerchantOf merchants;
    private final CommandGateway commands;

    public CompensatingRefund(PaymentGateway gateway, MerchantOf merchants, CommandGateway commands) {
        this.gateway = gateway;
        this.merchants = merchants;
        this.commands = commands;
    }

    /** Completes once the refund is recorded, or once its failure is logged for the janitor to retry. */
    public CompletableFuture<Void> refund(OrderId orderId, PaymentKey paymentKey, String reason) {
        CancelRequest refund = new CancelRequest(orderId, paymentKey, "compensation: " + reason, null, null,
                StepKeys.of("compensate", orderId, paymentKey));
        // at the merchant the payment was made at: another merchant's key would not find it
        return gateway.cancel(merchants.order(orderId), refund)
                .thenCompose(outcome -> outcome instanceof CancelOutcome.Cancelled cancelled
                        ? commands.send(new RecordCompensation(orderId, cancelled.cancel()))
                        : CompletableFuture.completedFuture(null))
                .thenAccept(recorded -> { })
                .exceptionally(failure -> {
                    log.error("compensating refund of order {} not recorded; the janitor retries", orderId, failure);
                    return null;
                });
    }
}
