package com.grow.payments.sagas.payment;

import com.grow.payments.sagas.gateway.MerchantOf;
import com.grow.payments.sagas.gateway.CancelOutcome;
import com.grow.payments.sagas.gateway.CancelRequest;
import com.grow.payments.sagas.gateway.PaymentGateway;
import com.grow.payments.sagas.gateway.StepKeys;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.PaymentKey;
import com.grow.payments.shared.payment.PaymentCommands.RecordCompensation;
import com.grow.payments.shared.payment.PaymentCompensated;
import com.grow.payments.shared.payment.PaymentCompensationStarted;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RefundApprovedPayment: Toss approved a payment that cannot stand (another amount than checked
 * out, or after it was recorded as failed). The whole approval is refunded at Toss with its own
 * step key; if Toss's answer is not known, the janitor's look-up sends the same refund again.
 */
public class PaymentCompensationSaga {

    private static final Logger log = LoggerFactory.getLogger(PaymentCompensationSaga.class);

    private String orderId;

    @Inject
    private transient PaymentGateway gateway;
    @Inject
    private transient MerchantOf merchants;
    @Inject
    private transient CommandGateway commands;

    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(PaymentCompensationStarted event) {
        orderId = event.orderId().value();
        refundApprovedPayment(gateway, merchants.order(event.orderId()), commands, event.orderId(), event.paymentKey(), event.reason());
    }

    /** The compensating full refund at the payment's merchant; the janitor calls it too, with the same step key. */
    public static CompletableFuture<Void> refundApprovedPayment(PaymentGateway gateway, String merchant,
                                                                CommandGateway commands, OrderId orderId,
                                                                PaymentKey paymentKey, String reason) {
        CancelRequest refund = new CancelRequest(orderId, paymentKey, "compensation: " + reason, null, null,
                StepKeys.of("compensate", orderId, paymentKey));
        return gateway.cancel(merchant, refund)
                .thenCompose(outcome -> outcome instanceof CancelOutcome.Cancelled cancelled
                        ? commands.send(new RecordCompensation(orderId, cancelled.cancel()))
                        : CompletableFuture.completedFuture(null))
                .thenAccept(recorded -> { })
                .exceptionally(failure -> {
                    log.error("compensating refund of order {} not recorded; the janitor retries", orderId, failure);
                    return null;
                });
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(PaymentCompensated event) {
        // refunded in full
    }

    public String getOrderId() {
        return orderId;
    }
}
