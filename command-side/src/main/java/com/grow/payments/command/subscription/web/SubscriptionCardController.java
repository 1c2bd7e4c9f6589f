package com.grow.payments.command.subscription.web;

import com.grow.payments.command.web.AggregateEvents;
import com.grow.payments.shared.Caller;
import com.grow.payments.shared.MemberId;
import com.grow.payments.shared.billing.BillingKeyDeleted;
import com.grow.payments.shared.billing.BillingKeyDeletionRequested;
import com.grow.payments.shared.billing.BillingKeyIssued;
import com.grow.payments.shared.error.ErrorCode;
import com.grow.payments.shared.error.PaymentRejection;
import com.grow.payments.shared.subscription.SubscriptionCommands.ChangeSubscriptionBillingKey;
import com.grow.payments.shared.subscription.SubscriptionStarted;
import com.grow.payments.shared.subscription.SubscriptionView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cards on file: a subscription moves to another ACTIVE billing key of its member. The next charge
 * (after a resume, the overdue cycle on its original due date) is made on the new key only.
 */
@RestController
public class SubscriptionCardController {

    record ChangeCardRequest(@NotBlank @Size(max = 64) String billingKeyId) {
    }

    private final CommandGateway commands;
    private final AggregateEvents events;

    public SubscriptionCardController(CommandGateway commands, AggregateEvents events) {
        this.commands = commands;
        this.events = events;
    }

    /** 200 the subscription on its new key; 404 BILLING_KEY_NOT_FOUND, 409 BILLING_KEY_DELETED or SUBSCRIPTION_CANCELED. */
    @PutMapping("/api/v1/subscriptions/{subscriptionId}/billing-key")
    public CompletableFuture<SubscriptionView> change(@PathVariable String subscriptionId,
                                                      @Valid @RequestBody ChangeCardRequest body, Caller caller) {
        SubscriptionStarted started = subscriptionId.length() > 64 ? null : events.events(subscriptionId).stream()
                .filter(SubscriptionStarted.class::isInstance).map(SubscriptionStarted.class::cast)
                .findFirst().orElse(null);
        if (started == null || !caller.mayAccess(new MemberId(started.memberId()))) {
            throw new PaymentRejection(ErrorCode.SUBSCRIPTION_NOT_FOUND, "no subscription " + subscriptionId);
        }
        BillingKeyIssued card = usableKey(body.billingKeyId(), started.memberId());
        return commands.send(new ChangeSubscriptionBillingKey(subscriptionId, caller, card.billingKeyId(),
                        card.customerKey()))
                .thenApply(done -> SubscriptionView.fold(events.answer(caller.memberId(), subscriptionId)));
    }

    /** An issued key of the subscription's member; one being deleted counts as deleted (it is never charged). */
    private BillingKeyIssued usableKey(String billingKeyId, String memberId) {
        List<Object> history = events.events(billingKeyId);
        BillingKeyIssued issued = history.stream().filter(BillingKeyIssued.class::isInstance)
                .map(BillingKeyIssued.class::cast).findFirst().orElse(null);
        if (issued == null || !issued.memberId().equals(memberId)) {
            throw new PaymentRejection(ErrorCode.BILLING_KEY_NOT_FOUND, "no billing key " + billingKeyId);
        }
        if (history.stream().anyMatch(e -> e instanceof BillingKeyDeleted || e instanceof BillingKeyDeletionRequested)) {
            throw new PaymentRejection(ErrorCode.BILLING_KEY_DELETED, "billing key " + billingKeyId + " is deleted");
        }
        return issued;
    }
}
