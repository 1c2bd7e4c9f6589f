package com.grow.payments.sagas.payment;

import com.grow.payments.sagas.gateway.ConfirmOutcome;
import com.grow.payments.sagas.gateway.ConfirmRequest;
import com.grow.payments.sagas.gateway.MerchantOf;
import com.grow.payments.sagas.gateway.PaymentGateway;
import com.grow.payments.sagas.gateway.StepKeys;
import com.grow.payments.shared.payment.PaymentApproved;
import com.grow.payments.shared.payment.PaymentCommands.RecordPaymentApproval;
import com.grow.payments.shared.payment.PaymentCommands.RecordPaymentDecline;
import com.grow.payments.shared.payment.PaymentCommands.RecordPaymentExpiry;
import com.grow.payments.shared.payment.PaymentCommands.RecordPaymentOutcomeUnknown;
import com.grow.payments.shared.payment.PaymentConfirmationRequested;
import com.grow.payments.shared.payment.PaymentDeclined;
import com.grow.payments.shared.payment.PaymentExpired;
import com.grow.payments.shared.payment.PaymentOutcomeUnknown;
import com.grow.payments.shared.payment.PgPayment;
import jakarta.inject.Inject;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confirms an authenticated payment at the PG and records what the PG answered. The call is
 * asynchronous and outside any transaction; the saga ends once the answer is recorded. A payment
 * whose answer could not be recorded stays IN_PROGRESS for the janitor to look up.
 */
public class PaymentConfirmationSaga {

    private static final Logger log = LoggerFactory.getLogger(PaymentConfirmationSaga.class);

    private String orderId;

    @Inject
    private transient PaymentGateway gateway;
    @Inject
    private transient MerchantOf merchants;
    @Inject
    private transient CommandGateway commands;

    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(PaymentConfirmationRequested event) {
        orderId = event.orderId().value();
        ConfirmRequest request = new ConfirmRequest(event.orderId(), event.paymentKey(), event.amount(),
                StepKeys.of("confirm", event.orderId(), event.paymentKey()));
        gateway.confirm(merchants.order(event.orderId()), request)
                .thenCompose(outcome -> commands.send(record(event, outcome)))
                .exceptionally(failure -> {
                    log.error("could not record the PG's answer for order {}; left for the janitor", orderId, failure);
                    return null;
                });
    }

    private static Object record(PaymentConfirmationRequested event, ConfirmOutcome outcome) {
        if (outcome instanceof ConfirmOutcome.Approved approved) {
            PgPayment p = approved.payment();
            return new RecordPaymentApproval(event.orderId(), event.paymentKey(), p.totalAmount(), p.method(),
                    p.card(), p.receiptUrl(), p.lastTransactionKey(), p.approvedAt());
        }
        if (outcome instanceof ConfirmOutcome.Declined declined) {
            return new RecordPaymentDecline(event.orderId(), event.paymentKey(), declined.failure());
        }
        if (outcome instanceof ConfirmOutcome.Expired expired) {
            return new RecordPaymentExpiry(event.orderId(), event.paymentKey(), expired.failure());
        }
        return new RecordPaymentOutcomeUnknown(event.orderId(), event.paymentKey(),
                ((ConfirmOutcome.Unknown) outcome).reason());
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(PaymentApproved event) {
        // the payment is settled; nothing left to drive
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(PaymentDeclined event) {
        // final decline recorded
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(PaymentExpired event) {
        // the buyer's window had closed
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(PaymentOutcomeUnknown event) {
        // reconciliation by lookup takes over from here
    }

    public String getOrderId() {
        return orderId;
    }
}
