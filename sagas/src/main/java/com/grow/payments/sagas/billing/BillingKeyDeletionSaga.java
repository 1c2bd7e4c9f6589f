package com.grow.payments.sagas.billing;

import com.grow.payments.sagas.gateway.MerchantOf;
import com.grow.payments.sagas.gateway.PaymentGateway;
import com.grow.payments.shared.billing.BillingCommands.RecordBillingKeyDeleted;
import com.grow.payments.shared.billing.BillingKeyDeleted;
import com.grow.payments.shared.billing.BillingKeyDeletionRequested;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the key at Toss, then destroys its stored ciphertext (crypto-shredding: no replay of the
 * event store can bring it back). While Toss's answer is unknown the key is kept, so the deletion
 * can be asked again.
 */
public class BillingKeyDeletionSaga {

    private static final Logger log = LoggerFactory.getLogger(BillingKeyDeletionSaga.class);

    private String billingKeyId;

    @Inject
    private transient PaymentGateway gateway;
    @Inject
    private transient MerchantOf merchants;
    @Inject
    private transient BillingKeyVault vault;
    @Inject
    private transient CommandGateway commands;

    @StartSaga
    @SagaEventHandler(associationProperty = "billingKeyId")
    public void on(BillingKeyDeletionRequested event) {
        billingKeyId = event.billingKeyId();
        Optional<String> key = vault.reveal(billingKeyId);
        CompletableFuture<Boolean> deletedAtToss = key.map(tossKey -> gateway.deleteBillingKey(merchants.billingKey(billingKeyId), tossKey))
                .orElse(CompletableFuture.completedFuture(true));
        deletedAtToss.thenCompose(gone -> {
            if (!gone) {
                log.warn("Toss did not confirm deleting billing key {}; kept for another try", billingKeyId);
                return CompletableFuture.completedFuture(null);
            }
            vault.destroy(billingKeyId);
            return commands.send(new RecordBillingKeyDeleted(billingKeyId, "deleted by the member"));
        }).exceptionally(failure -> {
            log.error("deletion of billing key {} not recorded", billingKeyId, failure);
            return null;
        });
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "billingKeyId")
    public void on(BillingKeyDeleted event) {
        // gone at Toss and here
    }

    public String getBillingKeyId() {
        return billingKeyId;
    }
}
