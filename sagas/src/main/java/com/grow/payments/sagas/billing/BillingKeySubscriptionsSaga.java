package com.grow.payments.sagas.billing;

import com.grow.payments.shared.billing.BillingKeyDeleted;
import com.grow.payments.shared.billing.BillingKeyIssued;
import com.grow.payments.shared.subscription.SubscriptionCanceled;
import com.grow.payments.shared.subscription.SubscriptionCommands.SuspendSubscription;
import com.grow.payments.shared.subscription.SubscriptionPaymentMethodChanged;
import com.grow.payments.shared.subscription.SubscriptionStarted;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;

/**
 * Remembers which subscriptions charge a billing key, so that deleting the key suspends them; a
 * subscription moved to another key (a card change) is handed over to that key's saga.
 */
public class BillingKeySubscriptionsSaga {

    private String billingKeyId;
    private Set<String> subscriptionIds = new LinkedHashSet<>();

    @Inject
    private transient CommandGateway commands;

    @StartSaga
    @SagaEventHandler(associationProperty = "billingKeyId")
    public void on(BillingKeyIssued event) {
        billingKeyId = event.billingKeyId();
    }

    @SagaEventHandler(associationProperty = "billingKeyId")
    public void on(SubscriptionStarted event) {
        subscriptionIds.add(event.subscriptionId());
        SagaLifecycle.associateWith("subscriptionId", event.subscriptionId());
    }

    /** The subscription moved onto this key: deleting this key now suspends it. */
    @SagaEventHandler(associationProperty = "billingKeyId")
    public void onMovedHere(SubscriptionPaymentMethodChanged event) {
        subscriptionIds.add(event.subscriptionId());
        SagaLifecycle.associateWith("subscriptionId", event.subscriptionId());
    }

    /** The subscription left this key: deleting this key no longer touches it. */
    @SagaEventHandler(associationProperty = "previousBillingKeyId", keyName = "billingKeyId")
    public void onMovedAway(SubscriptionPaymentMethodChanged event) {
        subscriptionIds.remove(event.subscriptionId());
        SagaLifecycle.removeAssociationWith("subscriptionId", event.subscriptionId());
    }

    @SagaEventHandler(associationProperty = "subscriptionId")
    public void on(SubscriptionCanceled event) {
        subscriptionIds.remove(event.subscriptionId());
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "billingKeyId")
    public void on(BillingKeyDeleted event) {
        subscriptionIds.forEach(id -> commands.send(new SuspendSubscription(id, "billing key deleted")));
    }

    public String getBillingKeyId() {
        return billingKeyId;
    }

    public Set<String> getSubscriptionIds() {
        return subscriptionIds;
    }
}
