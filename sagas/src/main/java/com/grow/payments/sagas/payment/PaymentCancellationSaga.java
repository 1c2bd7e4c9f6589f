package com.grow.payments.sagas.payment;

import com.grow.payments.sagas.gateway.CancelOutcome;
import com.grow.payments.sagas.gateway.CancelRequest;
import com.grow.payments.sagas.gateway.MerchantOf;
import com.grow.payments.sagas.gateway.PaymentGateway;
import com.grow.payments.sagas.gateway.StepKeys;
import com.grow.payments.shared.payment.PaymentCancelOutcomeUnknown;
import com.grow.payments.shared.payment.PaymentCancelRefused;
import com.grow.payments.shared.payment.PaymentCancelRequested;
import com.grow.payments.shared.payment.PaymentCancelled;
import com.grow.payments.shared.payment.PaymentCommands.RecordCancelOutcomeUnknown;
import com.grow.payments.shared.payment.PaymentCommands.RecordCancelRefusal;
import com.grow.payments.shared.payment.PaymentCommands.RecordCancellation;
import jakarta.inject.Inject;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cancel step: asks Toss to refund, with a key derived from the step so a retry replays
 * instead of refunding twice, and records the answer. An answer that could not be recorded leaves
 * the cancel in progress for the janitor's look-up.
 */
public class PaymentCancellationSaga {

    private static final Logger log = LoggerFactory.getLogger(PaymentCancellationSaga.class);

    private String cancelId;

    @Inject
    private transient PaymentGateway gateway;
    @Inject
    private transient MerchantOf merchants;
    @Inject
    private transient CommandGateway commands;

    @StartSaga
    @SagaEventHandler(associationProperty = "cancelId")
    public void on(PaymentCancelRequested event) {
        cancelId = event.cancelId();
        CancelRequest request = new CancelRequest(event.orderId(), event.paymentKey(), event.cancelReason(),
                event.cancelAmount(), event.refundAccount(), StepKeys.of("cancel", event.orderId(), event.cancelId()),
                event.taxFreeAmount());
        gateway.cancel(merchants.order(event.orderId()), request)
                .thenCompose(outcome -> commands.send(record(event, outcome)))
                .exceptionally(failure -> {
                    log.error("could not record Toss's answer to cancel {} of order {}; left for the janitor",
                            cancelId, event.orderId(), failure);
                    return null;
                });
    }

    private static Object record(PaymentCancelRequested event, CancelOutcome outcome) {
        if (outcome instanceof CancelOutcome.Cancelled cancelled) {
            return new RecordCancellation(event.orderId(), event.cancelId(), cancelled.cancel(),
                    cancelled.payment().balanceAmount(), cancelled.payment().cancels());
        }
        if (outcome instanceof CancelOutcome.Refused refused) {
            return new RecordCancelRefusal(event.orderId(), event.cancelId(), refused.failure());
        }
        return new RecordCancelOutcomeUnknown(event.orderId(), event.cancelId(),
                ((CancelOutcome.Unknown) outcome).reason());
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "cancelId")
    public void on(PaymentCancelled event) {
        // refunded and recorded
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "cancelId")
    public void on(PaymentCancelRefused event) {
        // Toss refused; nothing was refunded
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "cancelId")
    public void on(PaymentCancelOutcomeUnknown event) {
        // the janitor's look-up takes over
    }

    public String getCancelId() {
        return cancelId;
    }
}
