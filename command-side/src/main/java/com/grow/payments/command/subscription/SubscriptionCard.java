package com.grow.payments.command.subscription;

import com.grow.payments.shared.subscription.SubscriptionChargeRequested;
import com.grow.payments.shared.subscription.SubscriptionCommands.ChangeSubscriptionBillingKey;
import com.grow.payments.shared.subscription.SubscriptionPaymentMethodChanged;
import com.grow.payments.shared.subscription.SubscriptionStarted;
import java.util.Optional;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * The card a subscription charges, a member of the Subscription aggregate: the billing key it
 * started on, until the member moves it to another of theirs. Every charge asked after a change,
 * the overdue cycle's included, names the new key; the old one is never asked again.
 */
class SubscriptionCard {

    private String billingKeyId;
    private String customerKey;
    /** The key the latest charge request named. */
    private String requestedOn;

    String billingKeyId() {
        return billingKeyId;
    }

    String customerKey() {
        return customerKey;
    }

    /**
     * Whether the charge in flight was asked on the current key: one asked before a card change
     * (parked, and retried late) is never sent to Toss on the old key; the janitor settles it.
     */
    boolean inFlightOnCurrentKey() {
        return requestedOn == null || requestedOn.equals(billingKeyId);
    }

    /** The event moving the subscription to the command's key; empty when it is on that key already. */
    Optional<SubscriptionPaymentMethodChanged> changeTo(ChangeSubscriptionBillingKey command, String subscriptionId,
                                                        String memberId) {
        return command.billingKeyId().equals(billingKeyId) ? Optional.empty()
                : Optional.of(new SubscriptionPaymentMethodChanged(subscriptionId, memberId, command.billingKeyId(),
                        command.customerKey(), billingKeyId));
    }

    @EventSourcingHandler
    void on(SubscriptionStarted event) {
        billingKeyId = event.billingKeyId();
        customerKey = event.customerKey();
    }

    @EventSourcingHandler
    void on(SubscriptionChargeRequested event) {
        requestedOn = event.billingKeyId();
    }

    @EventSourcingHandler
    void on(SubscriptionPaymentMethodChanged event) {
        billingKeyId = event.billingKeyId();
        customerKey = event.customerKey();
    }
}
