package com.grow.payments.sagas.payment;

import com.grow.payments.sagas.gateway.ConfirmOutcome;
import com.grow.payments.sagas.gateway.MerchantOf;
import com.grow.payments.sagas.gateway.PaymentGateway;
import com.grow.payments.sagas.gateway.StepKeys;
import com.grow.payments.sagas.gateway.VirtualAccountRequest;
import com.grow.payments.shared.cashreceipt.IdentityNumberVault;
import com.grow.payments.shared.payment.PaymentCommands.RecordPaymentOutcomeUnknown;
import com.grow.payments.shared.payment.PaymentCommands.RecordVirtualAccountIssued;
import com.grow.payments.shared.payment.PaymentCommands.RecordVirtualAccountRefused;
import com.grow.payments.shared.payment.PaymentDeclined;
import com.grow.payments.shared.payment.PaymentOutcomeUnknown;
import com.grow.payments.shared.payment.VirtualAccountIssued;
import com.grow.payments.shared.payment.VirtualAccountRequested;
import jakarta.inject.Inject;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the virtual account at Toss and records it (its webhook secret only as a hash). The
 * deposit itself arrives later by webhook and is believed only once a look-up at Toss confirms it.
 */
public class VirtualAccountSaga {

    private static final Logger log = LoggerFactory.getLogger(VirtualAccountSaga.class);

    private String orderId;

    @Inject
    private transient PaymentGateway gateway;
    @Inject
    private transient MerchantOf merchants;
    @Inject
    private transient CommandGateway commands;
    @Inject
    private transient IdentityNumberVault identityNumbers;

    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(VirtualAccountRequested event) {
        orderId = event.orderId().value();
        // with a cash receipt, its registration number comes from the vault for this one call
        String registrationNumber = event.cashReceipt() == null ? null : identityNumbers.reveal(orderId).orElse(null);
        VirtualAccountRequest request = new VirtualAccountRequest(event.orderId(), event.orderName(), event.amount(),
                event.customerName(), event.bank(), event.validHours(), StepKeys.of("virtual-account", event.orderId()),
                registrationNumber == null ? null : event.cashReceipt().type(), registrationNumber,
                event.taxFreeAmount());
        gateway.issueVirtualAccount(merchants.order(event.orderId()), request)
                .thenCompose(outcome -> commands.send(record(event, outcome)))
                .exceptionally(failure -> {
                    log.error("virtual account of order {} not recorded; left for the janitor", orderId, failure);
                    return null;
                });
    }

    private static Object record(VirtualAccountRequested event, ConfirmOutcome outcome) {
        if (outcome instanceof ConfirmOutcome.Approved opened) {
            return new RecordVirtualAccountIssued(event.orderId(), opened.payment());
        }
        if (outcome instanceof ConfirmOutcome.Declined declined) {
            return new RecordVirtualAccountRefused(event.orderId(), declined.failure());
        }
        if (outcome instanceof ConfirmOutcome.Expired expired) {
            return new RecordVirtualAccountRefused(event.orderId(), expired.failure());
        }
        return new RecordPaymentOutcomeUnknown(event.orderId(), null, ((ConfirmOutcome.Unknown) outcome).reason());
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(VirtualAccountIssued event) {
        // open: the deposit comes by webhook
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(PaymentDeclined event) {
        // refused (or a card payment declined: nothing to do either way)
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(PaymentOutcomeUnknown event) {
        // the janitor looks it up
    }

    public String getOrderId() {
        return orderId;
    }
}
