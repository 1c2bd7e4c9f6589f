package com.grow.payments.sagas.subscription;

import com.grow.payments.sagas.billing.BillingKeyVault;
import com.grow.payments.sagas.billing.DunningPolicy;
import com.grow.payments.sagas.gateway.BillingChargeRequest;
import com.grow.payments.sagas.gateway.ConfirmOutcome;
import com.grow.payments.sagas.gateway.PaymentGateway;
import com.grow.payments.sagas.gateway.StepKeys;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.payment.Failure;
import com.grow.payments.shared.payment.PgPayment;
import com.grow.payments.shared.subscription.SubscriptionChargeFailed;
import com.grow.payments.shared.subscription.SubscriptionChargeNeedsAttention;
import com.grow.payments.shared.subscription.SubscriptionChargeOutcomeUnknown;
import com.grow.payments.shared.subscription.SubscriptionChargeRequested;
import com.grow.payments.shared.subscription.SubscriptionCharged;
import com.grow.payments.shared.subscription.SubscriptionCommands.RecordCycleChargeFailed;
import com.grow.payments.shared.subscription.SubscriptionCommands.RecordCycleChargeUnknown;
import com.grow.payments.shared.subscription.SubscriptionCommands.RecordCycleCharged;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Charges one attempt of one cycle on its billing key: the cycle's order id (one charge per cycle
 * at Toss) and a key per attempt (a retried step replays). Billing charges send no webhook, so the
 * answer is the response — or, when it is not known, a look-up by order id (never a blind retry).
 */
public class SubscriptionChargeSaga {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionChargeSaga.class);

    private String orderId;

    @Inject
    private transient PaymentGateway gateway;
    @Inject
    private transient BillingKeyVault vault;
    @Inject
    private transient CommandGateway commands;
    @Inject
    private transient DunningPolicy dunning;
    @Inject
    private transient Clock clock;

    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(SubscriptionChargeRequested event) {
        orderId = event.orderId();
        Optional<String> key = vault.reveal(event.billingKeyId());
        CompletableFuture<ConfirmOutcome> charge = key
                .map(billingKey -> gateway.chargeBillingKey(new BillingChargeRequest(billingKey, event.customerKey(),
                        new OrderId(event.orderId()), event.orderName(), event.amount(),
                        StepKeys.of("charge", event.orderId(), event.attempt()))))
                .orElse(CompletableFuture.completedFuture(new ConfirmOutcome.Declined(
                        new Failure("BILLING_KEY_DELETED", "the card's billing key was deleted"))));
        charge.thenCompose(outcome -> commands.send(record(event, outcome)))
                .exceptionally(failure -> {
                    log.error("charge {} (attempt {}) not recorded; the janitor's sweep finds it", orderId,
                            event.attempt(), failure);
                    return null;
                });
    }

    private Object record(SubscriptionChargeRequested event, ConfirmOutcome outcome) {
        if (outcome instanceof ConfirmOutcome.Approved approved) {
            PgPayment p = approved.payment();
            return new RecordCycleCharged(event.subscriptionId(), event.cycleNo(), event.orderId(),
                    p.paymentKey().value(), p.totalAmount(), p.approvedAt(), p.type());
        }
        Failure failure = outcome instanceof ConfirmOutcome.Declined declined ? declined.failure()
                : outcome instanceof ConfirmOutcome.Expired expired ? expired.failure() : null;
        if (failure == null) {
            return new RecordCycleChargeUnknown(event.subscriptionId(), event.cycleNo(),
                    ((ConfirmOutcome.Unknown) outcome).reason());
        }
        return new RecordCycleChargeFailed(event.subscriptionId(), event.cycleNo(), failure,
                dunning.isHard(failure.code()), clock.instant(), dunning.retryDelays());
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(SubscriptionCharged event) {
        // charged
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(SubscriptionChargeFailed event) {
        // declined: the dunning schedule decides what comes next
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(SubscriptionChargeNeedsAttention event) {
        // Toss's answer did not prove the cycle paid: an operator looks
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "orderId")
    public void on(SubscriptionChargeOutcomeUnknown event) {
        // the janitor looks it up
    }

    public String getOrderId() {
        return orderId;
    }
}
