package com.grow.payments.sagas.billing;

import com.grow.payments.sagas.gateway.IssueOutcome;
import com.grow.payments.sagas.gateway.PaymentGateway;
import com.grow.payments.sagas.gateway.StepKeys;
import com.grow.payments.shared.billing.BillingCommands.RecordBillingKeyIssueUnknown;
import com.grow.payments.shared.billing.BillingCommands.RecordBillingKeyIssued;
import com.grow.payments.shared.billing.BillingCommands.RecordBillingKeyRefused;
import com.grow.payments.shared.billing.BillingKeyIssueOutcomeUnknown;
import com.grow.payments.shared.billing.BillingKeyIssueRequested;
import com.grow.payments.shared.billing.BillingKeyIssued;
import com.grow.payments.shared.billing.BillingKeyRefused;
import com.grow.payments.shared.merchant.Merchants;
import com.grow.payments.shared.payment.Failure;
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
 * Exchanges the billing window's authKey for a billing key at Toss and puts the key straight into
 * the vault; only its id and the card's public facts are recorded as events.
 */
public class BillingKeyIssuanceSaga {

    private static final Logger log = LoggerFactory.getLogger(BillingKeyIssuanceSaga.class);
    static final Failure AUTH_KEY_UNAVAILABLE = new Failure("AUTH_KEY_UNAVAILABLE",
            "the card registration expired before its billing key was issued; register the card again");

    private String billingKeyId;

    @Inject
    private transient PaymentGateway gateway;
    @Inject
    private transient BillingKeyVault vault;
    @Inject
    private transient CommandGateway commands;
    @Inject
    private transient AuthKeys authKeys;

    @StartSaga
    @SagaEventHandler(associationProperty = "billingKeyId")
    public void on(BillingKeyIssueRequested event) {
        billingKeyId = event.billingKeyId();
        Optional<String> authKey = authKeys.reveal(billingKeyId);
        if (authKey.isEmpty()) {
            // purged after its retention, or never kept: nothing to exchange, nothing asked of Toss
            commands.send(new RecordBillingKeyRefused(billingKeyId, AUTH_KEY_UNAVAILABLE));
            return;
        }
        gateway.issueBillingKey(Merchants.orDefault(event.merchant()),
                        authKey.get(), event.customerKey(), StepKeys.of("issue-billing-key", billingKeyId))
                .thenCompose(this::record)
                .exceptionally(failure -> {
                    log.error("billing key {} could not be recorded", billingKeyId, failure);
                    return null;
                });
    }

    private CompletableFuture<Object> record(IssueOutcome outcome) {
        if (outcome instanceof IssueOutcome.Issued issued) {
            vault.store(billingKeyId, issued.billingKey());
            return commands.send(new RecordBillingKeyIssued(billingKeyId, issued.cardCompany(),
                    issued.cardNumberMasked(), issued.issuedAt()));
        }
        if (outcome instanceof IssueOutcome.Refused refused) {
            return commands.send(new RecordBillingKeyRefused(billingKeyId, refused.failure()));
        }
        // no answer is not a refusal: Toss may have issued a live key (the authKey is spent either way)
        return commands.send(new RecordBillingKeyIssueUnknown(billingKeyId, ((IssueOutcome.Unknown) outcome).reason()));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "billingKeyId")
    public void on(BillingKeyIssued event) {
        // the key is in the vault; the authKey is spent
        authKeys.discard(billingKeyId);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "billingKeyId")
    public void on(BillingKeyRefused event) {
        // nothing was stored; the authKey is not kept either
        authKeys.discard(billingKeyId);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "billingKeyId")
    public void on(BillingKeyIssueOutcomeUnknown event) {
        // flagged for an operator; the authKey is spent either way and is not kept
        authKeys.discard(billingKeyId);
    }

    public String getBillingKeyId() {
        return billingKeyId;
    }
}
