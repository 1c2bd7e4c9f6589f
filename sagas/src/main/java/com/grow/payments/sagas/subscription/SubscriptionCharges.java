package com.grow.payments.sagas.subscription;

import com.grow.payments.sagas.billing.BillingKeyVault;
import com.grow.payments.sagas.billing.BillingKeyVault.UnreadableBillingKeyException;
import com.grow.payments.sagas.billing.DunningPolicy;
import com.grow.payments.sagas.gateway.BillingChargeRequest;
import com.grow.payments.sagas.gateway.ConfirmOutcome;
import com.grow.payments.sagas.gateway.PaymentGateway;
import com.grow.payments.sagas.gateway.StepKeys;
import com.grow.payments.shared.OrderId;
import com.grow.payments.shared.billing.BillingCommands.FlagBillingKeyUnreadable;
import com.grow.payments.shared.merchant.Merchants;
import com.grow.payments.shared.payment.Failure;
import com.grow.payments.shared.payment.FailureCode;
import com.grow.payments.shared.payment.PgPayment;
import com.grow.payments.shared.subscription.SubscriptionChargeRequested;
import com.grow.payments.shared.subscription.SubscriptionCommands.CheckChargeWanted;
import com.grow.payments.shared.subscription.SubscriptionCommands.RecordCycleChargeFailed;
import com.grow.payments.shared.subscription.SubscriptionCommands.RecordCycleChargeUnknown;
import com.grow.payments.shared.subscription.SubscriptionCommands.RecordCycleCharged;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Charges one attempt of one cycle on its billing key: the cycle's order id (one charge per cycle
 * at Toss) and a key per attempt (a retried step replays). Billing charges send no webhook, so the
 * answer is the response — or, when it is not known, a look-up by order id (never a blind retry).
 *
 * <p>A plain event handler, not a saga: it keeps no state between events, and its processing
 * group has a dead-letter queue (Axon offers none to sagas). An event this handler cannot handle
 * is parked with its subscription's later events, and every other subscription is still charged
 * (docs/adr/0013-dead-letters.md).
 */
@ProcessingGroup(SubscriptionCharges.PROCESSING_GROUP)
public class SubscriptionCharges {

    public static final String PROCESSING_GROUP = "subscription-charges";
    /** A held billing key that does not decrypt: no retry can fix the card, an operator must look. */
    public static final String UNREADABLE = FailureCode.BILLING_KEY_UNREADABLE.name();

    private static final Logger log = LoggerFactory.getLogger(SubscriptionCharges.class);

    private final PaymentGateway gateway;
    private final BillingKeyVault vault;
    private final CommandGateway commands;
    private final DunningPolicy dunning;
    private final Clock clock;

    public SubscriptionCharges(PaymentGateway gateway, BillingKeyVault vault, CommandGateway commands,
                               DunningPolicy dunning, Clock clock) {
        this.gateway = gateway;
        this.vault = vault;
        this.commands = commands;
        this.dunning = dunning;
        this.clock = clock;
    }

    @EventHandler
    public void on(SubscriptionChargeRequested event) {
        charge(event).thenCompose(outcome -> outcome == null ? CompletableFuture.completedFuture(null)
                        : commands.send(record(event, outcome)))
                .exceptionally(failure -> {
                    log.error("charge {} (attempt {}) not recorded; the janitor's sweep finds it", event.orderId(),
                            event.attempt(), failure);
                    return null;
                });
    }

    /**
     * The key is read here, in the handler's thread, so that a failure to read it reaches the
     * processor and parks the subscription's sequence. Toss is called only if the subscription still
     * waits for this attempt (a parked request may be retried long after); null when it does not.
     */
    private CompletableFuture<ConfirmOutcome> charge(SubscriptionChargeRequested event) {
        Optional<String> key;
        try {
            key = vault.reveal(event.billingKeyId());
        } catch (UnreadableBillingKeyException e) {
            // fails closed: the card is not charged, the subscription is suspended and the key
            // flagged; the exception's text stays out of the log (it names key and crypto key ids)
            log.error("billing key {} of subscription {} does not decrypt; its charges stop until an operator acts",
                    event.billingKeyId(), event.subscriptionId());
            commands.send(new FlagBillingKeyUnreadable(event.billingKeyId()));
            return declined(FailureCode.BILLING_KEY_UNREADABLE.failure());
        }
        if (key.isEmpty()) {
            return declined(FailureCode.BILLING_KEY_DELETED.failure());
        }
        return commands.<Boolean>send(new CheckChargeWanted(event.subscriptionId(), event.cycleNo(), event.attempt()))
                .thenCompose(wanted -> {
                    if (!Boolean.TRUE.equals(wanted)) {
                        log.warn("charge {} (attempt {}) is no longer wanted by its subscription; Toss is not asked",
                                event.orderId(), event.attempt());
                        return CompletableFuture.completedFuture(null);
                    }
                    // the subscription's merchant: the one its billing key was issued at
                    return gateway.chargeBillingKey(Merchants.orDefault(event.merchant()),
                            new BillingChargeRequest(key.get(), event.customerKey(), new OrderId(event.orderId()),
                                    event.orderName(), event.amount(), StepKeys.of("charge", event.orderId(),
                                    event.attempt()), event.taxFreeAmount()));
                });
    }

    private static CompletableFuture<ConfirmOutcome> declined(Failure failure) {
        return CompletableFuture.completedFuture(new ConfirmOutcome.Declined(failure));
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
}
